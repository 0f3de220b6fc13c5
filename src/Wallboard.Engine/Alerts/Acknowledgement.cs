namespace Wallboard.Engine.Alerts;

/// <summary>Who took an alert, when, and what they said.</summary>
public sealed record Acknowledgement(string By, DateTimeOffset At, string? Note);
