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
            var length = (3 * _checkpointSlots) + _open.CaptureLength + _sealed.CaptureLength;
            for (var i = 0; i < _count; i++)
            {
                length += _slots[Physical(i)].Count;
            }

            return length;
        }
    }

    /// <summary>
    /// Copies the open seconds, each one's count of values (or -1), the values, and both deques into
    /// <paramref name="into"/>, for a checkpoint.
    /// </summary>
    /// <remarks>
    /// The image describes a ring of one slot per second of the lateness, the second's slot being the second
    /// modulo its size (the layout the maxima kept before they held only the seconds that recorded something),
    /// so that checkpoints stay readable across the change.
    /// </remarks>
    public Image Capture(CaptureBuffer<long> into)
    {
        var slots = _checkpointSlots;
        var copy = into.Append(3 * slots);
        copy[..slots].Fill(NoSecond);
        copy.Slice(slots, slots).Fill(Empty);
        copy.Slice(2 * slots, slots).Fill(-1);

        // Open seconds span fewer seconds than the ring has slots, so in time order their slots rise, wrapping at
        // most once: slot order is the wrapped part first, then the rest.
        var wrap = 0;
        while (wrap < _count && SlotOf(_slots[Physical(wrap)].Second) >= SlotOf(_slots[_head].Second))
        {
            wrap++;
        }

        for (var i = 0; i < _count; i++)
        {
            ref readonly var open = ref _slots[Physical(i)];
            var slot = SlotOf(open.Second);
            copy[slot] = open.Second;
            copy[slots + slot] = open.Max;
            copy[(2 * slots) + slot] = open.Count;
        }

        // Appending may move the buffer, so the values come after the slots are filled in.
        for (var i = 0; i < _count; i++)
        {
            ref readonly var open = ref _slots[Physical((wrap + i) % _count)];
            open.CopyTo(into.Append(open.Count));
        }

        _open.Capture(into);
        _sealed.Capture(into);
        return new Image(_now, _nextToSeal, _todayStart, _todaySealedMax, slots);
    }

    public void Load(CheckpointReader reader)
    {
        var slots = _checkpointSlots;
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
        var opened = new List<OpenSlot>();
        for (var slot = 0; slot < slots; slot++)
        {
            if (seconds[slot] == NoSecond)
            {
                continue;
            }

            var open = new OpenSlot { Second = seconds[slot], Max = maxima[slot] };
            open.Load(reader.ReadLongs());
            opened.Add(open);
        }

        opened.Sort((left, right) => left.Second.CompareTo(right.Second));
        _slots = new OpenSlot[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, opened.Count))];
        opened.CopyTo(_slots);
        _head = 0;
        _count = opened.Count;
        _open.Load(reader);
        _sealed.Load(reader);
    }

    private int SlotOf(long second) => (int)(second & (_checkpointSlots - 1));

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
