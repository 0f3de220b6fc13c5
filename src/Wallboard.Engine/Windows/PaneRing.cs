using System.Numerics;

namespace Wallboard.Engine.Windows;

/// <summary>
/// Counters in one-second panes for one scope, shared by every sliding window length, plus the
/// <c>today</c> totals. Only seconds that saw a measurement get a pane, kept in time order in a
/// circular buffer, so an idle agent scope costs a few panes while a busy one costs one pane a second.
/// </summary>
/// <remarks>
/// <para>
/// A pane holds running sums: for each field, everything recorded at its second or before. A window's
/// sum is then <c>newest pane − pane at the window's start</c>, one subtraction when it is read. Moving the
/// clock only moves a cursor per window over the panes' seconds; the panes themselves, which for a
/// window of an hour were written an hour ago and are long out of the cache, are never read on the way.
/// Even the cursors move only when a sum is read or the ring is full: a scope written every few seconds
/// and read a few times a second pays for its windows at the read, once, rather than at every write.
/// </para>
/// <para>
/// An in-order measurement adds to the newest pane (a new pane starts as a copy of the one before): O(1). One
/// inside the allowed lateness also adds to every later pane of its field: bounded by the lateness in
/// seconds, and rare. A measurement older than the longest window counts in <c>today</c> and the total only.
/// The ring keeps the newest pane older than the longest window as well, so that every window's start
/// has a pane to subtract. Values are whole numbers (counts, milliseconds), so the sums are exact.
/// </para>
/// <para>
/// Everything lives in one array: the windows' cursors, then each field's total and <c>today</c> side by
/// side, then the panes' seconds, then their sums. A scope is written about once a minute and is out of the
/// cache by then; one array, with a measurement's totals on one line and its pane next to the pane before,
/// is a few lines to wait for where separate arrays for each part were a dozen. The seconds stay apart from
/// the sums so that moving a cursor or searching for a late measurement's pane reads eight panes a line.
/// </para>
/// </remarks>
internal sealed partial class PaneRing
{
    private readonly int _fieldCount;
    private readonly long[] _windowSeconds;
    private readonly long _longestWindow;
    private readonly int _ringStart;
    private long[] _block;
    private int _capacity;
    private int _head;
    private int _count;
    private long _now = long.MinValue / 4;
    private long _cursorsAt = long.MinValue / 4;
    private long _todayStart = long.MinValue / 4;

    /// <param name="fieldCount">How many counters a pane holds.</param>
    /// <param name="windowSeconds">The windows' lengths, shared with the caller and never changed.</param>
    /// <param name="initialCapacity">Panes to make room for at first; the ring doubles when full.</param>
    public PaneRing(int fieldCount, long[] windowSeconds, int initialCapacity = 8)
    {
        if (windowSeconds.Length == 0)
        {
            throw new ArgumentException("At least one window is required.", nameof(windowSeconds));
        }

        _fieldCount = fieldCount;
        _windowSeconds = windowSeconds;
        _longestWindow = windowSeconds.Max();
        _ringStart = windowSeconds.Length + (2 * fieldCount);
        _capacity = Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)initialCapacity));
        _block = new long[_ringStart + (_capacity * (1 + fieldCount))];
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
        var cursor = (int)_block[window];
        var newest = _count == 0 ? 0 : _block[SumsOf(_count - 1) + field];
        return cursor == 0 ? newest : newest - _block[SumsOf(cursor - 1) + field];
    }

    /// <summary>Sum of <paramref name="field"/> since the current day's reset.</summary>
    public long TodaySum(int field) => _block[TotalAt(field) + 1];

    /// <summary>Sum of <paramref name="field"/> over everything ever recorded (a gauge when the field holds deltas).</summary>
    public long Total(int field) => _block[TotalAt(field)];

    /// <summary>Moves the clock to <paramref name="now"/> (the windows slide when next read) and resets <c>today</c> when a new day started.</summary>
    public void AdvanceTo(long now, long todayStart)
    {
        if (todayStart != _todayStart)
        {
            for (var field = 0; field < _fieldCount; field++)
            {
                _block[TotalAt(field) + 1] = 0;
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
        AddToTotals(second, firstField, amounts, sign);
        if (second <= _now - _longestWindow)
        {
            // Before every window's start, now and from now on: no pane needs it.
            return;
        }

        if (_count == _capacity)
        {
            MoveCursors();
            DropBeyondLongestWindow();
        }

        if (_count == 0)
        {
            InsertAt(0, second);
            _block.AsSpan(SumsOf(0), _fieldCount).Clear();
            AddTo(_block.AsSpan(SumsOf(0) + firstField), amounts, sign);
            return;
        }

        var newestSecond = SecondOf(_count - 1);
        if (newestSecond == second)
        {
            AddTo(_block.AsSpan(SumsOf(_count - 1) + firstField), amounts, sign);
            return;
        }

        if (newestSecond < second)
        {
            // The newest pane: everything so far plus this measurement.
            InsertAt(_count, second);
            var sums = SumsOf(_count - 1);
            _block.AsSpan(SumsOf(_count - 2), _fieldCount).CopyTo(_block.AsSpan(sums));
            AddTo(_block.AsSpan(sums + firstField), amounts, sign);
            return;
        }

        for (var i = LocateOutOfOrder(second); i < _count; i++)
        {
            AddTo(_block.AsSpan(SumsOf(i) + firstField), amounts, sign);
        }
    }

    private void AddToTotals(long second, int firstField, ReadOnlySpan<long> amounts, long sign)
    {
        var totals = _block.AsSpan(TotalAt(firstField), 2 * amounts.Length);
        var today = second >= _todayStart ? 1 : 0;
        for (var i = 0; i < amounts.Length; i++)
        {
            var amount = sign * amounts[i];
            totals[2 * i] += amount;
            totals[(2 * i) + 1] += amount * today;
        }
    }

    private static void AddTo(Span<long> sums, ReadOnlySpan<long> amounts, long sign)
    {
        for (var i = 0; i < amounts.Length; i++)
        {
            sums[i] += sign * amounts[i];
        }
    }

    // A field's total; its today follows it.
    private int TotalAt(int field) => _windowSeconds.Length + (2 * field);

    private int Physical(int logical) => (_head + logical) & (_capacity - 1);

    // The second of the pane with the logical index.
    private ref long SecondOf(int logical) => ref _block[_ringStart + Physical(logical)];

    // Where the sums of the pane with the logical index start in the block.
    private int SumsOf(int logical) => _ringStart + _capacity + (Physical(logical) * _fieldCount);

    // Returns the logical index of the pane for a second older than the newest pane, creating it when missing.
    private int LocateOutOfOrder(long second)
    {
        var low = 0;
        var high = _count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var midSecond = SecondOf(mid);
            if (midSecond == second)
            {
                return mid;
            }

            if (midSecond < second)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        // A new pane starts from the running sums of the pane before it (nothing before the first: the ring keeps
        // the newest pane older than the longest window, and this second is inside it).
        InsertAt(low, second);
        var values = _block.AsSpan(SumsOf(low), _fieldCount);
        if (low == 0)
        {
            values.Clear();
        }
        else
        {
            _block.AsSpan(SumsOf(low - 1), _fieldCount).CopyTo(values);
        }

        return low;
    }

    // Opens a pane at the logical index; the caller fills its sums.
    private void InsertAt(int index, long second)
    {
        EnsureCapacity();
        for (var i = _count; i > index; i--)
        {
            SecondOf(i) = SecondOf(i - 1);
            _block.AsSpan(SumsOf(i - 1), _fieldCount).CopyTo(_block.AsSpan(SumsOf(i), _fieldCount));
        }

        SecondOf(index) = second;
        _count++;

        // A pane at or before a window's start (as of the cursors' time) moves that window's cursor past it.
        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            var cursor = _block[w];
            if (cursor > index || (cursor == index && second <= _cursorsAt - _windowSeconds[w]))
            {
                _block[w] = cursor + 1;
            }
        }
    }

    private void EnsureCapacity()
    {
        if (_count < _capacity)
        {
            return;
        }

        var capacity = _capacity * 2;
        var block = new long[_ringStart + (capacity * (1 + _fieldCount))];
        _block.AsSpan(0, _ringStart).CopyTo(block);
        for (var i = 0; i < _count; i++)
        {
            block[_ringStart + i] = SecondOf(i);
            _block.AsSpan(SumsOf(i), _fieldCount).CopyTo(block.AsSpan(_ringStart + capacity + (i * _fieldCount)));
        }

        _block = block;
        _capacity = capacity;
        _head = 0;
    }
}
