namespace Wallboard.Engine.Windows;

/// <summary>
/// Counters in one-second panes for one scope, shared by every sliding window length, plus the
/// <c>today</c> totals. Only seconds that saw a measurement get a pane, kept in time order in a
/// circular buffer, so an idle agent scope costs a few panes while a busy one costs one pane a second.
/// </summary>
/// <remarks>
/// <para>
/// A pane holds running sums: for each field, everything recorded at its second or before. A window's
/// sum is then <c>total − pane at the window's start</c>, one subtraction when it is read. Moving the
/// clock only moves a cursor per window over the panes' seconds; the panes themselves, which for a
/// window of an hour were written an hour ago and are long out of the cache, are never read on the way.
/// Even the cursors move only when a sum is read or the ring is full: a scope written every few seconds
/// and read a few times a second pays for its windows at the read, once, rather than at every write.
/// </para>
/// <para>
/// An in-order measurement adds to the newest pane (a new pane starts as a copy of the running sums): O(1). One
/// inside the allowed lateness also adds to every later pane of its field: bounded by the lateness in
/// seconds, and rare. A measurement older than the longest window counts in <c>today</c> and the total only.
/// The ring keeps the newest pane older than the longest window as well, so that every window's start
/// has a pane to subtract. Values are whole numbers (counts, milliseconds), so the sums are exact.
/// </para>
/// </remarks>
internal sealed partial class PaneRing
{
    private readonly int _fieldCount;
    private readonly long[] _windowSeconds;
    private readonly long _longestWindow;
    // Only the panes' running sum is written for an in-order measurement. The total adds what no pane holds
    // (measurements older than every window), and today subtracts the total at the day's start plus anything
    // recorded late for an earlier day: both rare, so an event writes one array of sums rather than three.
    private readonly long[] _paned;
    private readonly long[] _unpaned;
    private readonly long[] _beforeToday;
    private readonly int[] _cursors;
    private long[] _seconds;
    private long[] _values;
    private int _head;
    private int _count;
    private long _now = long.MinValue / 4;
    private long _cursorsAt = long.MinValue / 4;
    private long _todayStart = long.MinValue / 4;

    public PaneRing(int fieldCount, ReadOnlySpan<long> windowSeconds, int initialCapacity = 8)
    {
        if (windowSeconds.IsEmpty)
        {
            throw new ArgumentException("At least one window is required.", nameof(windowSeconds));
        }

        _fieldCount = fieldCount;
        _windowSeconds = windowSeconds.ToArray();
        _longestWindow = _windowSeconds.Max();
        _paned = new long[fieldCount];
        _unpaned = new long[fieldCount];
        _beforeToday = new long[fieldCount];
        _cursors = new int[_windowSeconds.Length];
        var capacity = Math.Max(2, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)initialCapacity));
        _seconds = new long[capacity];
        _values = new long[capacity * fieldCount];
    }

    /// <summary>The engine second the ring was last advanced to.</summary>
    public long Now => _now;

    /// <summary>The first second of the current <c>today</c>.</summary>
    public long TodayStart => _todayStart;

    /// <summary>Panes needed now, after dropping those no window reaches any more (for tests and memory accounting).</summary>
    public int PaneCount
    {
        get
        {
            MoveCursors();
            DropBeyondLongestWindow();
            return _count;
        }
    }

    /// <summary>Sum of <paramref name="field"/> over the window with index <paramref name="window"/>.</summary>
    public long WindowSum(int window, int field)
    {
        MoveCursors();
        var cursor = _cursors[window];
        return cursor == 0 ? _paned[field] : _paned[field] - _values[(Physical(cursor - 1) * _fieldCount) + field];
    }

    /// <summary>Sum of <paramref name="field"/> since the current day's reset.</summary>
    public long TodaySum(int field) => Total(field) - _beforeToday[field];

    /// <summary>Sum of <paramref name="field"/> over everything ever recorded (a gauge when the field holds deltas).</summary>
    public long Total(int field) => _paned[field] + _unpaned[field];

    /// <summary>Moves the clock to <paramref name="now"/> (the windows slide when next read) and resets <c>today</c> when a new day started.</summary>
    public void AdvanceTo(long now, long todayStart)
    {
        if (todayStart != _todayStart)
        {
            for (var field = 0; field < _fieldCount; field++)
            {
                _beforeToday[field] = Total(field);
            }

            _todayStart = todayStart;
        }

        _now = Math.Max(_now, now);
    }

    /// <summary>Adds <paramref name="amount"/> (negative to retract) to <paramref name="field"/> at <paramref name="second"/>.</summary>
    public void Add(long second, int field, long amount) => Add(second, field, new ReadOnlySpan<long>(in amount), sign: 1);

    /// <summary>
    /// Adds <paramref name="amounts"/>, times <paramref name="sign"/> (−1 to retract), to the fields from
    /// <paramref name="firstField"/> on at <paramref name="second"/>: one measurement of several counters (a
    /// completion's handling times, an agent's occupancy change) finds and opens its pane once.
    /// </summary>
    public void Add(long second, int firstField, ReadOnlySpan<long> amounts, long sign)
    {
        if (second < _todayStart)
        {
            AddTo(_beforeToday, firstField, amounts, sign);
        }

        if (second <= _now - _longestWindow)
        {
            // Before every window's start, now and from now on: no pane needs it, only the total.
            AddTo(_unpaned, firstField, amounts, sign);
            return;
        }

        AddTo(_paned, firstField, amounts, sign);
        if (_count == _seconds.Length)
        {
            MoveCursors();
            DropBeyondLongestWindow();
        }

        var newest = _count == 0 ? long.MinValue : _seconds[Physical(_count - 1)];
        if (second == newest)
        {
            AddTo(_values, (Physical(_count - 1) * _fieldCount) + firstField, amounts, sign);
            return;
        }

        if (second > newest)
        {
            // The newest pane: everything so far plus this measurement.
            var slot = InsertAt(_count, second);
            new ReadOnlySpan<long>(_paned).CopyTo(new Span<long>(_values, slot * _fieldCount, _fieldCount));
            return;
        }

        for (var i = LocateOutOfOrder(second); i < _count; i++)
        {
            AddTo(_values, (Physical(i) * _fieldCount) + firstField, amounts, sign);
        }
    }

    // Indexes the array rather than a span of it: the span's set-up cost more than the few additions.
    private static void AddTo(long[] sums, int at, ReadOnlySpan<long> amounts, long sign)
    {
        for (var i = 0; i < amounts.Length; i++)
        {
            sums[at + i] += sign * amounts[i];
        }
    }

    // Moves each window's cursor past the panes at or before the window's start; nothing to do when the
    // clock has not moved since the last time, which is most reads of a snapshot tick.
    private void MoveCursors()
    {
        if (_cursorsAt == _now)
        {
            return;
        }

        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            var boundary = _now - _windowSeconds[w];
            var cursor = _cursors[w];
            while (cursor < _count && _seconds[Physical(cursor)] <= boundary)
            {
                cursor++;
            }

            _cursors[w] = cursor;
        }

        _cursorsAt = _now;
    }

    // Drops the oldest panes while the next one also lies before the longest window: the last of them stays
    // as the start every window subtracts. The cursors must have been moved to the clock first.
    private void DropBeyondLongestWindow()
    {
        var boundary = _now - _longestWindow;
        var dropped = 0;
        while (_count > 1 && _seconds[Physical(1)] <= boundary)
        {
            _head = (_head + 1) & (_seconds.Length - 1);
            _count--;
            dropped++;
        }

        if (dropped > 0)
        {
            for (var w = 0; w < _cursors.Length; w++)
            {
                _cursors[w] -= dropped;
            }
        }
    }

    // Opens a pane at the logical index; the caller fills its sums.
    private int InsertAt(int index, long second)
    {
        EnsureCapacity();
        for (var i = _count; i > index; i--)
        {
            var to = Physical(i);
            var from = Physical(i - 1);
            _seconds[to] = _seconds[from];
            _values.AsSpan(from * _fieldCount, _fieldCount).CopyTo(_values.AsSpan(to * _fieldCount, _fieldCount));
        }

        var slot = Physical(index);
        _seconds[slot] = second;
        _count++;

        // A pane at or before a window's start (as of the cursors' time) moves that window's cursor past it.
        for (var w = 0; w < _cursors.Length; w++)
        {
            if (_cursors[w] > index || (_cursors[w] == index && second <= _cursorsAt - _windowSeconds[w]))
            {
                _cursors[w]++;
            }
        }

        return slot;
    }

    private void EnsureCapacity()
    {
        if (_count < _seconds.Length)
        {
            return;
        }

        var seconds = new long[_seconds.Length * 2];
        var values = new long[seconds.Length * _fieldCount];
        for (var i = 0; i < _count; i++)
        {
            var from = Physical(i);
            seconds[i] = _seconds[from];
            _values.AsSpan(from * _fieldCount, _fieldCount).CopyTo(values.AsSpan(i * _fieldCount, _fieldCount));
        }

        _seconds = seconds;
        _values = values;
        _head = 0;
    }

    private int Physical(int logical) => (_head + logical) & (_seconds.Length - 1);
}
