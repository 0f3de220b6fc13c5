using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Hosting;
using Wallboard.Server.Realtime;

namespace Wallboard.Server.State;

/// <summary>
/// Keeps the current KPI values in Redis hashes for other tools: one pipelined batch per broadcast,
/// never a round trip per event. It never blocks the caller; while Redis is away the changed rows wait
/// (one per scope × window, so memory is bounded) and are written when it answers again.
/// </summary>
internal sealed partial class RedisKpiStore(
    RedisConnection redis, RedisKeys keys, ServerStatus status, IOptions<RedisOptions> options, ILogger<RedisKpiStore> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SubscriptionKey, KpiRow> _latest = [];
    private readonly HashSet<SubscriptionKey> _dirty = [];
    private readonly TimeSpan _timeToLive = options.Value.KpiTimeToLive;
    private DateTimeOffset _asOf;
    private bool _writing;

    public long BatchesWritten { get; private set; }

    public void Write(IReadOnlyList<KpiRow> rows, DateTimeOffset asOf)
    {
        lock (_gate)
        {
            foreach (var row in rows)
            {
                var key = new SubscriptionKey(row.Scope, row.Window);
                _latest[key] = row;
                _dirty.Add(key);
            }

            _asOf = asOf;
            if (_writing || _dirty.Count == 0)
            {
                return;
            }

            _writing = true;
        }

        _ = FlushAsync();
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<KpiRow> rows;
            DateTimeOffset asOf;
            lock (_gate)
            {
                if (_dirty.Count == 0)
                {
                    _writing = false;
                    return;
                }

                rows = [.. _dirty.Select(key => _latest[key])];
                asOf = _asOf;
                _dirty.Clear();
            }

            try
            {
                await WriteBatchAsync(rows, asOf);
                BatchesWritten++;
                status.RedisSucceeded();
            }
            catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
            {
                status.RedisFailed(error);
                LogWriteFailed(rows.Count, error.Message);
                lock (_gate)
                {
                    foreach (var row in rows)
                    {
                        _dirty.Add(new SubscriptionKey(row.Scope, row.Window));
                    }

                    _writing = false;
                }

                return;
            }
        }
    }

    private async Task WriteBatchAsync(List<KpiRow> rows, DateTimeOffset asOf)
    {
        var database = await redis.DatabaseAsync();
        var batch = database.CreateBatch();
        var writes = new List<Task>(rows.Count * 2 + 1);
        var asOfText = asOf.ToString("O", CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            var key = keys.Kpis(row.Scope, row.Window);
            var entries = row.Values.Applicable()
                .Select(pair => new HashEntry(pair.Kpi.Name, pair.Value is { } value ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty))
                .Append(new HashEntry("_asOf", asOfText))
                .ToArray();
            writes.Add(batch.HashSetAsync(key, entries));
            writes.Add(batch.KeyExpireAsync(key, _timeToLive));
        }

        writes.Add(batch.SetAddAsync(keys.Scopes, [.. rows.Select(row => (RedisValue)row.Scope.ToString()).Distinct()]));
        batch.Execute();
        await Task.WhenAll(writes);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Rows} KPI rows to Redis failed ({Reason}); they are written when Redis answers again")]
    private partial void LogWriteFailed(int rows, string reason);
}
