using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Windows;

/// <summary>
/// Checkpointing of the maxima: the clock, the open seconds with their values (so that retractions stay exact
/// after a restart), and both deques.
/// </summary>
internal sealed partial class SlidingMaximum
{
    /// <summary>Numbers <see cref="Capture"/> copies.</summary>
    public int CaptureLength
    {
        get
        {
            var length = (3 * _slots.Length) + _open.CaptureLength + _sealed.CaptureLength;
            foreach (ref readonly var open in _slots.AsSpan())
            {
                length += open.Second == NoSecond ? 0 : open.Count;
            }

            return length;
        }
    }

    /// <summary>
    /// Copies the open seconds, each one's count of values (or -1), the values, and both deques into
    /// <paramref name="into"/>, for a checkpoint.
    /// </summary>
    public Image Capture(CaptureBuffer<long> into)
    {
        var slots = _slots.Length;
        var copy = into.Append(3 * slots);
        for (var slot = 0; slot < slots; slot++)
        {
            ref readonly var open = ref _slots[slot];
            copy[slot] = open.Second;
            copy[slots + slot] = open.Max;
            copy[(2 * slots) + slot] = open.Second == NoSecond ? -1 : open.Count;
        }

        foreach (ref readonly var open in _slots.AsSpan())
        {
            if (open.Second != NoSecond)
            {
                open.CopyTo(into.Append(open.Count));
            }
        }

        _open.Capture(into);
        _sealed.Capture(into);
        return new Image(_now, _nextToSeal, _todayStart, _todaySealedMax, slots);
    }

    public void Load(CheckpointReader reader)
    {
        var slots = _slots.Length;
        if (reader.ReadCount() != slots)
        {
            throw new InvalidDataException("The checkpoint's lateness differs.");
        }

        _now = reader.ReadInt64();
        _nextToSeal = reader.ReadInt64();
        _todayStart = reader.ReadInt64();
        _todaySealedMax = reader.ReadInt64();
        var seconds = new long[slots];
        var maxima = new long[slots];
        reader.ReadLongs(seconds);
        reader.ReadLongs(maxima);
        _openCount = 0;
        Array.Clear(_openBits);
        for (var slot = 0; slot < slots; slot++)
        {
            ref var open = ref _slots[slot];
            open.Second = seconds[slot];
            open.Max = maxima[slot];
            open.Load(open.Second == NoSecond ? [] : reader.ReadLongs());
            if (open.Second != NoSecond)
            {
                _openCount++;
                _openBits[slot >> 6] |= 1UL << slot;
            }
        }

        _open.Load(reader);
        _sealed.Load(reader);
    }

    /// <summary>The maxima as <see cref="Capture"/> copied them, written outside the engine's lock.</summary>
    internal readonly struct Image(long now, long nextToSeal, long todayStart, long todaySealedMax, int slots)
    {
        /// <summary>Writes the maxima from what <see cref="Capture"/> copied at the start of <paramref name="copied"/>; returns how many numbers that took.</summary>
        public int WriteTo(CheckpointWriter writer, ReadOnlySpan<long> copied)
        {
            writer.WriteCount(slots);
            writer.WriteInt64(now);
            writer.WriteInt64(nextToSeal);
            writer.WriteInt64(todayStart);
            writer.WriteInt64(todaySealedMax);
            writer.WriteLongs(copied[..slots]);
            writer.WriteLongs(copied.Slice(slots, slots));
            var counts = copied.Slice(2 * slots, slots);
            var at = 3 * slots;
            foreach (var count in counts)
            {
                if (count >= 0)
                {
                    writer.WriteLongs(copied.Slice(at, (int)count));
                    at += (int)count;
                }
            }

            at += MonotonicDeque.Write(writer, copied[at..]);
            at += MonotonicDeque.Write(writer, copied[at..]);
            return at;
        }
    }
}
