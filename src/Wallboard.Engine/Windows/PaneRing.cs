using System.Numerics;

namespace Wallboard.Engine.Windows;

/// <summary>
/// Counters in one-second panes for one scope, shared by every sliding window length, plus the
/// <c>today</c> totals. Only seconds that saw a measurement get a pane, kept in time order in a
/// circular buffer, so an idle agent scope costs a few panes while a busy one costs one pane a second.
/// </summary>
/// <remarks>
/// A window's sum is <c>added − expired</c>: <c>added</c> is everything ever recorded and each window
/// keeps what has slid out of it, advanced by a cursor as the clock moves. Recording is O(1) for an
/// in-order measurement (the newest pane or a new one behind it); a measurement inside the allowed
/// lateness locates its pane by binary search. Values are whole numbers (counts, milliseconds), so
/// subtracting on expiry or on retraction is exact.
/// </remarks>
internal sealed partial class PaneRing
{
    private readonly int _fieldCount;
    private readonly long[] _windowSeconds;
    private readonly long _longestWindow;
    private readonly long _shortestWindow;
    private readonly long[] _added;
    private readonly long[][] _expired;
    private readonly int[] _cursors;
    private readonly long[] _today;
    private long[] _seconds;
    private long[] _values;
    private int _head;
    private int _count;
    private long _now = long.MinValue / 4;
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
        _shortestWindow = _windowSeconds.Min();
        _added = new long[fieldCount];
        _expired = new long[_windowSeconds.Length][];
        for (var w = 0; w < _expired.Length; w++)
        {
            _expired[w] = new long[fieldCount];
        }

        _cursors = new int[_windowSeconds.Length];
        _today = new long[fieldCount];
        var capacity = Math.Max(2, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)initialCapacity));
        _seconds = new long[capacity];
        _values = new long[capacity * fieldCount];
    }

    /// <summary>The engine second the ring was last advanced to.</summary>
    public long Now => _now;

    /// <summary>The first second of the current <c>today</c>.</summary>
    public long TodayStart => _todayStart;

    /// <summary>Panes held (for tests and memory accounting).</summary>
    public int PaneCount => _count;

    /// <summary>Sum of <paramref name="field"/> over the window with index <paramref name="window"/>.</summary>
    public long WindowSum(int window, int field) => _added[field] - _expired[window][field];

    /// <summary>Sum of <paramref name="field"/> since the current day's reset.</summary>
    public long TodaySum(int field) => _today[field];

    /// <summary>Sum of <paramref name="field"/> over everything ever recorded (a gauge when the field holds deltas).</summary>
    public long Total(int field) => _added[field];

    /// <summary>Moves the clock to <paramref name="now"/>, sliding every window and resetting <c>today</c> when a new day started.</summary>
    public void AdvanceTo(long now, long todayStart)
    {
        if (todayStart != _todayStart)
        {
            Array.Clear(_today);
            _todayStart = todayStart;
        }

        if (now <= _now)
        {
            return;
        }

        _now = now;
        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            Expire(w, now - _windowSeconds[w]);
        }

        TrimBeyondLongestWindow(now - _longestWindow);
    }

    /// <summary>Adds <paramref name="amount"/> (negative to retract) to <paramref name="field"/> at <paramref name="second"/>.</summary>
    public void Add(long second, int field, long amount)
    {
        _added[field] += amount;
        if (second >= _todayStart)
        {
            _today[field] += amount;
        }

        if (second <= _now - _shortestWindow)
        {
            // Already outside some windows: count it as slid out of those so their sums stay exact.
            for (var w = 0; w < _windowSeconds.Length; w++)
            {
                if (second <= _now - _windowSeconds[w])
                {
                    _expired[w][field] += amount;
                }
            }

            if (second <= _now - _longestWindow)
            {
                return;
            }
        }

        var slot = Locate(second);
        _values[(slot * _fieldCount) + field] += amount;
    }

    private void Expire(int window, long boundary)
    {
        var cursor = _cursors[window];
        var expired = _expired[window];
        while (cursor < _count)
        {
            var slot = Physical(cursor);
            if (_seconds[slot] > boundary)
            {
                break;
            }

            AddInto(expired, _values.AsSpan(slot * _fieldCount, _fieldCount));
            cursor++;
        }

        _cursors[window] = cursor;
    }

    private void TrimBeyondLongestWindow(long boundary)
    {
        var dropped = 0;
        while (_count > 0 && _seconds[_head] <= boundary)
        {
            _values.AsSpan(_head * _fieldCount, _fieldCount).Clear();
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

    // Returns the physical slot of the pane for the second, creating it in time order when missing.
    private int Locate(long second)
    {
        if (_count > 0)
        {
            var last = Physical(_count - 1);
            if (_seconds[last] == second)
            {
                return last;
            }

            if (_seconds[last] > second)
            {
                return LocateOutOfOrder(second);
            }
        }

        // Appending can also create a pane already outside a window (a late measurement in a scope with
        // no newer pane): InsertAt moves that window's cursor past it, as Add counted it as expired.
        return InsertAt(_count, second);
    }

    private int LocateOutOfOrder(long second)
    {
        var low = 0;
        var high = _count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var midSecond = _seconds[Physical(mid)];
            if (midSecond == second)
            {
                return Physical(mid);
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

        return InsertAt(low, second);
    }

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
        _values.AsSpan(slot * _fieldCount, _fieldCount).Clear();
        _count++;

        // A pane inserted before a window's cursor is already outside that window (Add counted it as expired).
        for (var w = 0; w < _cursors.Length; w++)
        {
            if (_cursors[w] > index || (_cursors[w] == index && second <= _now - _windowSeconds[w]))
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

    // Sliding a window adds a whole pane (every field) to the window's expired sums, for every busy scope,
    // window and second: the hottest loop of the engine, so it adds a vector of fields at a time.
    private static void AddInto(Span<long> sums, ReadOnlySpan<long> pane)
    {
        var f = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; f <= pane.Length - Vector<long>.Count; f += Vector<long>.Count)
            {
                (new Vector<long>(sums[f..]) + new Vector<long>(pane[f..])).CopyTo(sums[f..]);
            }
        }

        for (; f < pane.Length; f++)
        {
            sums[f] += pane[f];
        }
    }
}
