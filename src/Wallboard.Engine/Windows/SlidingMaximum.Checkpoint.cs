using System.Runtime.InteropServices;
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
            var length = (3 * _openSecond.Length) + _open.CaptureLength + _sealed.CaptureLength;
            for (var slot = 0; slot < _openSecond.Length; slot++)
            {
                length += _openSecond[slot] == NoSecond ? 0 : _openValues[slot]!.Count;
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
        var slots = _openSecond.Length;
        var copy = into.Append(3 * slots);
        _openSecond.CopyTo(copy);
        _openMax.CopyTo(copy[slots..]);
        for (var slot = 0; slot < slots; slot++)
        {
            var values = _openSecond[slot] == NoSecond ? null : _openValues[slot];
            copy[(2 * slots) + slot] = values?.Count ?? -1;
        }

        for (var slot = 0; slot < slots; slot++)
        {
            if (_openSecond[slot] != NoSecond)
            {
                var values = _openValues[slot]!;
                CollectionsMarshal.AsSpan(values).CopyTo(into.Append(values.Count));
            }
        }

        _open.Capture(into);
        _sealed.Capture(into);
        return new Image(_now, _nextToSeal, _todayStart, _todaySealedMax, slots);
    }

    public void Load(CheckpointReader reader)
    {
        if (reader.ReadCount() != _openSecond.Length)
        {
            throw new InvalidDataException("The checkpoint's lateness differs.");
        }

        _now = reader.ReadInt64();
        _nextToSeal = reader.ReadInt64();
        _todayStart = reader.ReadInt64();
        _todaySealedMax = reader.ReadInt64();
        reader.ReadLongs(_openSecond);
        reader.ReadLongs(_openMax);
        for (var slot = 0; slot < _openSecond.Length; slot++)
        {
            if (_openSecond[slot] != NoSecond)
            {
                _openValues[slot] = [.. reader.ReadLongs()];
            }
        }

        _open.Load(reader);
        _sealed.Load(reader);
        _openCount = 0;
        Array.Clear(_openBits);
        for (var slot = 0; slot < _openSecond.Length; slot++)
        {
            if (_openSecond[slot] != NoSecond)
            {
                _openCount++;
                _openBits[slot >> 6] |= 1UL << slot;
            }
        }
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
