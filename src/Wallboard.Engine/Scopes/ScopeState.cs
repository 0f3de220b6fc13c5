using System.Runtime.CompilerServices;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tickets;
using Wallboard.Engine.Time;
using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Scopes;

/// <summary>Everything the engine keeps for one scope: counters in panes, wait maxima, the waiting line and agent counts.</summary>
internal sealed partial class ScopeState
{
    // Away is the last agent state; a new one after it fails every agent test (the counts are bounds-checked).
    private const int AgentStates = (int)AgentState.Away + 1;

    private readonly EngineClock _clock;
    private readonly DailyResetSchedule _schedule;
    private readonly WindowLayout _layout;
    // Held in the scope itself rather than in arrays of their own: a scope recorded once a minute (an agent, a
    // team) is out of the cache, and each array was one more line to wait for before its panes or counts.
    private GroupPanes _panes;
    private AgentCounts _agentsByState;
    private SlidingMaximum? _waits;
    private TicketGauges? _tickets;
    private Dictionary<string, (double Value, long AtMs)>? _external;
    private long _syncedSecond = long.MinValue;
    private long _todayStart = long.MinValue;
    private long _nextReset = long.MinValue;

    public ScopeState(ScopeId id, EngineClock clock, DailyResetSchedule schedule, WindowLayout layout)
    {
        Id = id;
        _clock = clock;
        _schedule = schedule;
        _layout = layout;
    }

    public ScopeId Id { get; }

    public WaitingLine Waiting { get; } = new();

    /// <summary>First second of the current <c>today</c>.</summary>
    public long TodayStart
    {
        get
        {
            Sync();
            return _todayStart;
        }
    }

    public void Add(long second, Counter counter, long amount) => Add(second, counter, new ReadOnlySpan<long>(in amount), sign: 1);

    /// <summary>Adds <paramref name="amounts"/> times <paramref name="sign"/> to the counters from <paramref name="first"/> on, all of one group.</summary>
    public void Add(long second, Counter first, ReadOnlySpan<long> amounts, long sign)
    {
        Sync();
        var group = CounterGroups.GroupOf(first);
        Advanced(_panes[group] ??= new PaneRing(CounterGroups.Size(group), _layout.Seconds))
            .Add(second, CounterGroups.FieldOf(first), amounts, sign);
    }

    public void AddWait(long second, long waitMs, bool retract)
    {
        Sync();
        if (retract)
        {
            Waits()?.Remove(second, waitMs);
            return;
        }

        _waits ??= new SlidingMaximum(_layout.LatenessSeconds, _layout.LongestSeconds);
        Waits()!.Add(second, waitMs);
    }

    /// <summary>The scope's open-ticket lines, created on first use.</summary>
    public TicketGauges Tickets
    {
        get
        {
            Sync();
            if (_tickets is null)
            {
                _tickets = new TicketGauges();
                _tickets.AdvanceTo(_syncedSecond, _layout.AgedBacklogSeconds, _layout.AtRiskSeconds);
            }

            return _tickets;
        }
    }

    /// <summary>Whether the scope ever held tickets (no lines are created just to read zeros).</summary>
    public bool HasTickets => _tickets is not null;

    /// <summary>Outside figures (<c>metric.recorded</c>) by name: the value with the latest time wins, whatever the arrival order.</summary>
    public IReadOnlyDictionary<string, (double Value, long AtMs)> External =>
        _external ?? (IReadOnlyDictionary<string, (double, long)>)new Dictionary<string, (double, long)>();

    public void Record(string name, double value, long atMs)
    {
        _external ??= new Dictionary<string, (double, long)>(StringComparer.Ordinal);
        if (!_external.TryGetValue(name, out var known) || known.AtMs <= atMs)
        {
            _external[name] = (value, atMs);
        }
    }

    public void CountAgent(AgentState state, int delta) => _agentsByState[(int)state] += delta;

    public int AgentsIn(AgentState state) => _agentsByState[(int)state];

    public long WindowSum(int window, Counter counter)
    {
        Sync();
        return Panes(counter)?.WindowSum(window, CounterGroups.FieldOf(counter)) ?? 0;
    }

    public long TodaySum(Counter counter)
    {
        Sync();
        return Panes(counter)?.TodaySum(CounterGroups.FieldOf(counter)) ?? 0;
    }

    public long Total(Counter counter)
    {
        Sync();
        return Panes(counter)?.Total(CounterGroups.FieldOf(counter)) ?? 0;
    }

    /// <summary>Largest wait (ms) in the sliding window with index <paramref name="window"/>, or -1.</summary>
    public long MaxWait(int window)
    {
        Sync();
        return Waits()?.Window(_layout.Seconds[window]) ?? -1;
    }

    public long MaxWaitToday()
    {
        Sync();
        return Waits()?.Today() ?? -1;
    }

    private PaneRing? Panes(Counter counter) => _panes[CounterGroups.GroupOf(counter)] is { } panes ? Advanced(panes) : null;

    // The panes and maxima are moved to the scope's clock when they are used, not at every move of the clock: an
    // agent's state change writes occupancy only, and moving the scope's contact panes and wait maxima as well
    // read several lines of a scope that is out of the cache for nothing. Moving late is the same as moving at
    // every second in between (neither drops nor seals anything a later move would keep), so the sums and maxima
    // do not change. A group's panes start when the scope first counts in it; until then its sums are zero, as
    // they would be in panes that had been there all along with nothing added.
    private PaneRing Advanced(PaneRing panes)
    {
        if (_syncedSecond != long.MinValue)
        {
            panes.AdvanceTo(_syncedSecond, _todayStart);
        }

        return panes;
    }

    private SlidingMaximum? Waits()
    {
        if (_waits is not null && _syncedSecond != long.MinValue)
        {
            _waits.AdvanceTo(_syncedSecond, _todayStart);
        }

        return _waits;
    }

    // Moves every part to the scope's clock, for a checkpoint that copies them as they are.
    private void AdvanceParts()
    {
        Sync();
        foreach (var panes in (ReadOnlySpan<PaneRing?>)_panes)
        {
            if (panes is not null)
            {
                Advanced(panes);
            }
        }

        Waits();
    }

    private void Sync()
    {
        var now = _clock.NowSecond;
        if (now == _syncedSecond || !_clock.HasStarted)
        {
            return;
        }

        if (now >= _nextReset)
        {
            (_todayStart, _nextReset) = _schedule.DayContaining(now);
        }

        _tickets?.AdvanceTo(now, _layout.AgedBacklogSeconds, _layout.AtRiskSeconds);
        _syncedSecond = now;
    }

    [InlineArray(CounterGroups.Count)]
    private struct GroupPanes
    {
        private PaneRing? _first;
    }

    [InlineArray(AgentStates)]
    private struct AgentCounts
    {
        private int _first;
    }
}
