using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Tests.Checkpoints;

public class CheckpointWriterTests
{
    [Fact]
    public void ReadLongs_MoreThanTheBufferHolds_GivesThemBack()
    {
        var values = Enumerable.Range(0, 300_000).Select(i => ((long)i * 7_919) - 1_000_000_000).ToArray();

        using var reader = Reader(writer =>
        {
            writer.WriteByte(42);
            writer.WriteLongs(values);
        });

        Assert.Equal(42, reader.ReadByte());
        Assert.Equal(values, reader.ReadLongs());
    }

    [Fact]
    public void ReadLongs_IntoSpanOfAnotherLength_ThrowsInvalidData()
    {
        using var reader = Reader(writer => writer.WriteLongs([1, 2, 3]));

        Assert.Throws<InvalidDataException>(() => reader.ReadLongs(new long[4]));
    }

    [Fact]
    public void ReadSparseLongs_ZerosExtremesAndMoreThanOneMask_GivesThemBack()
    {
        var values = new long[130];
        values[0] = long.MinValue;
        values[5] = -1;
        values[63] = long.MaxValue;
        values[64] = 12;
        values[129] = -300;
        var read = new long[130];
        Array.Fill(read, 99);

        using var reader = Reader(writer => writer.WriteSparseLongs(values));
        reader.ReadSparseLongs(read);

        Assert.Equal(values, read);
    }

    [Fact]
    public void WriteSparseLongs_PaneWithTwoCounters_TakesAMaskAndTwoSmallNumbers()
    {
        var pane = new long[54];
        pane[3] = 1;
        pane[40] = -2;

        var bytes = Bytes(writer => writer.WriteSparseLongs(pane));

        // Mask (bits 3 and 40: six 7-bit groups), then 1 and -2 as one-byte zigzag varints.
        Assert.Equal(6 + 1 + 1, bytes.Length);
    }

    [Fact]
    public void ReadDigests_ManyDigests_GivesThemBack()
    {
        var digests = Enumerable.Range(0, 100_000).Select(i => new UInt128((ulong)i * 31, ~(ulong)i)).ToArray();

        using var reader = Reader(writer => writer.WriteDigests(digests));

        Assert.Equal(digests, reader.ReadDigests());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    [InlineData(1_700_000_000_000L)]
    public void ReadVarInt64_AnyValue_GivesItBack(long value)
    {
        using var reader = Reader(writer => writer.WriteVarInt64(value));

        Assert.Equal(value, reader.ReadVarInt64());
    }

    [Fact]
    public void ReadCount_BeyondInt32_ThrowsInvalidData()
    {
        using var reader = Reader(writer => writer.WriteVarUInt64((ulong)int.MaxValue + 1));

        Assert.Throws<InvalidDataException>(() => reader.ReadCount());
    }

    [Fact]
    public void ReadString_TableEntryNeverWritten_ThrowsInvalidData()
    {
        using var reader = Reader(writer => writer.WriteVarUInt64(CheckpointWriter.FirstTableTag + 3));

        Assert.Throws<InvalidDataException>(() => reader.ReadString());
    }

    [Fact]
    public void ReadString_NamesIdsAndOwner_GiveThemBackAndShareRepeatedNames()
    {
        using var reader = Reader(writer =>
        {
            writer.WriteName("sales");
            writer.WriteId("c-1");
            writer.WriteName("sales");
            writer.Owner = "c-1";
            writer.WriteId("c-1");
            writer.WriteName(null);
        });

        var first = reader.ReadString();
        Assert.Equal("c-1", reader.ReadString());
        var second = reader.ReadString();
        reader.Owner = "c-1";
        Assert.Equal("c-1", reader.ReadString());
        Assert.Null(reader.ReadString());

        Assert.Equal("sales", first);
        Assert.Same(first, second);
    }

    private static byte[] Bytes(Action<CheckpointWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new CheckpointWriter(stream))
        {
            write(writer);
            writer.Flush();
        }

        return stream.ToArray();
    }

    private static CheckpointReader Reader(Action<CheckpointWriter> write) => new(new MemoryStream(Bytes(write)));
}
