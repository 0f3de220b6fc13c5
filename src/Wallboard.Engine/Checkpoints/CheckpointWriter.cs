using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Wallboard.Engine.Checkpoints;

/// <summary>
/// Writes a checkpoint's bytes: fixed little-endian numbers, varints, whole spans of numbers at once, strings
/// and event timestamps, gathered in one buffer and handed to the stream in large blocks (a
/// <see cref="BinaryWriter"/> calls the stream for every number). <see cref="CheckpointReader"/> reads them back.
/// </summary>
/// <remarks>
/// Strings are in <c>CheckpointWriter.Text.cs</c>. Timestamps are written as the change in milliseconds from
/// the previous one (events of one contact are close together), with their offset only when it is not zero.
/// </remarks>
internal sealed partial class CheckpointWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int MaxVarintBytes = 10;

    private readonly Stream _destination;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _position;
    private long _previousTicks;

    public CheckpointWriter(Stream destination) => _destination = destination;

    public void WriteByte(byte value)
    {
        Reserve(1);
        _buffer[_position++] = value;
    }

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteInt32(int value)
    {
        Reserve(sizeof(int));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_position), value);
        _position += sizeof(int);
    }

    public void WriteInt64(long value)
    {
        Reserve(sizeof(long));
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_position), value);
        _position += sizeof(long);
    }

    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    public void WriteVarUInt64(ulong value)
    {
        Reserve(MaxVarintBytes);
        _position += EncodeVarint(_buffer.AsSpan(_position), value);
    }

    /// <summary>A signed varint (zigzag): small magnitudes of either sign take few bytes.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64(ZigZag(value));

    /// <summary>A count or length (≥ 0).</summary>
    public void WriteCount(int count) => WriteVarUInt64((ulong)count);

    /// <summary>
    /// A number, as whole thousandths when that is exact (durations in seconds from milliseconds, scores),
    /// else as its eight bytes; the tag's low bit says which.
    /// </summary>
    public void WriteNumber(double value)
    {
        var thousandths = Math.Round(value * 1000);
        if (Math.Abs(thousandths) < 1e15 && thousandths / 1000 == value && !(value == 0 && double.IsNegative(value)))
        {
            WriteVarUInt64(ZigZag((long)thousandths) << 1);
            return;
        }

        WriteVarUInt64(1);
        WriteDouble(value);
    }

    public void WriteLongs(ReadOnlySpan<long> values)
    {
        WriteCount(values.Length);
        if (BitConverter.IsLittleEndian)
        {
            WriteRaw(MemoryMarshal.AsBytes(values));
            return;
        }

        foreach (var value in values)
        {
            WriteInt64(value);
        }
    }

    /// <summary>
    /// Numbers that are mostly zero (a pane's counters): per 64 of them, a mask of those that are not, then
    /// those as signed varints. The reader must know how many there are.
    /// </summary>
    public void WriteSparseLongs(ReadOnlySpan<long> values)
    {
        for (var start = 0; start < values.Length; start += 64)
        {
            var chunk = values.Slice(start, Math.Min(64, values.Length - start));
            var mask = 0UL;
            for (var i = 0; i < chunk.Length; i++)
            {
                mask |= (chunk[i] != 0 ? 1UL : 0UL) << i;
            }

            WriteVarUInt64(mask);
            while (mask != 0)
            {
                WriteVarInt64(chunk[BitOperations.TrailingZeroCount(mask)]);
                mask &= mask - 1;
            }
        }
    }

    public void WriteDigests(ReadOnlySpan<UInt128> digests)
    {
        WriteCount(digests.Length);
        if (BitConverter.IsLittleEndian)
        {
            WriteRaw(MemoryMarshal.AsBytes(digests));
            return;
        }

        foreach (var digest in digests)
        {
            WriteInt64((long)(ulong)digest);
            WriteInt64((long)(ulong)(digest >> 64));
        }
    }

    public void WriteTimestamp(DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks;
        var delta = ticks - _previousTicks;
        _previousTicks = ticks;
        var offsetMinutes = timestamp.Offset.Ticks / TimeSpan.TicksPerMinute;
        var offsetBit = offsetMinutes == 0 ? 0UL : 2UL;

        // Bit 0: the instant follows as its eight bytes (not whole milliseconds from the previous one); bit 1: an offset follows.
        if (delta % TimeSpan.TicksPerMillisecond == 0)
        {
            WriteVarUInt64((ZigZag(delta / TimeSpan.TicksPerMillisecond) << 2) | offsetBit);
        }
        else
        {
            WriteVarUInt64(1 | offsetBit);
            WriteInt64(ticks);
        }

        if (offsetBit != 0)
        {
            WriteVarInt64(offsetMinutes);
        }
    }

    /// <summary>Hands what is buffered to the stream.</summary>
    public void Flush()
    {
        _destination.Write(_buffer, 0, _position);
        _position = 0;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static int EncodeVarint(Span<byte> into, ulong value)
    {
        var length = 0;
        while (value >= 0x80)
        {
            into[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        into[length++] = (byte)value;
        return length;
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_position == _buffer.Length)
            {
                Flush();
            }

            var part = Math.Min(bytes.Length, _buffer.Length - _position);
            bytes[..part].CopyTo(_buffer.AsSpan(_position));
            _position += part;
            bytes = bytes[part..];
        }
    }

    private void Reserve(int bytes)
    {
        if (_buffer.Length - _position < bytes)
        {
            Flush();
        }
    }
}
