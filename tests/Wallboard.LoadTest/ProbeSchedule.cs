namespace Wallboard.LoadTest;

/// <summary>
/// When each probe marker was posted. Marker <c>n</c> of probe queue <c>k</c> is the n-th
/// <c>contact.queued</c> on that queue, so a push showing <c>offered = n</c> there reflects it.
/// </summary>
internal sealed class ProbeSchedule
{
    private readonly long[][] _sentAt;
    private readonly int[] _last;

    public ProbeSchedule(int probes, int capacity)
    {
        _sentAt = [.. Enumerable.Range(0, probes).Select(_ => new long[capacity])];
        _last = new int[probes];
    }

    public int Probes => _sentAt.Length;

    /// <summary>Records that marker <paramref name="marker"/> (1-based) of <paramref name="probe"/> is being posted now.</summary>
    public void Sent(int probe, int marker, long timestamp)
    {
        Volatile.Write(ref _sentAt[probe][marker - 1], timestamp);
        Volatile.Write(ref _last[probe], marker);
    }

    /// <summary>The Stopwatch timestamp the marker was posted at, or 0 if it was not (yet).</summary>
    public long SentAt(int probe, int marker) =>
        marker >= 1 && marker <= _sentAt[probe].Length ? Volatile.Read(ref _sentAt[probe][marker - 1]) : 0;

    public int Last(int probe) => Volatile.Read(ref _last[probe]);
}
