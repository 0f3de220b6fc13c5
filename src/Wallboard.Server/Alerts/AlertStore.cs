using System.Text.Json;
using StackExchange.Redis;
using Wallboard.Server.Hosting;
using Wallboard.Server.State;

namespace Wallboard.Server.Alerts;

/// <summary>
/// Active alerts (a hash by id) and the history of resolved ones (a sorted set by resolution time,
/// trimmed to the retention) in Redis, so that a restart continues the active alerts and the console
/// shows the last days.
/// </summary>
internal sealed class AlertStore(RedisConnection redis, RedisKeys keys, LastValidOptions<AlertsOptions> options)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public async Task SaveAsync(IReadOnlyList<AlertPayload> changed, DateTimeOffset now)
    {
        var database = await redis.DatabaseAsync();
        var batch = database.CreateBatch();
        var writes = new List<Task>();
        foreach (var alert in changed)
        {
            var json = JsonSerializer.Serialize(alert, Json);
            if (alert.Phase == "resolved")
            {
                writes.Add(batch.HashDeleteAsync(keys.ActiveAlerts, alert.Id));
                writes.Add(batch.SortedSetAddAsync(keys.AlertHistory, json, alert.ResolvedAt!.Value.ToUnixTimeMilliseconds()));
            }
            else if (alert.Phase != "pending")
            {
                writes.Add(batch.HashSetAsync(keys.ActiveAlerts, alert.Id, json));
            }
        }

        var oldest = (now - options.Value.HistoryRetention).ToUnixTimeMilliseconds();
        writes.Add(batch.SortedSetRemoveRangeByScoreAsync(keys.AlertHistory, double.NegativeInfinity, oldest));
        batch.Execute();
        await Task.WhenAll(writes);
    }

    public async Task<IReadOnlyList<AlertPayload>> ActiveAsync()
    {
        var database = await redis.DatabaseAsync();
        var entries = await database.HashValuesAsync(keys.ActiveAlerts);
        return [.. entries.Select(entry => JsonSerializer.Deserialize<AlertPayload>((string)entry!, Json)!)];
    }

    public async Task<IReadOnlyList<AlertPayload>> RecentAsync(DateTimeOffset since, int limit)
    {
        var database = await redis.DatabaseAsync();
        var entries = await database.SortedSetRangeByScoreAsync(
            keys.AlertHistory, since.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.None, Order.Descending, 0, limit);
        return [.. entries.Select(entry => JsonSerializer.Deserialize<AlertPayload>((string)entry!, Json)!)];
    }
}
