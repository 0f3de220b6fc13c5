using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tickets;
using Wallboard.Engine.Time;
using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Scopes;

/// <summary>Everything the engine keeps for one scope: counters in panes, wait maxima, the waiting line and agent counts.</summary>
internal sealed partial class ScopeState
{
    private static readonly int CounterCount = Enum.GetValues<Counter>().Length;

    private readonly EngineClock _clock;
    private readonly DailyResetSchedule _schedule;
    private readonly WindowLayout _layout;
    private readonly PaneRing _panes;
    private readonly int[] _agentsByState = new int[Enum.GetValues<AgentState>().Length];
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
        _panes = new PaneRing(CounterCount, layout.Seconds);
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

    public void Add(long second, Counter counter, long amount)
    {
        Sync();
        _panes.Add(second, (int)counter, amount);
    }

    public void AddWait(long second, long waitMs, bool retract)
    {
        Sync();
        if (retract)
        {
            _waits?.Remove(second, waitMs);
            return;
        }

        if (_waits is null)
        {
            _waits = new SlidingMaximum(_layout.LatenessSeconds, _layout.LongestSeconds);
            _waits.AdvanceTo(_syncedSecond, _todayStart);
        }

        _waits.Add(second, waitMs);
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
        return _panes.WindowSum(window, (int)counter);
    }

    public long TodaySum(Counter counter)
    {
        Sync();
        return _panes.TodaySum((int)counter);
    }

    public long Total(Counter counter)
    {
        Sync();
        return _panes.Total((int)counter);
    }

    /// <summary>Largest wait (ms) in the sliding window with index <paramref name="window"/>, or -1.</summary>
    public long MaxWait(int window)
    {
        Sync();
        return _waits?.Window(_layout.Seconds[window]) ?? -1;
    }

    public long MaxWaitToday()
    {
        Sync();
        return _waits?.Today() ?? -1;
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

        _panes.AdvanceTo(now, _todayStart);
        _waits?.AdvanceTo(now, _todayStart);
        _tickets?.AdvanceTo(now, _layout.AgedBacklogSeconds, _layout.AtRiskSeconds);
        _syncedSecond = now;
    }
}
