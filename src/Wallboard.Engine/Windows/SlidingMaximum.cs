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
    private readonly int _openMask;

    // Everything about one open second in one 32-byte slot (two to a cache line): opening, raising and sealing a
    // second each read one line of it, where separate arrays of seconds, maxima and value lists cost four or five.
    private readonly OpenSlot[] _slots;

    // One bit per slot of the ring, set while the slot holds an open second: sealing finds the open seconds of
    // a stretch from one cache line instead of reading a slot per second of it, which on a scope recording once
    // a minute (an agent) was most of the cost of moving its clock.
    private readonly ulong[] _openBits;
    private readonly int _slotsPerWord;
    private readonly MonotonicDeque _open;
    private readonly MonotonicDeque _sealed;
    private long _now = long.MinValue / 4;
    private long _nextToSeal = long.MinValue / 4;
    private long _todayStart = long.MinValue / 4;
    private long _todaySealedMax = Empty;
    private int _openCount;

    public SlidingMaximum(long latenessSeconds, long longestWindowSeconds)
    {
        _lateness = latenessSeconds;
        _longestWindow = longestWindowSeconds;
        var openSize = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(latenessSeconds + 1));
        _openMask = openSize - 1;
        _slots = new OpenSlot[openSize];
        for (var slot = 0; slot < openSize; slot++)
        {
            _slots[slot] = new OpenSlot { Second = NoSecond, First = Empty };
        }

        _openBits = new ulong[Math.Max(1, openSize / 64)];
        _slotsPerWord = Math.Min(64, openSize);
        _open = new MonotonicDeque(openSize);
        _sealed = new MonotonicDeque(16);
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

        var slot = (int)(second & _openMask);
        ref var open = ref _slots[slot];
        if (open.Second != second)
        {
            _openCount++;
            open.Second = second;
            _openBits[slot >> 6] |= 1UL << slot;
            open.Max = Empty;
            open.First = Empty;
            open.More?.Clear();
        }

        if (open.First == Empty)
        {
            open.First = value;
        }
        else
        {
            (open.More ??= []).Add(value);
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
        var slot = (int)(second & _openMask);
        ref var open = ref _slots[slot];
        if (second < _nextToSeal || open.Second != second || !open.Remove(value))
        {
            return;
        }

        if (value < open.Max)
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

    private void SealThrough(long lastToSeal)
    {
        // Open seconds span at most lateness + 1 seconds, so one pass over the ring finds them all, in time order
        // from the slot of the first second to seal; a scope that recorded nothing lately (most agents, most
        // seconds) has none and skips it.
        var second = _nextToSeal;
        var remaining = Math.Min(lastToSeal, _nextToSeal + _openMask) - second + 1;
        while (remaining > 0 && _openCount > 0)
        {
            var slot = (int)(second & _openMask);
            var ahead = _openBits[slot >> 6] >> slot;
            if (ahead == 0)
            {
                // Nothing open in the rest of this word (slot & 63 is the shift the line above applied).
                var rest = _slotsPerWord - (slot & 63);
                second += rest;
                remaining -= rest;
                continue;
            }

            var skipped = System.Numerics.BitOperations.TrailingZeroCount(ahead);
            if (skipped >= remaining)
            {
                break;
            }

            second += skipped;
            remaining -= skipped + 1;
            Seal(second, slot + skipped);
            second++;
        }

        _nextToSeal = lastToSeal + 1;
        _open.DropThrough(lastToSeal);
    }

    private void Seal(long second, int slot)
    {
        ref var open = ref _slots[slot];
        System.Diagnostics.Debug.Assert(open.Second == second, "A slot in the stretch to seal holds the one second of the stretch that maps to it.");
        var max = open.Max;
        if (max >= 0)
        {
            _sealed.Push(second, max);
            if (second >= _todayStart)
            {
                _todaySealedMax = Math.Max(_todaySealedMax, max);
            }
        }

        open.Second = NoSecond;
        open.First = Empty;
        open.More?.Clear();
        _openBits[slot >> 6] &= ~(1UL << slot);
        _openCount--;
    }

    private void RebuildOpenDeque()
    {
        _open.Clear();
        for (var second = Math.Max(_nextToSeal, _now - _openMask); second <= _now; second++)
        {
            ref var open = ref _slots[(int)(second & _openMask)];
            if (open.Second == second && open.Max >= 0)
            {
                _open.Push(second, open.Max);
            }
        }
    }
}
