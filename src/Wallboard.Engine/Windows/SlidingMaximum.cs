namespace Wallboard.Engine.Windows;

/// <summary>
/// The largest value per sliding window and since the daily reset (for <c>maxWait</c>), amortised
/// O(1) per measurement, shared by every window length.
/// </summary>
/// <remarks>
/// Seconds older than the allowed lateness can no longer change, so they are <em>sealed</em> into a
/// monotonic deque of suffix maxima: a window's maximum is the first entry newer than its start.
/// The last <c>lateness + 1</c> seconds stay <em>open</em>: their values are kept so that a contact
/// re-derived after an out-of-order event can retract a measurement exactly, and their maxima form a
/// second, small monotonic deque.
/// </remarks>
internal sealed partial class SlidingMaximum
{
    private const long Empty = -1;
    private const long NoSecond = long.MinValue;

    private readonly long _lateness;
    private readonly long _longestWindow;

    // The size of the ring a checkpoint describes the open seconds in (one slot per second of the lateness).
    private readonly int _checkpointSlots;

    // Only the seconds that recorded something are open, in time order, in a circular buffer that grows to the
    // most open at once (at most lateness + 1). A scope recording a wait a minute (an agent) keeps five or six, in
    // one or two cache lines, where a slot per second of the lateness spread them over 16 KB that every move of
    // its clock and every wait read cold.
    private OpenSlot[] _slots = new OpenSlot[4];
    private int _head;
    private int _count;
    private MonotonicDeque _open = new(4);
    private MonotonicDeque _sealed = new(16);

    // Lists of further values whose seconds were sealed, for the next second with two values or more. A
    // reopened slot hands its list over here untouched: clearing it there read the list object, last used
    // when its second was open (5% of the engine's time in a profile); it is cleared when next needed, which
    // most seconds of most scopes never are.
    private Stack<List<long>>? _spareLists;
    private long _now = long.MinValue / 4;
    private long _nextToSeal = long.MinValue / 4;
    private long _todayStart = long.MinValue / 4;
    private long _todaySealedMax = Empty;

    public SlidingMaximum(long latenessSeconds, long longestWindowSeconds)
    {
        _lateness = latenessSeconds;
        _longestWindow = longestWindowSeconds;
        _checkpointSlots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(latenessSeconds + 1));
    }

    public void AdvanceTo(long now, long todayStart)
    {
        if (todayStart != _todayStart)
        {
            _todayStart = todayStart;
            _todaySealedMax = Empty;
        }

        if (now <= _now)
        {
            return;
        }

        _now = now;
        var lastToSeal = now - _lateness - 1;
        if (lastToSeal >= _nextToSeal)
        {
            SealThrough(lastToSeal);
        }

        _sealed.DropThrough(now - _longestWindow);
    }

    /// <summary>Records <paramref name="value"/> (≥ 0) at an open second.</summary>
    public void Add(long second, long value)
    {
        if (second < _nextToSeal)
        {
            return;
        }

        ref var open = ref Open(second);
        if (open.First == Empty)
        {
            open.First = value;
        }
        else
        {
            (open.More ??= SpareList()).Add(value);
        }

        if (value > open.Max)
        {
            open.Max = value;
            _open.Raise(second, value);
        }
    }

    /// <summary>Retracts one earlier <see cref="Add"/> of <paramref name="value"/> at an open second.</summary>
    public void Remove(long second, long value)
    {
        if (second < _nextToSeal)
        {
            return;
        }

        var index = IndexOf(second);
        if (index == _count)
        {
            return;
        }

        ref var open = ref _slots[Physical(index)];
        if (open.Second != second || !open.Remove(value) || value < open.Max)
        {
            return;
        }

        open.Max = open.Largest();
        RebuildOpenDeque();
    }

    /// <summary>Largest value recorded in the last <paramref name="windowSeconds"/> seconds, or -1.</summary>
    public long Window(long windowSeconds)
    {
        var boundary = _now - windowSeconds;
        return Math.Max(_sealed.FirstAfter(boundary), _open.FirstAfter(boundary));
    }

    /// <summary>Largest value recorded since the daily reset, or -1.</summary>
    public long Today() => Math.Max(_todaySealedMax, _open.FirstAfter(_todayStart - 1));

    // The open second's slot, opened (empty) when the second has none yet. Events mostly arrive in order, so
    // the second is usually the newest open one or newer; an older one is found by bisection and inserted.
    private ref OpenSlot Open(long second)
    {
        if (_count > 0)
        {
            ref var newest = ref _slots[Physical(_count - 1)];
            if (newest.Second == second)
            {
                return ref newest;
            }

            if (newest.Second > second)
            {
                var index = IndexOf(second);
                if (_slots[Physical(index)].Second == second)
                {
                    return ref _slots[Physical(index)];
                }

                return ref InsertAt(index, second);
            }
        }

        return ref InsertAt(_count, second);
    }

    // The logical index of the first open second at or after the given one (_count when there is none).
    private int IndexOf(long second)
    {
        var low = 0;
        var high = _count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_slots[Physical(mid)].Second < second)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private ref OpenSlot InsertAt(int index, long second)
    {
        if (_count == _slots.Length)
        {
            Grow();
        }

        // The free slot past the newest may keep the value list of a second sealed earlier.
        if (_slots[Physical(_count)].More is { } spare)
        {
            (_spareLists ??= new()).Push(spare);
        }

        for (var i = _count; i > index; i--)
        {
            _slots[Physical(i)] = _slots[Physical(i - 1)];
        }

        _count++;
        ref var open = ref _slots[Physical(index)];
        open = new OpenSlot { Second = second, Max = Empty, First = Empty };
        return ref open;
    }

    private List<long> SpareList()
    {
        if (_spareLists is not null && _spareLists.TryPop(out var list))
        {
            list.Clear();
            return list;
        }

        return [];
    }

    private void Grow()
    {
        var slots = new OpenSlot[_slots.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            slots[i] = _slots[Physical(i)];
        }

        _slots = slots;
        _head = 0;
    }

    private void SealThrough(long lastToSeal)
    {
        while (_count > 0)
        {
            ref var open = ref _slots[_head];
            if (open.Second > lastToSeal)
            {
                break;
            }

            if (open.Max >= 0)
            {
                _sealed.Push(open.Second, open.Max);
                if (open.Second >= _todayStart)
                {
                    _todaySealedMax = Math.Max(_todaySealedMax, open.Max);
                }
            }

            open.Second = NoSecond;
            _head = (_head + 1) & (_slots.Length - 1);
            _count--;
        }

        _nextToSeal = lastToSeal + 1;
        _open.DropThrough(lastToSeal);
    }

    private void RebuildOpenDeque()
    {
        _open.Clear();
        for (var i = 0; i < _count; i++)
        {
            ref var open = ref _slots[Physical(i)];
            if (open.Max >= 0)
            {
                _open.Push(open.Second, open.Max);
            }
        }
    }

    private int Physical(int logical) => (_head + logical) & (_slots.Length - 1);
}
