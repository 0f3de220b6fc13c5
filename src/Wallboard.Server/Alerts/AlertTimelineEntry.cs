namespace Wallboard.Server.Alerts;

/// <summary>One step of an alert's timeline (kind: fired, escalated, acknowledged, clearing, resolved…).</summary>
internal sealed record AlertTimelineEntry(string Kind, DateTimeOffset At, string Severity, double? Value, string? By, string? Note);
