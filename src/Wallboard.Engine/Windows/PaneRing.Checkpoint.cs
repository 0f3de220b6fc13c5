using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Windows;

/// <summary>
/// Checkpointing of the panes: the totals, every window's cursor, and the live panes in time order, each
/// second as the step from the one before and its running sums as the step from the pane before (what was
/// recorded in that second: a few counters, written sparse).
/// </summary>
internal sealed partial class PaneRing
{
    /// <summary>How many numbers <see cref="Capture"/> copies: the sums, the cursors and the live panes.</summary>
    public int CaptureLength => (_fieldCount * 3) + _windowSeconds.Length + (_count * (1 + _fieldCount));

    /// <summary>Copies the ring (panes in time order) to the end of <paramref name="numbers"/> with span copies.</summary>
    public Image Capture(CaptureBuffer<long> numbers)
    {
        MoveCursors();
        var into = numbers.Append(CaptureLength);
        var f = _fieldCount;
        for (var field = 0; field < f; field++)
        {
            into[field] = Total(field);
            into[f + field] = TodaySum(field);
        }

        _paned.CopyTo(into[(2 * f)..]);
        var at = 3 * f;
        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            into[at++] = _cursors[w];
        }

        // The live panes are one run of the circular buffer, or two when they wrap around its end.
        var first = Math.Min(_count, _seconds.Length - _head);
        _seconds.AsSpan(_head, first).CopyTo(into[at..]);
        _seconds.AsSpan(0, _count - first).CopyTo(into[(at + first)..]);
        at += _count;
        _values.AsSpan(_head * f, first * f).CopyTo(into[at..]);
        _values.AsSpan(0, (_count - first) * f).CopyTo(into[(at + (first * f))..]);
        return new Image(f, _windowSeconds.Length, _count, _now, _todayStart);
    }

    /// <summary>Reads what <see cref="Image.WriteTo"/> wrote into this (empty) ring.</summary>
    public void Load(CheckpointReader reader)
    {
        if (reader.ReadCount() != _fieldCount || reader.ReadCount() != _windowSeconds.Length)
        {
            throw new InvalidDataException("The checkpoint's panes have another layout.");
        }

        _now = reader.ReadInt64();
        _todayStart = reader.ReadInt64();
        // The image holds the total and today's sums, from which the rarely written corrections follow.
        var total = new long[_fieldCount];
        var today = new long[_fieldCount];
        reader.ReadLongs(total);
        reader.ReadLongs(today);
        reader.ReadLongs(_paned);
        for (var field = 0; field < _fieldCount; field++)
        {
            _beforeToday[field] = total[field] - today[field];
            _unpaned[field] = total[field] - _paned[field];
        }
        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            _cursors[w] = (int)reader.ReadVarInt64();
        }

        _cursorsAt = _now;

        var count = reader.ReadCount();
        var capacity = Math.Max(_seconds.Length, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, count)));
        _seconds = new long[capacity];
        _values = new long[capacity * _fieldCount];
        _head = 0;
        _count = count;
        var second = 0L;
        for (var i = 0; i < count; i++)
        {
            second += reader.ReadVarInt64();
            _seconds[i] = second;
            var pane = _values.AsSpan(i * _fieldCount, _fieldCount);
            reader.ReadSparseLongs(pane);
            if (i > 0)
            {
                var before = _values.AsSpan((i - 1) * _fieldCount, _fieldCount);
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
        public int Length => (fieldCount * 3) + windows + (count * (1 + fieldCount));

        /// <summary>Writes the ring from the numbers <see cref="Capture"/> copied into <paramref name="copied"/>.</summary>
        public void WriteTo(CheckpointWriter writer, ReadOnlySpan<long> copied)
        {
            var f = fieldCount;
            writer.WriteCount(f);
            writer.WriteCount(windows);
            writer.WriteInt64(now);
            writer.WriteInt64(todayStart);
            writer.WriteLongs(copied[..f]);
            writer.WriteLongs(copied.Slice(f, f));
            writer.WriteLongs(copied.Slice(2 * f, f));
            var at = 3 * f;
            for (var w = 0; w < windows; w++)
            {
                writer.WriteVarInt64(copied[at++]);
            }

            writer.WriteCount(count);
            var seconds = copied.Slice(at, count);
            var values = copied.Slice(at + count, count * f);
            Span<long> step = stackalloc long[f];
            var second = 0L;
            for (var i = 0; i < count; i++)
            {
                writer.WriteVarInt64(seconds[i] - second);
                second = seconds[i];
                var pane = values.Slice(i * f, f);
                if (i == 0)
                {
                    writer.WriteSparseLongs(pane);
                    continue;
                }

                var before = values.Slice((i - 1) * f, f);
                for (var field = 0; field < f; field++)
                {
                    step[field] = pane[field] - before[field];
                }

                writer.WriteSparseLongs(step);
            }
        }
    }
}
