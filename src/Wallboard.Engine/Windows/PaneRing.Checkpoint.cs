using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Windows;

/// <summary>
/// Checkpointing of the panes: the totals, every window's cursor, and the live panes in time order, each
/// second as the step from the one before and its running sums as the step from the pane before (what was
/// recorded in that second: a few counters, written sparse).
/// </summary>
internal sealed partial class PaneRing
{
    /// <summary>How many numbers <see cref="Capture"/> copies: the cursors, the totals and the live panes.</summary>
    public int CaptureLength => _ringStart + (_count * (1 + _fieldCount));

    /// <summary>Copies the ring (panes in time order) to the end of <paramref name="numbers"/> with span copies.</summary>
    public Image Capture(CaptureBuffer<long> numbers)
    {
        MoveCursors();
        var into = numbers.Append(CaptureLength);
        _block.AsSpan(0, _ringStart).CopyTo(into);

        // The live panes are one run of the circular buffer, or two when they wrap around its end.
        var f = _fieldCount;
        var first = Math.Min(_count, _capacity - _head);
        var seconds = into.Slice(_ringStart, _count);
        var sums = into[(_ringStart + _count)..];
        _block.AsSpan(_ringStart + _head, first).CopyTo(seconds);
        _block.AsSpan(_ringStart, _count - first).CopyTo(seconds[first..]);
        _block.AsSpan(SumsOf(0), first * f).CopyTo(sums);
        _block.AsSpan(_ringStart + _capacity, (_count - first) * f).CopyTo(sums[(first * f)..]);
        return new Image(_fieldCount, _windowSeconds.Length, _count, _now, _todayStart);
    }

    /// <summary>Reads what <see cref="Image.WriteTo"/> wrote into this (empty) ring.</summary>
    public void Load(CheckpointReader reader)
    {
        var windows = _windowSeconds.Length;
        if (reader.ReadCount() != _fieldCount || reader.ReadCount() != windows)
        {
            throw new InvalidDataException("The checkpoint's panes have another layout.");
        }

        _now = reader.ReadInt64();
        _todayStart = reader.ReadInt64();
        Span<long> sums = stackalloc long[_fieldCount];
        for (var kind = 0; kind < 2; kind++)
        {
            reader.ReadLongs(sums);
            for (var field = 0; field < _fieldCount; field++)
            {
                _block[TotalAt(field) + kind] = sums[field];
            }
        }

        for (var w = 0; w < windows; w++)
        {
            _block[w] = reader.ReadVarInt64();
        }

        _cursorsAt = _now;

        var count = reader.ReadCount();
        _capacity = Math.Max(_capacity, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, count)));
        var block = new long[_ringStart + (_capacity * (1 + _fieldCount))];
        _block.AsSpan(0, _ringStart).CopyTo(block);
        _block = block;
        _head = 0;
        _count = count;
        var second = 0L;
        for (var i = 0; i < count; i++)
        {
            second += reader.ReadVarInt64();
            SecondOf(i) = second;
            var pane = _block.AsSpan(SumsOf(i), _fieldCount);
            reader.ReadSparseLongs(pane);
            if (i > 0)
            {
                var before = _block.AsSpan(SumsOf(i - 1), _fieldCount);
                for (var field = 0; field < pane.Length; field++)
                {
                    pane[field] += before[field];
                }
            }
        }
    }

    /// <summary>A ring as <see cref="Capture"/> copied it, written outside the engine's lock.</summary>
    internal readonly struct Image(int fieldCount, int windows, int count, long now, long todayStart)
    {
        /// <summary>How many numbers <see cref="Capture"/> copied.</summary>
        public int Length => windows + (2 * fieldCount) + (count * (1 + fieldCount));

        /// <summary>Writes the ring from the numbers <see cref="Capture"/> copied into <paramref name="copied"/>.</summary>
        public void WriteTo(CheckpointWriter writer, ReadOnlySpan<long> copied)
        {
            var f = fieldCount;
            writer.WriteCount(f);
            writer.WriteCount(windows);
            writer.WriteInt64(now);
            writer.WriteInt64(todayStart);
            Span<long> step = stackalloc long[f];
            for (var kind = 0; kind < 2; kind++)
            {
                for (var field = 0; field < f; field++)
                {
                    step[field] = copied[windows + (2 * field) + kind];
                }

                writer.WriteLongs(step);
            }

            for (var w = 0; w < windows; w++)
            {
                writer.WriteVarInt64(copied[w]);
            }

            writer.WriteCount(count);
            var seconds = copied.Slice(windows + (2 * f), count);
            var sums = copied.Slice(windows + (2 * f) + count, count * f);
            var second = 0L;
            for (var i = 0; i < count; i++)
            {
                writer.WriteVarInt64(seconds[i] - second);
                second = seconds[i];
                var pane = sums.Slice(i * f, f);
                if (i == 0)
                {
                    writer.WriteSparseLongs(pane);
                    continue;
                }

                var before = sums.Slice((i - 1) * f, f);
                for (var field = 0; field < f; field++)
                {
                    step[field] = pane[field] - before[field];
                }

                writer.WriteSparseLongs(step);
            }
        }
    }
}
