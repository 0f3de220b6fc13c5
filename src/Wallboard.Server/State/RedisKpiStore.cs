using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Hosting;
using Wallboard.Server.Realtime;

namespace Wallboard.Server.State;

/// <summary>
/// Keeps the current KPI values in Redis hashes for other tools: pipelined batches per broadcast, never
/// a round trip per event. It never blocks the caller; while Redis is away the changed rows wait (one per
/// scope × window, so memory is bounded) and are written when it answers again.
/// </summary>
/// <remarks>
/// A floor with a thousand agents has thousands of scope × window rows, most of them changing every
/// second, so the writes are kept small: a row is written in full the first time and at least once a
/// minute (a hash lost with a Redis restart heals by itself), and in between only the fields that
/// changed, plus <c>_asOf</c>; the expiry is renewed with the full rewrite, and the scope set gets only
/// scopes it may lack. Batches hold at most
/// <see cref="RowsPerBatch"/> rows, so that no multi-megabyte batch holds up the event log's appends on
/// the shared connection or runs past the client timeout.
/// </remarks>
internal sealed partial class RedisKpiStore(
    RedisConnection redis, RedisKeys keys, ServerStatus status, TimeProvider time, IOptions<RedisOptions> options, ILogger<RedisKpiStore> logger)
{
    private const int RowsPerBatch = 256;
    private static readonly TimeSpan FullRewriteInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<SubscriptionKey, KpiRow> _latest = [];
    private readonly HashSet<SubscriptionKey> _dirty = [];
    private readonly TimeSpan _timeToLive = options.Value.KpiTimeToLive;

    // What Redis holds as far as this process knows; only the one running flush touches these.
    private readonly Dictionary<SubscriptionKey, WrittenKpiRow> _written = [];
    private readonly HashSet<ScopeId> _scopesWritten = [];
    private readonly List<HashEntry> _entries = new(64);
    private DateTimeOffset _scopesWrittenSince;
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
                var now = time.GetUtcNow();
                if (now - _scopesWrittenSince >= FullRewriteInterval)
                {
                    _scopesWritten.Clear();
                    _scopesWrittenSince = now;
                }

                for (var first = 0; first < rows.Count; first += RowsPerBatch)
                {
                    await WriteBatchAsync(rows.GetRange(first, Math.Min(RowsPerBatch, rows.Count - first)), asOf, now);
                }

                BatchesWritten++;
                status.BulkWriteSucceeded();
            }
            catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
            {
                status.BulkWriteFailed(error);
                LogWriteFailed(rows.Count, error.Message);

                // Redis may have lost what it held (a restart): the next writes are full rows.
                _written.Clear();
                _scopesWritten.Clear();
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

    private async Task WriteBatchAsync(List<KpiRow> rows, DateTimeOffset asOf, DateTimeOffset now)
    {
        var database = await redis.BulkDatabaseAsync();
        var batch = database.CreateBatch();
        var writes = new List<Task>(rows.Count * 2 + 1);
        var written = new (SubscriptionKey Key, WrittenKpiRow Row)[rows.Count];
        var asOfText = (RedisValue)asOf.ToString("O", CultureInfo.InvariantCulture);
        HashSet<ScopeId>? newScopes = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = new SubscriptionKey(row.Scope, row.Window);
            var previous = _written.TryGetValue(key, out var last) && now - last.FullAt < FullRewriteInterval ? last : (WrittenKpiRow?)null;
            var redisKey = keys.Kpis(row.Scope, row.Window);
            writes.Add(batch.HashSetAsync(redisKey, Entries(row.Values, previous?.Values, asOfText)));
            if (previous is null)
            {
                // HSET keeps a key's expiry, so renewing it with the full rewrite (at least once a minute while the
                // row changes) is enough, and halves the commands of a busy floor's writes.
                writes.Add(batch.KeyExpireAsync(redisKey, _timeToLive));
            }

            written[i] = (key, new WrittenKpiRow(row.Values, previous?.FullAt ?? now));
            if (!_scopesWritten.Contains(row.Scope))
            {
                (newScopes ??= []).Add(row.Scope);
            }
        }

        if (newScopes is not null)
        {
            writes.Add(batch.SetAddAsync(keys.Scopes, [.. newScopes.Select(scope => (RedisValue)scope.ToString())]));
        }

        batch.Execute();
        await Task.WhenAll(writes);
        foreach (var (key, row) in written)
        {
            _written[key] = row;
        }

        if (newScopes is not null)
        {
            _scopesWritten.UnionWith(newScopes);
        }
    }

    // Every applicable KPI when nothing is known of the hash, otherwise only those that changed; then _asOf.
    private HashEntry[] Entries(KpiValues values, KpiValues? previous, RedisValue asOf)
    {
        var entries = _entries;
        entries.Clear();
        foreach (var (kpi, value) in values.Applicable())
        {
            if (previous is null || previous[kpi.Id] != value)
            {
                entries.Add(new HashEntry(kpi.Name, value is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : string.Empty));
            }
        }

        // Outside figures (metric.recorded) are values of the now window too, as GET /api/v1/kpis shows them.
        foreach (var (name, value) in values.External)
        {
            if (previous is null || !previous.External.TryGetValue(name, out var before) || !before.Equals(value))
            {
                entries.Add(new HashEntry("ext." + name, value.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        entries.Add(new HashEntry("_asOf", asOf));
        return [.. entries];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Rows} KPI rows to Redis failed ({Reason}); they are written when Redis answers again")]
    private partial void LogWriteFailed(int rows, string reason);
}
