using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Wallboard.Engine.Checkpoints;

/// <summary>
/// Reads what <see cref="CheckpointWriter"/> wrote, through one buffer. A checkpoint that ends early throws
/// <see cref="EndOfStreamException"/>; one that holds what no writer writes throws <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class CheckpointReader : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int MaxVarintBytes = 10;
    private static readonly long MaxOffsetTicks = TimeSpan.FromHours(14).Ticks;

    private readonly Stream _source;
    private readonly List<string> _table = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _position;
    private int _length;
    private long _previousTicks;

    public CheckpointReader(Stream source) => _source = source;

    /// <summary>The id of the contact, agent or ticket whose events are being read (see <see cref="CheckpointWriter.Owner"/>).</summary>
    public string? Owner { get; set; }

    public byte ReadByte()
    {
        Fill(1);
        return _buffer[_position++];
    }

    public bool ReadBoolean() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"A checkpoint boolean holds {other}."),
    };

    public int ReadInt32()
    {
        Fill(sizeof(int));
        var value = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_position));
        _position += sizeof(int);
        return value;
    }

    public long ReadInt64()
    {
        Fill(sizeof(long));
        var value = BinaryPrimitives.ReadInt64LittleEndian(_buffer.AsSpan(_position));
        _position += sizeof(long);
        return value;
    }

    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    public ulong ReadVarUInt64()
    {
        ulong value = 0;
        for (var shift = 0; shift < 7 * MaxVarintBytes; shift += 7)
        {
            var next = ReadByte();
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A checkpoint varint is longer than ten bytes.");
    }

    public long ReadVarInt64() => UnZigZag(ReadVarUInt64());

    public int ReadCount()
    {
        var count = ReadVarUInt64();
        return count <= int.MaxValue ? (int)count : throw new InvalidDataException($"A checkpoint count of {count} is out of range.");
    }

    public double ReadNumber()
    {
        var tag = ReadVarUInt64();
        return (tag & 1) == 0 ? UnZigZag(tag >> 1) / 1000.0 : ReadDouble();
    }

    /// <summary>Reads the count the writer put first, then that many numbers; they must fill <paramref name="values"/> exactly.</summary>
    public void ReadLongs(Span<long> values)
    {
        ExpectCount(values.Length);
        ReadLongValues(values);
    }

    public long[] ReadLongs()
    {
        var values = GC.AllocateUninitializedArray<long>(ReadCount());
        ReadLongValues(values);
        return values;
    }

    /// <summary>Reads what <see cref="CheckpointWriter.WriteSparseLongs"/> wrote for as many numbers as <paramref name="values"/> holds.</summary>
    public void ReadSparseLongs(Span<long> values)
    {
        values.Clear();
        for (var start = 0; start < values.Length; start += 64)
        {
            var chunk = values.Slice(start, Math.Min(64, values.Length - start));
            var mask = ReadVarUInt64();
            if (chunk.Length < 64 && mask >> chunk.Length != 0)
            {
                throw new InvalidDataException("A checkpoint mask names more numbers than there are.");
            }

            while (mask != 0)
            {
                chunk[BitOperations.TrailingZeroCount(mask)] = ReadVarInt64();
                mask &= mask - 1;
            }
        }
    }

    /// <summary>Reads digests written by <see cref="CheckpointWriter.WriteDigests"/> into a list of their count.</summary>
    public List<UInt128> ReadDigests()
    {
        var count = ReadCount();
        var digests = new List<UInt128>(count);
        CollectionsMarshal.SetCount(digests, count);
        var span = CollectionsMarshal.AsSpan(digests);
        ReadRaw(MemoryMarshal.AsBytes(span));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(span, span);
        }

        return digests;
    }

    public string? ReadString()
    {
        var tag = ReadVarUInt64();
        switch (tag)
        {
            case CheckpointWriter.NullTag:
                return null;
            case CheckpointWriter.OwnerTag:
                return Owner ?? throw new InvalidDataException("A checkpoint string refers to an owner where there is none.");
            case CheckpointWriter.TextTag:
                return ReadText();
            case CheckpointWriter.TableTextTag:
                var text = ReadText();
                _table.Add(text);
                return text;
            default:
                var index = tag - CheckpointWriter.FirstTableTag;
                return index < (ulong)_table.Count
                    ? _table[(int)index]
                    : throw new InvalidDataException($"A checkpoint string refers to entry {index} of a table of {_table.Count}.");
        }
    }

    public string ReadRequiredString() => ReadString() ?? throw new InvalidDataException("A checkpoint string that cannot be absent is.");

    public DateTimeOffset ReadTimestamp()
    {
        var tag = ReadVarUInt64();
        var ticks = (tag & 1) == 0 ? _previousTicks + (UnZigZag(tag >> 2) * TimeSpan.TicksPerMillisecond) : ReadInt64();
        var offsetTicks = (tag & 2) == 0 ? 0 : ReadVarInt64() * TimeSpan.TicksPerMinute;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || Math.Abs(offsetTicks) > MaxOffsetTicks
            || ticks + offsetTicks < DateTime.MinValue.Ticks || ticks + offsetTicks > DateTime.MaxValue.Ticks)
        {
            throw new InvalidDataException($"A checkpoint timestamp ({ticks} ticks, offset {offsetTicks}) is out of range.");
        }

        _previousTicks = ticks;
        return new DateTimeOffset(ticks + offsetTicks, new TimeSpan(offsetTicks));
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

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private void ReadLongValues(Span<long> values)
    {
        ReadRaw(MemoryMarshal.AsBytes(values));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }
    }

    private void ExpectCount(int expected)
    {
        var count = ReadCount();
        if (count != expected)
        {
            throw new InvalidDataException($"The checkpoint holds {count} numbers where {expected} were expected.");
        }
    }

    private string ReadText()
    {
        var tag = ReadVarUInt64();
        var length = tag >> 1;
        if (length > int.MaxValue)
        {
            throw new InvalidDataException($"A checkpoint string of {length} bytes is out of range.");
        }

        var bytes = (int)length;
        if (bytes > _buffer.Length)
        {
            var large = new byte[bytes];
            ReadRaw(large);
            return Decode(large, tag);
        }

        Fill(bytes);
        var text = Decode(_buffer.AsSpan(_position, bytes), tag);
        _position += bytes;
        return text;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, ulong tag)
    {
        if ((tag & 1) == 0)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        if (bytes.Length % 2 != 0)
        {
            throw new InvalidDataException("A checkpoint UTF-16 string has an odd number of bytes.");
        }

        return string.Create(bytes.Length / 2, bytes.ToArray(), static (chars, units) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(units.AsSpan(2 * i));
            }
        });
    }

    private void ReadRaw(Span<byte> into)
    {
        var buffered = Math.Min(into.Length, _length - _position);
        _buffer.AsSpan(_position, buffered).CopyTo(into);
        _position += buffered;
        _source.ReadExactly(into[buffered..]);
    }

    // Makes at least `count` bytes (≤ the buffer's size) available from _position on.
    private void Fill(int count)
    {
        if (_length - _position >= count)
        {
            return;
        }

        var kept = _length - _position;
        _buffer.AsSpan(_position, kept).CopyTo(_buffer);
        _position = 0;
        _length = kept;
        while (_length < count)
        {
            var read = _source.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0)
            {
                throw new EndOfStreamException("The checkpoint ends early.");
            }

            _length += read;
        }
    }
}
