namespace Wallboard.Server.Alerts;

/// <summary>What the hub pushes: the alert after a change, and which change (fired, acknowledged, resolved…).</summary>
internal sealed record AlertChangePayload(string Change, AlertPayload Alert);
