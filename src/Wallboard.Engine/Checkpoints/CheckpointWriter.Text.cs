using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text.Unicode;

namespace Wallboard.Engine.Checkpoints;

/// <summary>
/// Strings. A string is a varint tag, then the text when it is new: 0 is null, 1 the current <see cref="Owner"/>,
/// 2 a text written once, 3 a text that also joins the table of repeated strings, and 4 + n the table's
/// n-th string. The table is for the names that repeat across millions of events (queues, channels,
/// agents, teams), which then cost a byte or two; ids are written as they are, and the id of the contact
/// or agent whose events are being written costs one byte as the owner. Text is UTF-8, or UTF-16 code
/// units for a string with an unpaired surrogate (which UTF-8 cannot carry), so every string comes back
/// exactly.
/// </summary>
internal sealed partial class CheckpointWriter
{
    /// <summary>Repeated strings beyond this many are written as text: free-text fields cannot grow the table without end.</summary>
    public const int MaxTableSize = 1 << 16;

    public const ulong NullTag = 0;
    public const ulong OwnerTag = 1;
    public const ulong TextTag = 2;
    public const ulong TableTextTag = 3;
    public const ulong FirstTableTag = 4;

    private readonly Dictionary<string, int> _table = new(StringComparer.Ordinal);

    /// <summary>The id of the contact, agent or ticket whose events are being written (a string equal to it costs one byte).</summary>
    public string? Owner { get; set; }

    /// <summary>A string that may repeat often (queue, channel, agent, team): numbered on first use.</summary>
    public void WriteName(string? value)
    {
        if (WroteNullOrOwner(value))
        {
            return;
        }

        if (_table.TryGetValue(value, out var index))
        {
            WriteVarUInt64(FirstTableTag + (ulong)index);
            return;
        }

        if (_table.Count < MaxTableSize)
        {
            _table.Add(value, _table.Count);
            WriteVarUInt64(TableTextTag);
        }
        else
        {
            WriteVarUInt64(TextTag);
        }

        WriteText(value);
    }

    /// <summary>A string that rarely repeats (event, contact and customer ids): written as text unless it is the owner.</summary>
    public void WriteId(string? value)
    {
        if (WroteNullOrOwner(value))
        {
            return;
        }

        WriteVarUInt64(TextTag);
        WriteText(value);
    }

    private bool WroteNullOrOwner([NotNullWhen(false)] string? value)
    {
        if (value is null || (Owner is { } owner && string.Equals(value, owner, StringComparison.Ordinal)))
        {
            WriteVarUInt64(value is null ? NullTag : OwnerTag);
            return true;
        }

        return false;
    }

    // A length tag ((byte count << 1) | 1 for UTF-16), then the bytes. The text is encoded after room for the
    // longest tag and moved back once the tag's length is known.
    private void WriteText(string value)
    {
        var longest = (value.Length * 3) + MaxVarintBytes;
        if (longest > BufferSize)
        {
            WriteLongText(value);
            return;
        }

        Reserve(longest);
        var body = _buffer.AsSpan(_position + MaxVarintBytes);
        var length = Encode(value, body, out var tag);
        var tagLength = EncodeVarint(_buffer.AsSpan(_position), tag);
        body[..length].CopyTo(_buffer.AsSpan(_position + tagLength));
        _position += tagLength + length;
    }

    private void WriteLongText(string value)
    {
        var bytes = new byte[value.Length * 3];
        var length = Encode(value, bytes, out var tag);
        WriteVarUInt64(tag);
        WriteRaw(bytes.AsSpan(0, length));
    }

    // UTF-8, or UTF-16 code units when the string holds an unpaired surrogate; the tag says which and how long.
    private static int Encode(string value, Span<byte> into, out ulong tag)
    {
        if (Utf8.FromUtf16(value, into, out _, out var length, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            tag = (ulong)length << 1;
            return length;
        }

        length = EncodeUtf16(value, into);
        tag = ((ulong)length << 1) | 1;
        return length;
    }

    private static int EncodeUtf16(string value, Span<byte> into)
    {
        for (var i = 0; i < value.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(into[(2 * i)..], value[i]);
        }

        return value.Length * 2;
    }
}
