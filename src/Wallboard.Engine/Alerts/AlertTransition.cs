namespace Wallboard.Engine.Alerts;

/// <summary>One step of an alert's timeline, timestamped on the engine clock.</summary>
public sealed record AlertTransition(AlertChangeKind Kind, DateTimeOffset At, AlertSeverity Severity, double? Value, string? By = null, string? Note = null);
