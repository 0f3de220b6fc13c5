using System.Globalization;
using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>
/// What the parts of the model share: the seeded random source, the agenda of timed happenings, the
/// simulated clock and the events emitted. Every random draw is made while a happening runs, and
/// happenings run in (time, scheduling order), so the traffic depends on the seed and the start only,
/// never on how finely <see cref="RunUntil"/> is called.
/// </summary>
internal sealed class SimulationKernel
{
    private readonly PriorityQueue<Action, (long AtMs, long Order)> _agenda = new();
    private readonly List<WallboardEvent> _emitted = [];
    private readonly TimeZoneInfo _siteTimeZone;
    private readonly string _runTag;
    private DateTimeOffset _origin;
    private long _order;
    private long _nextEventId;
    private long _nextObjectId;

    public SimulationKernel(int seed, DateTimeOffset start, TimeZoneInfo siteTimeZone)
    {
        Random = new Random(seed);
        _siteTimeZone = siteTimeZone;

        // Ids of one run never meet those of an earlier run kept in the event log (a repeated id is a duplicate).
        _origin = DateTimeOffset.FromUnixTimeMilliseconds(start.ToUnixTimeMilliseconds());
        _runTag = "sim" + _origin.ToUnixTimeMilliseconds().ToString("x", CultureInfo.InvariantCulture);
    }

    public Random Random { get; }

    /// <summary>Simulated milliseconds since the start (gaps skipped by <see cref="RunUntil"/> excluded).</summary>
    public long NowMs { get; private set; }

    public DateTimeOffset Now => _origin.AddMilliseconds(NowMs);

    /// <summary>The daily curve's value now, in the site's time zone.</summary>
    public double Load => DailyCurve.At(TimeZoneInfo.ConvertTime(Now, _siteTimeZone).TimeOfDay.TotalHours);

    public void After(TimeSpan delay, Action happening) => At(NowMs + Math.Max(0, (long)Math.Round(delay.TotalMilliseconds)), happening);

    public void At(long atMs, Action happening) => _agenda.Enqueue(happening, (atMs, _order++));

    /// <summary>A new id for a contact, ticket or session: <c>{run}-{prefix}{n}</c>.</summary>
    public string NewId(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{_runTag}-{prefix}{++_nextObjectId}");

    /// <summary>Emits an event stamped now, with a new event id.</summary>
    public void Emit(Func<string, DateTimeOffset, WallboardEvent> create) =>
        _emitted.Add(create(string.Create(CultureInfo.InvariantCulture, $"{_runTag}-e{++_nextEventId}"), Now));

    /// <summary>
    /// Runs the happenings due by <paramref name="until"/> and returns what they emitted. When more than
    /// <paramref name="maxCatchUp"/> of simulated time is due, the rest is skipped: the simulated day moves
    /// on as if nothing had happened in the gap, so a pause never ends in one huge batch.
    /// </summary>
    public IReadOnlyList<WallboardEvent> RunUntil(DateTimeOffset until, TimeSpan maxCatchUp)
    {
        var targetMs = (long)Math.Floor((until - _origin).TotalMilliseconds);
        var maxCatchUpMs = (long)maxCatchUp.TotalMilliseconds;
        if (targetMs - NowMs > maxCatchUpMs)
        {
            _origin = _origin.AddMilliseconds(targetMs - NowMs - maxCatchUpMs);
            targetMs = NowMs + maxCatchUpMs;
        }

        while (_agenda.TryPeek(out var happening, out var due) && due.AtMs <= targetMs)
        {
            _agenda.Dequeue();
            NowMs = Math.Max(NowMs, due.AtMs);
            happening();
        }

        NowMs = Math.Max(NowMs, targetMs);
        return TakeEmitted();
    }

    public IReadOnlyList<WallboardEvent> TakeEmitted()
    {
        WallboardEvent[] events = [.. _emitted];
        _emitted.Clear();
        return events;
    }
}
