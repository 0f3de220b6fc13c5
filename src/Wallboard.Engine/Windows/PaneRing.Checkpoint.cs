namespace Wallboard.Engine.Windows;

/// <summary>Checkpointing of the panes: the live panes in time order with every window's running sums and cursors.</summary>
internal sealed partial class PaneRing
{
    /// <summary>Writes the ring for a checkpoint (panes in time order).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(_fieldCount);
        writer.Write(_windowSeconds.Length);
        writer.Write(_now);
        writer.Write(_todayStart);
        WriteLongs(writer, _added);
        WriteLongs(writer, _today);
        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            WriteLongs(writer, _expired[w]);
            writer.Write(_cursors[w]);
        }

        writer.Write(_count);
        for (var i = 0; i < _count; i++)
        {
            var slot = Physical(i);
            writer.Write(_seconds[slot]);
            WriteLongs(writer, _values.AsSpan(slot * _fieldCount, _fieldCount));
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote into this (empty) ring.</summary>
    public void Load(BinaryReader reader)
    {
        if (reader.ReadInt32() != _fieldCount || reader.ReadInt32() != _windowSeconds.Length)
        {
            throw new InvalidDataException("The checkpoint's panes have another layout.");
        }

        _now = reader.ReadInt64();
        _todayStart = reader.ReadInt64();
        ReadLongs(reader, _added);
        ReadLongs(reader, _today);
        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            ReadLongs(reader, _expired[w]);
            _cursors[w] = reader.ReadInt32();
        }

        var count = reader.ReadInt32();
        var capacity = Math.Max(_seconds.Length, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, count)));
        _seconds = new long[capacity];
        _values = new long[capacity * _fieldCount];
        _head = 0;
        _count = count;
        for (var i = 0; i < count; i++)
        {
            _seconds[i] = reader.ReadInt64();
            ReadLongs(reader, _values.AsSpan(i * _fieldCount, _fieldCount));
        }
    }

    private static void WriteLongs(BinaryWriter writer, ReadOnlySpan<long> values)
    {
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static void ReadLongs(BinaryReader reader, Span<long> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadInt64();
        }
    }
}
