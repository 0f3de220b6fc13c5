namespace Wallboard.Server.Realtime;

/// <summary>Server health as boards show it.</summary>
internal sealed record BoardStatus(bool Stale, string? Reason, DateTimeOffset At);
