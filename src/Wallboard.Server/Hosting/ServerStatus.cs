namespace Wallboard.Server.Hosting;

/// <summary>What readiness depends on: the state was recovered, Redis answers, and the event log writer keeps up.</summary>
internal sealed class ServerStatus
{
    private volatile bool _recovered;
    private volatile bool _redisAvailable = true;
    private volatile string? _redisError;

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

    /// <summary>Raised when Redis goes away or comes back, so clients can mark values stale.</summary>
    public event Action<bool>? RedisAvailabilityChanged;

    public void MarkRecovered() => _recovered = true;

    public void RedisSucceeded() => SetRedis(available: true, error: null);

    public void RedisFailed(Exception error) => SetRedis(available: false, error.GetType().Name + ": " + error.Message);

    private void SetRedis(bool available, string? error)
    {
        _redisError = error;
        if (_redisAvailable == available)
        {
            return;
        }

        _redisAvailable = available;
        RedisAvailabilityChanged?.Invoke(available);
    }
}
