using StackExchange.Redis;

namespace Wallboard.Server.State;

/// <summary>One log entry: its stream id, when it arrived (Unix ms) and its events as a JSON array.</summary>
internal sealed record EventLogEntry(RedisValue Id, long ArrivalMs, string EventsJson);
