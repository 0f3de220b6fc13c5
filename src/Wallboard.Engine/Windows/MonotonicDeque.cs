using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Windows;

/// <summary>
/// Suffix maxima of (second, value) pairs in time order: each entry's value is larger than every
/// newer one, so the maximum over "newer than S" is the first entry newer than S.
/// </summary>
/// <remarks>
/// A struct held inside its <see cref="SlidingMaximum"/>, with each pair's second and value side by side in
/// one array: a wait recorded in a scope out of the cache (an agent's, once a minute) then waits for the
/// maximum and one line of pairs, where a deque object with an array of seconds and one of values was three
/// more dependent loads. Held in a field that is not read-only, so that calls change the field itself.
/// </remarks>
internal struct MonotonicDeque(int initialCapacity)
{
    private long[] _pairs = new long[2 * Math.Max(4, initialCapacity)];
    private int _head;
    private int _count;

    public readonly int Count => _count;

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    /// <summary>Appends a value at a second not older than any held.</summary>
    public void Push(long second, long value)
    {
        while (_count > 0 && Value(_count - 1) <= value)
        {
            _count--;
        }

        EnsureRoomAtEnd();
        Set(_count, second, value);
        _count++;
    }

    /// <summary>Raises the value at <paramref name="second"/> to <paramref name="value"/>; the second may be older than the newest held.</summary>
    public void Raise(long second, long value)
    {
        var newer = IndexOfFirstAfter(second);
        if (newer == _count)
        {
            Push(second, value);
            return;
        }

        if (Value(newer) >= value)
        {
            return;
        }

        // Entries just before the insertion point with a value not above the new one stop being suffix maxima;
        // an entry of the same second with a larger value stays (a raise never lowers a second).
        var keep = newer;
        while (keep > 0 && Value(keep - 1) <= value)
        {
            keep--;
        }

        var removed = newer - keep;
        if (removed == 0)
        {
            EnsureRoomAtEnd();
            Array.Copy(_pairs, 2 * (_head + newer), _pairs, 2 * (_head + newer + 1), 2 * (_count - newer));
            _count++;
        }
        else if (removed > 1)
        {
            Array.Copy(_pairs, 2 * (_head + newer), _pairs, 2 * (_head + keep + 1), 2 * (_count - newer));
            _count -= removed - 1;
        }

        Set(keep, second, value);
    }

    /// <summary>Drops entries at or before <paramref name="second"/>.</summary>
    public void DropThrough(long second)
    {
        while (_count > 0 && Second(0) <= second)
        {
            _head++;
            _count--;
        }

        if (_count == 0)
        {
            _head = 0;
        }
    }

    /// <summary>The largest value at a second after <paramref name="second"/>, or -1.</summary>
    public readonly long FirstAfter(long second)
    {
        var index = IndexOfFirstAfter(second);
        return index < _count ? Value(index) : -1;
    }

    /// <summary>Numbers <see cref="Capture"/> copies: the count, then the seconds and the values, oldest first.</summary>
    public readonly int CaptureLength => 1 + (2 * _count);

    public readonly void Capture(CaptureBuffer<long> into)
    {
        var copy = into.Append(CaptureLength);
        copy[0] = _count;
        for (var i = 0; i < _count; i++)
        {
            copy[1 + i] = Second(i);
            copy[1 + _count + i] = Value(i);
        }
    }

    /// <summary>Writes what <see cref="Capture"/> copied at the start of <paramref name="copied"/>; returns how many numbers that took.</summary>
    public static int Write(CheckpointWriter writer, ReadOnlySpan<long> copied)
    {
        var count = (int)copied[0];
        writer.WriteLongs(copied.Slice(1, count));
        writer.WriteLongs(copied.Slice(1 + count, count));
        return 1 + (2 * count);
    }

    public void Load(CheckpointReader reader)
    {
        var seconds = reader.ReadLongs();
        var values = new long[seconds.Length];
        reader.ReadLongs(values);
        _pairs = new long[2 * Math.Max(_pairs.Length / 2, seconds.Length)];
        _head = 0;
        _count = seconds.Length;
        for (var i = 0; i < _count; i++)
        {
            Set(i, seconds[i], values[i]);
        }
    }

    private readonly long Second(int index) => _pairs[2 * (_head + index)];

    private readonly long Value(int index) => _pairs[(2 * (_head + index)) + 1];

    private readonly void Set(int index, long second, long value)
    {
        _pairs[2 * (_head + index)] = second;
        _pairs[(2 * (_head + index)) + 1] = value;
    }

    private readonly int IndexOfFirstAfter(long second)
    {
        var low = 0;
        var high = _count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Second(mid) <= second)
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

    private void EnsureRoomAtEnd()
    {
        var capacity = _pairs.Length / 2;
        if (_head + _count < capacity)
        {
            return;
        }

        if (_head > 0 && _count < capacity / 2)
        {
            Array.Copy(_pairs, 2 * _head, _pairs, 0, 2 * _count);
        }
        else
        {
            var pairs = new long[_pairs.Length * 2];
            Array.Copy(_pairs, 2 * _head, pairs, 0, 2 * _count);
            _pairs = pairs;
        }

        _head = 0;
    }
}
