using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Windows;

/// <summary>
/// Suffix maxima of (second, value) pairs in time order: each entry's value is larger than every
/// newer one, so the maximum over "newer than S" is the first entry newer than S.
/// </summary>
internal sealed class MonotonicDeque(int initialCapacity)
{
    private long[] _seconds = new long[Math.Max(4, initialCapacity)];
    private long[] _values = new long[Math.Max(4, initialCapacity)];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    /// <summary>Appends a value at a second not older than any held.</summary>
    public void Push(long second, long value)
    {
        while (_count > 0 && _values[_head + _count - 1] <= value)
        {
            _count--;
        }

        EnsureRoomAtEnd();
        _seconds[_head + _count] = second;
        _values[_head + _count] = value;
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

        if (_values[_head + newer] >= value)
        {
            return;
        }

        // Entries just before the insertion point with a value not above the new one stop being suffix maxima;
        // an entry of the same second with a larger value stays (a raise never lowers a second).
        var keep = newer;
        while (keep > 0 && _values[_head + keep - 1] <= value)
        {
            keep--;
        }

        var removed = newer - keep;
        if (removed == 0)
        {
            EnsureRoomAtEnd();
            Array.Copy(_seconds, _head + newer, _seconds, _head + newer + 1, _count - newer);
            Array.Copy(_values, _head + newer, _values, _head + newer + 1, _count - newer);
            _count++;
        }
        else if (removed > 1)
        {
            Array.Copy(_seconds, _head + newer, _seconds, _head + keep + 1, _count - newer);
            Array.Copy(_values, _head + newer, _values, _head + keep + 1, _count - newer);
            _count -= removed - 1;
        }

        _seconds[_head + keep] = second;
        _values[_head + keep] = value;
    }

    /// <summary>Drops entries at or before <paramref name="second"/>.</summary>
    public void DropThrough(long second)
    {
        while (_count > 0 && _seconds[_head] <= second)
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
    public long FirstAfter(long second)
    {
        var index = IndexOfFirstAfter(second);
        return index < _count ? _values[_head + index] : -1;
    }

    /// <summary>Numbers <see cref="Capture"/> copies: the count, then the seconds and the values, oldest first.</summary>
    public int CaptureLength => 1 + (2 * _count);

    public void Capture(CaptureBuffer<long> into)
    {
        var copy = into.Append(CaptureLength);
        copy[0] = _count;
        _seconds.AsSpan(_head, _count).CopyTo(copy[1..]);
        _values.AsSpan(_head, _count).CopyTo(copy[(1 + _count)..]);
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
        var capacity = Math.Max(_seconds.Length, seconds.Length);
        _seconds = new long[capacity];
        _values = new long[capacity];
        seconds.CopyTo(_seconds, 0);
        reader.ReadLongs(_values.AsSpan(0, seconds.Length));
        _head = 0;
        _count = seconds.Length;
    }

    private int IndexOfFirstAfter(long second)
    {
        var low = 0;
        var high = _count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_seconds[_head + mid] <= second)
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
        if (_head + _count < _seconds.Length)
        {
            return;
        }

        if (_head > 0 && _count < _seconds.Length / 2)
        {
            Array.Copy(_seconds, _head, _seconds, 0, _count);
            Array.Copy(_values, _head, _values, 0, _count);
        }
        else
        {
            var seconds = new long[_seconds.Length * 2];
            var values = new long[_values.Length * 2];
            Array.Copy(_seconds, _head, seconds, 0, _count);
            Array.Copy(_values, _head, values, 0, _count);
            _seconds = seconds;
            _values = values;
        }

        _head = 0;
    }
}
