namespace Wallboard.Server.Hosting;

/// <summary>What readiness depends on: the state was recovered, Redis answers, and the event log writer keeps up.</summary>
/// <remarks>
/// <para>
/// Whether Redis is available is what the event log's connection says: the appends ingest waits for, the
/// readiness ping and recovery. That is what makes the boards' values stale, since events are refused while
/// it fails. The bulk connection (KPI hashes, checkpoints) reconnects on its own schedule, up to a couple of
/// seconds apart from the other after a Redis restart; its failures leave the boards' values as fresh as
/// they are, are retried by their writers, and show as a degraded readiness, never as a flicker of stale.
/// </para>
/// <para>
/// Calls overlap (a readiness ping times out while ingest already succeeds again), so each report carries
/// the number of its call, taken when it started: an answer to an older call than the one that set the
/// current state is out of date and changes nothing.
/// </para>
/// </remarks>
internal sealed class ServerStatus
{
    private readonly Lock _gate = new();
    private volatile bool _recovered;
    private volatile bool _redisAvailable = true;
    private volatile string? _redisError;
    private volatile string? _bulkWriteError;
    private long _calls;
    private long _reportedCall;
    private long _lastAppliedMs = long.MinValue;

    public bool Recovered => _recovered;

    /// <summary>When events were last applied (the arrival time the engine saw), for "the data stopped" checks.</summary>
    public DateTimeOffset? LastApplied
    {
        get
        {
            var ms = Interlocked.Read(ref _lastAppliedMs);
            return ms == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
    }

    public void EventsApplied(DateTimeOffset arrival) => Interlocked.Exchange(ref _lastAppliedMs, arrival.ToUnixTimeMilliseconds());

    public bool RedisAvailable => _redisAvailable;

    public string? RedisError => _redisError;

    /// <summary>Why the last write of KPI rows or of a checkpoint failed, or null once one succeeded.</summary>
    public string? BulkWriteError => _bulkWriteError;

    /// <summary>Raised when Redis goes away or comes back, so clients can mark values stale; in the order of the changes.</summary>
    public event Action<bool>? RedisAvailabilityChanged;

    public void MarkRecovered() => _recovered = true;

    /// <summary>Numbers a call on the event log's connection before it is made; its outcome is reported with this number.</summary>
    public long StartRedisCall() => Interlocked.Increment(ref _calls);

    public void RedisSucceeded(long call) => Report(call, available: true, error: null);

    public void RedisFailed(long call, Exception error) => Report(call, available: false, Describe(error));

    public void BulkWriteSucceeded() => _bulkWriteError = null;

    public void BulkWriteFailed(Exception error) => _bulkWriteError = Describe(error);

    private static string Describe(Exception error) => error.GetType().Name + ": " + error.Message;

    private void Report(long call, bool available, string? error)
    {
        // Raised under the lock so that listeners see the changes in the order they were made; the one
        // listener only queues messages to clients.
        lock (_gate)
        {
            if (call < _reportedCall)
            {
                return;
            }

            _reportedCall = call;
            _redisError = error;
            if (_redisAvailable == available)
            {
                return;
            }

            _redisAvailable = available;
            RedisAvailabilityChanged?.Invoke(available);
        }
    }
}
