namespace Wallboard.Engine.Alerts;

/// <summary>An alert right after a transition, with the transition.</summary>
public sealed record AlertChange(Alert Alert, AlertTransition Transition);
