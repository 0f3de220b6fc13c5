using CsCheck;
using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Events;

public class CheckpointEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 15, 2, 250, TimeSpan.FromHours(1));

    private static readonly DateTimeOffset AtUtc = new(2026, 11, 23, 10, 15, 2, TimeSpan.Zero);

    public static TheoryData<string> CaseNames { get; } = [.. EventWriterTests.Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Read_RepresentativeEventWritten_GivesTheSameEvent(string name)
    {
        var evt = EventWriterTests.Cases[name];

        var read = RoundTrip([evt]).Single();

        AssertSameEvent(evt, read);
        Assert.Equal(EventWriter.ToJson(evt), EventWriter.ToJson(read));
    }

    [Fact]
    public void Read_RepresentativeEvents_CoverEveryEventType()
    {
        Assert.Equal(Enum.GetValues<EventType>().ToHashSet(), EventWriterTests.Cases.Values.Select(evt => evt.Type).ToHashSet());
    }

    [Fact]
    public void Read_GeneratedEventsInOneStream_GiveTheSameEventsInOrder()
    {
        EventWriterTests.EventGen.Any.Array[1, 40].Sample(
            events =>
            {
                var read = RoundTrip(events);

                Assert.Equal(events.Length, read.Count);
                for (var i = 0; i < events.Length; i++)
                {
                    AssertSameEvent(events[i], read[i]);
                    Assert.Equal(EventWriter.ToJson(events[i]), EventWriter.ToJson(read[i]));
                }
            },
            iter: 300);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.0)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(0.1)]
    [InlineData(1e15)]
    [InlineData(-123.456)]
    [InlineData(7.0000001)]
    public void Read_MetricWithAnyNumber_GivesTheSameBits(double value)
    {
        var metric = new MetricRecorded("e-1", At, "mrr", value, null, null);

        var read = (MetricRecorded)RoundTrip([metric]).Single();

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(read.Value));
    }

    [Fact]
    public void Read_StringsWithUnpairedSurrogates_GivesTheSameStrings()
    {
        var evt = new ContactQueued("e\uD800", At, "c\uDC00x", "q\uD83D", "\uDE00voice", "😀\uD800😀");

        var read = (ContactQueued)RoundTrip([evt]).Single();

        Assert.Equal(evt, read);
    }

    [Fact]
    public void Read_TimestampsAtTheEndsOfTheRange_GivesTheSameInstantsAndOffsets()
    {
        DateTimeOffset[] timestamps =
        [
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
            new DateTimeOffset(1, 1, 1, 14, 0, 0, TimeSpan.FromHours(14)),
            new DateTimeOffset(9999, 12, 31, 9, 59, 59, TimeSpan.FromHours(-14)).AddTicks(9_999_999),
            new DateTimeOffset(2026, 11, 23, 10, 15, 2, TimeSpan.FromMinutes(345)).AddTicks(1),
            new DateTimeOffset(2026, 11, 23, 10, 15, 2, TimeSpan.FromMinutes(-570)),
        ];
        var events = timestamps.Select((ts, i) => (WallboardEvent)new ContactAbandoned("e" + i, ts, "c")).ToArray();

        var read = RoundTrip(events);

        Assert.Equal(timestamps.Select(ts => (ts.UtcTicks, ts.Offset)), read.Select(evt => (evt.Timestamp.UtcTicks, evt.Timestamp.Offset)));
    }

    [Fact]
    public void Read_AgentStateWithEmptyOrAbsentQueues_KeepsThemApart()
    {
        var empty = new AgentStateChanged("e-1", At, "a-1", AgentState.Away, [], null, null, null);
        var absent = new AgentStateChanged("e-2", At, "a-1", AgentState.Away, null, null, null, null);

        var read = RoundTrip([empty, absent]).Cast<AgentStateChanged>().ToList();

        Assert.NotNull(read[0].Queues);
        Assert.Empty(read[0].Queues!);
        Assert.Null(read[1].Queues);
    }

    [Fact]
    public void Write_RepeatedNamesAndOwnerIds_TakeFewBytesAfterTheFirst()
    {
        var first = new ContactAnswered("e-1", AtUtc, "contact-with-a-long-id", "agent-with-a-long-id");
        var again = new ContactAnswered("e-2", AtUtc, "contact-with-a-long-id", "agent-with-a-long-id");

        var oneEvent = Encode([first], owner: "contact-with-a-long-id").Length;
        var twoEvents = Encode([first, again], owner: "contact-with-a-long-id").Length;

        // Type, id (tag, length, 3 bytes), timestamp delta 0, contact as owner, agent as table entry 0.
        Assert.Equal(1 + 5 + 1 + 1 + 1, twoEvents - oneEvent);
        Assert.Equal(new WallboardEvent[] { first, again }, RoundTrip([first, again], owner: "contact-with-a-long-id"));
    }

    [Fact]
    public void Read_MoreDistinctNamesThanTheTableHolds_GivesThemAllBack()
    {
        var events = Enumerable.Range(0, CheckpointWriter.MaxTableSize + 10)
            .Select(i => (WallboardEvent)new ContactAnswered("e" + i, At, "c", "agent-" + (i % (CheckpointWriter.MaxTableSize + 5))))
            .ToArray();

        var read = RoundTrip(events);

        Assert.Equal(events, read);
    }

    [Fact]
    public void Read_StringLongerThanTheBuffer_GivesItBack()
    {
        var reason = string.Concat(Enumerable.Repeat("é😀x", 200_000));
        var evt = new AgentStateChanged("e-1", At, "a-1", AgentState.Away, null, null, null, reason);

        var read = (AgentStateChanged)RoundTrip([evt, evt with { Id = "e-2" }])[1];

        Assert.Equal(reason, read.Reason);
    }

    [Fact]
    public void Read_CutShort_ThrowsEndOfStream()
    {
        var bytes = Encode([EventWriterTests.Cases["completed full"]], owner: null);

        using var reader = new CheckpointReader(new MemoryStream(bytes, 0, bytes.Length - 1));

        Assert.Throws<EndOfStreamException>(() => CheckpointEvents.Read(reader));
    }

    [Fact]
    public void Read_UnknownType_ThrowsInvalidData()
    {
        // Type 200, id "a", the same instant as the previous event (none).
        using var reader = new CheckpointReader(new MemoryStream([200, 2, 2, (byte)'a', 0]));

        Assert.Throws<InvalidDataException>(() => CheckpointEvents.Read(reader));
    }

    private static byte[] Encode(IEnumerable<WallboardEvent> events, string? owner)
    {
        using var stream = new MemoryStream();
        using (var writer = new CheckpointWriter(stream) { Owner = owner })
        {
            foreach (var evt in events)
            {
                CheckpointEvents.Write(writer, evt);
            }

            writer.Flush();
        }

        return stream.ToArray();
    }

    private static List<WallboardEvent> RoundTrip(IReadOnlyCollection<WallboardEvent> events, string? owner = null)
    {
        using var reader = new CheckpointReader(new MemoryStream(Encode(events, owner))) { Owner = owner };
        var read = events.Select(_ => CheckpointEvents.Read(reader)).ToList();
        Assert.Throws<EndOfStreamException>(() => reader.ReadByte());
        return read;
    }

    // Record equality compares DateTimeOffset by instant only and lists by reference, so the offset and the
    // queues are compared separately.
    private static void AssertSameEvent(WallboardEvent expected, WallboardEvent actual)
    {
        Assert.Equal(expected.Timestamp.UtcTicks, actual.Timestamp.UtcTicks);
        Assert.Equal(expected.Timestamp.Offset, actual.Timestamp.Offset);
        if (expected is AgentStateChanged expectedAgent && actual is AgentStateChanged actualAgent)
        {
            Assert.Equal(expectedAgent.Queues, actualAgent.Queues);
            actual = actualAgent with { Queues = expectedAgent.Queues };
        }

        Assert.Equal(expected, actual);
    }
}
