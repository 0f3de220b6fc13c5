using StackExchange.Redis;

namespace Wallboard.Server.State;

/// <summary>
/// The durable event log: a Redis stream with one entry per accepted request, holding its arrival time
/// and its events as a JSON array. Replaying entries in order with their arrival times reproduces the
/// engine exactly.
/// </summary>
internal sealed class EventLog(RedisConnection redis, RedisKeys keys)
{
    public const string ArrivalField = "arrival";
    public const string EventsField = "events";

    public async Task<RedisValue> AppendAsync(long arrivalMs, ReadOnlyMemory<byte> eventsJson)
    {
        var database = await redis.DatabaseAsync();
        return await database.StreamAddAsync(keys.EventLog, [new(ArrivalField, arrivalMs), new(EventsField, eventsJson)]);
    }

    /// <summary>Entries after <paramref name="position"/> (exclusive; "0-0" for all), oldest first, in pages.</summary>
    public async IAsyncEnumerable<EventLogEntry> ReadAfterAsync(
        RedisValue position, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync();
        var after = position;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await database.StreamRangeAsync(keys.EventLog, "(" + after, "+", pageSize);
            foreach (var entry in page)
            {
                yield return new EventLogEntry(entry.Id, (long)entry[ArrivalField], (string?)entry[EventsField] ?? "[]");
            }

            if (page.Length < pageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>The id of the newest entry, or "0-0" when the log is empty.</summary>
    public async Task<RedisValue> LastIdAsync()
    {
        var database = await redis.DatabaseAsync();
        var last = await database.StreamRangeAsync(keys.EventLog, "-", "+", 1, Order.Descending);
        return last.Length == 0 ? (RedisValue)"0-0" : last[0].Id;
    }

    /// <summary>Drops entries older than <paramref name="minId"/> (approximately, as Redis trims whole nodes).</summary>
    public async Task TrimBeforeAsync(RedisValue minId)
    {
        var database = await redis.DatabaseAsync();
        await database.ExecuteAsync("XTRIM", keys.EventLog, "MINID", "~", minId);
    }
}
