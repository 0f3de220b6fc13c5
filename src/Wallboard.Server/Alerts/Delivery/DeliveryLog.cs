using System.Text.Json;
using Wallboard.Server.State;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// The record of every delivery attempt: the latest ones in memory (bounded), and per alert in Redis as a
/// capped list, so that the console can show what was sent where, and what failed, after a restart too.
/// </summary>
internal sealed partial class DeliveryLog(RedisConnection redis, RedisKeys keys, DeliverySettings settings, ILogger<DeliveryLog> logger)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly Lock _gate = new();
    private readonly Queue<DeliveryAttempt> _recent = new();

    public async Task RecordAsync(DeliveryAttempt attempt)
    {
        var options = settings.Delivery.Delivery;
        lock (_gate)
        {
            _recent.Enqueue(attempt);
            while (_recent.Count > options.RecordCapacity)
            {
                _recent.Dequeue();
            }
        }

        try
        {
            var database = await redis.DatabaseAsync();
            var json = JsonSerializer.Serialize(attempt, Json);
            var writes = new List<Task>();
            foreach (var alertId in attempt.AlertIds)
            {
                var key = keys.AlertDeliveries(alertId);
                writes.Add(database.ListRightPushAsync(key, json));
                writes.Add(database.ListTrimAsync(key, -options.RecordsPerAlert, -1));
                writes.Add(database.KeyExpireAsync(key, settings.Retention));
            }

            await Task.WhenAll(writes);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRecordFailed(attempt.Channel, error.Message);
        }
    }

    /// <summary>An alert's attempts, oldest first: from Redis, or from memory while Redis is away.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> ForAlertAsync(string alertId)
    {
        try
        {
            var database = await redis.DatabaseAsync();
            var entries = await database.ListRangeAsync(keys.AlertDeliveries(alertId));
            return [.. entries.Select(entry => JsonSerializer.Deserialize<DeliveryAttempt>((string)entry!, Json)!)];
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            lock (_gate)
            {
                return [.. _recent.Where(attempt => attempt.AlertIds.Contains(alertId, StringComparer.Ordinal))];
            }
        }
    }

    /// <summary>The latest attempts of all alerts, oldest first (in memory only).</summary>
    public IReadOnlyList<DeliveryAttempt> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A delivery attempt to channel {Channel} could not be recorded in Redis: {Reason}")]
    private partial void LogRecordFailed(string channel, string reason);
}
