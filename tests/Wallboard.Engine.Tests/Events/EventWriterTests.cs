using System.Text;
using System.Text.Json;
using CsCheck;
using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Events;

public class EventWriterTests
{
    private static readonly TimeSpan PlusOne = TimeSpan.FromHours(1);

    // 10:15:02.250 at +01:00: an offset other than Z and a non-zero millisecond, both of which must survive.
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 15, 2, 250, PlusOne);

    private static readonly DateTimeOffset AtUtc = new(2026, 11, 23, 10, 15, 2, TimeSpan.Zero);

    // A representative event of every type: "full" has every optional field set, "minimal" none.
    internal static readonly Dictionary<string, WallboardEvent> Cases = new()
    {
        ["queued full"] = new ContactQueued("e-1", At, "c-42", "sales", "voice", "cust-7"),
        ["queued minimal"] = new ContactQueued("e-2", AtUtc, "c-42", "sales", "voice", null),
        ["answered"] = new ContactAnswered("e-3", At, "c-42", "a-9"),
        ["abandoned"] = new ContactAbandoned("e-4", At, "c-42"),
        ["transferred full"] = new ContactTransferred("e-5", At, "c-42", "retention", true),
        ["transferred minimal"] = new ContactTransferred("e-6", AtUtc, "c-42", null, false),
        ["completed full"] = new ContactCompleted(
            "e-7", At, "c-42", "a-9", 312.5, 20, 0.125, true, new ContactOutcome(true, false, true, true)),
        ["completed unresolved"] = new ContactCompleted(
            "e-8", At, "c-42", "a-9", 1, 2, 3, false, new ContactOutcome(false, false, false, true)),
        ["completed minimal"] = new ContactCompleted("e-9", AtUtc, "c-42", "a-9", 0, 0, 0, null, ContactOutcome.None),
        ["agent full"] = new AgentStateChanged("e-10", At, "a-9", AgentState.Away, ["sales", "support"], "team-1", "Ada", "lunch"),
        ["agent no queues"] = new AgentStateChanged("e-11", At, "a-9", AgentState.Wrapup, [], null, null, null),
        ["agent minimal"] = new AgentStateChanged("e-12", AtUtc, "a-9", AgentState.Available, null, null, null, null),
        ["ticket created full"] = new TicketCreated("e-13", At, "t-1", "email", "billing", "high", "refund", "cust-7"),
        ["ticket created minimal"] = new TicketCreated("e-14", AtUtc, "t-1", "email", null, null, null, null),
        ["ticket message full"] = new TicketMessagePosted("e-15", At, "t-1", MessageAuthor.Agent, "a-9"),
        ["ticket message minimal"] = new TicketMessagePosted("e-16", AtUtc, "t-1", MessageAuthor.Bot, null),
        ["ticket escalated full"] = new TicketEscalated("e-17", At, "t-1", "2"),
        ["ticket escalated minimal"] = new TicketEscalated("e-18", AtUtc, "t-1", null),
        ["ticket resolved full"] = new TicketResolved("e-19", At, "t-1", "a-9"),
        ["ticket resolved minimal"] = new TicketResolved("e-20", AtUtc, "t-1", null),
        ["ticket reopened"] = new TicketReopened("e-21", At, "t-1"),
        ["survey full"] = new SurveyResponded("e-22", At, SurveyKind.Nps, 9, "c-42", "t-1", "a-9", "sales", "voice"),
        ["survey minimal"] = new SurveyResponded("e-23", AtUtc, SurveyKind.Ces, 6.5, null, null, null, null, null),
        ["sentiment full"] = new SentimentScored("e-24", At, 72.25, "c-42", "t-1", "sales", "chat"),
        ["sentiment minimal"] = new SentimentScored("e-25", AtUtc, 0, null, null, null, null),
        ["selfservice resolved"] = new SelfServiceSessionEnded("e-26", At, "s-1", "web", true),
        ["selfservice unresolved"] = new SelfServiceSessionEnded("e-27", AtUtc, "s-1", "web", false),
        ["metric full"] = new MetricRecorded("e-28", At, "churnRate", -1.5, "%", "queue:sales"),
        ["metric minimal"] = new MetricRecorded("e-29", AtUtc, "mrr", 125000, null, null),
    };

    public static TheoryData<string> CaseNames { get; } = [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ToUtf8Json_RepresentativeEvent_ParsesBackToSameEvent(string name)
    {
        var evt = Cases[name];

        var utf8 = EventWriter.ToUtf8Json(evt);

        AssertSameEvent(evt, Parse(utf8));
        Assert.Equal(EventWriter.ToJson(evt), Encoding.UTF8.GetString(utf8));
    }

    [Fact]
    public void ToUtf8Json_RepresentativeEvents_CoverEveryEventTypeWithAndWithoutOptionals()
    {
        var covered = Cases.Values.Select(evt => evt.Type).ToHashSet();

        Assert.Equal(Enum.GetValues<EventType>().ToHashSet(), covered);
        Assert.Contains(Cases.Values, evt => evt.Timestamp.Offset == TimeSpan.Zero);
        Assert.Contains(Cases.Values, evt => evt.Timestamp.Offset == PlusOne);
    }

    [Fact]
    public void ToJson_ContactQueuedWithoutCustomer_WritesContractFieldsInOrder()
    {
        var json = EventWriter.ToJson(Cases["queued minimal"]);

        Assert.Equal(
            """{"id":"e-2","type":"contact.queued","ts":"2026-11-23T10:15:02Z","contactId":"c-42","queue":"sales","channel":"voice"}""",
            json);
    }

    [Fact]
    public void ToJson_ContactCompletedWithEverything_WritesNumbersResolvedAndOutcome()
    {
        var evt = new ContactCompleted("e-7", At, "c-42", "a-9", 12, 12.5, 0, true, new ContactOutcome(true, false, false, false));

        var json = EventWriter.ToJson(evt);

        Assert.Equal(
            """{"id":"e-7","type":"contact.completed","ts":"2026-11-23T10:15:02.250+01:00","contactId":"c-42","agentId":"a-9","talkSeconds":"""
            + """12,"holdSeconds":12.5,"wrapSeconds":0,"resolved":true,"outcome":"""
            + """{"upsellOffered":true,"upsellAccepted":false,"cancellationRequested":false,"saved":false}}""",
            json);
    }

    [Fact]
    public void ToJson_ContactCompletedWithoutResolvedOrOutcome_OmitsBoth()
    {
        var json = EventWriter.ToJson(Cases["completed minimal"]);

        Assert.Equal(
            """{"id":"e-9","type":"contact.completed","ts":"2026-11-23T10:15:02Z","contactId":"c-42","agentId":"a-9","talkSeconds":"""
            + """0,"holdSeconds":0,"wrapSeconds":0}""",
            json);
    }

    [Fact]
    public void ToJson_ContactTransferredWithoutEscalation_WritesEscalationFalse()
    {
        var json = EventWriter.ToJson(Cases["transferred minimal"]);

        Assert.Equal(
            """{"id":"e-6","type":"contact.transferred","ts":"2026-11-23T10:15:02Z","contactId":"c-42","escalation":false}""",
            json);
    }

    [Fact]
    public void ToJson_AgentStateWithEmptyQueues_WritesEmptyArray()
    {
        var json = EventWriter.ToJson(Cases["agent no queues"]);

        Assert.Equal(
            """{"id":"e-11","type":"agent.state","ts":"2026-11-23T10:15:02.250+01:00","agentId":"a-9","state":"wrapup","queues":[]}""",
            json);
    }

    [Theory]
    [InlineData(0L, 0, "2026-11-23T10:15:02Z")]
    [InlineData(2_500_000L, 60, "2026-11-23T10:15:02.250+01:00")]
    [InlineData(10_000L, 345, "2026-11-23T10:15:02.001+05:45")]
    [InlineData(9_990_000L, 840, "2026-11-23T10:15:02.999+14:00")]
    [InlineData(1_234_567L, -300, "2026-11-23T10:15:02.1234567-05:00")]
    [InlineData(1L, -840, "2026-11-23T10:15:02.0000001-14:00")]
    [InlineData(2_500_001L, -570, "2026-11-23T10:15:02.2500001-09:30")]
    public void ToJson_Timestamp_WritesRfc3339WithOriginalOffsetAndExactFraction(long subSecondTicks, int offsetMinutes, string expectedTs)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var timestamp = new DateTimeOffset(new DateTime(2026, 11, 23, 10, 15, 2).AddTicks(subSecondTicks), offset);
        var evt = new ContactAbandoned("e-1", timestamp, "c-1");

        var json = EventWriter.ToJson(evt);

        Assert.Equal($$"""{"id":"e-1","type":"contact.abandoned","ts":"{{expectedTs}}","contactId":"c-1"}""", json);
        AssertSameEvent(evt, Parse(json));
    }

    [Fact]
    public void ToJson_YearBelowOneThousand_PadsToFourDigits()
    {
        var evt = new ContactAbandoned("e-1", new DateTimeOffset(987, 6, 5, 4, 3, 2, TimeSpan.Zero), "c-1");

        var json = EventWriter.ToJson(evt);

        Assert.Equal("""{"id":"e-1","type":"contact.abandoned","ts":"0987-06-05T04:03:02Z","contactId":"c-1"}""", json);
        AssertSameEvent(evt, Parse(json));
    }

    [Fact]
    public void ToJson_StringsWithQuotesAndUnicode_EscapesToAsciiAndRoundTrips()
    {
        var evt = new ContactAbandoned("q\"\\é", AtUtc, "😀<\n");

        var json = EventWriter.ToJson(evt);

        Assert.Equal(
            """{"id":"q\u0022\\\u00E9","type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"\uD83D\uDE00\u003C\n"}""",
            json);
        AssertSameEvent(evt, Parse(json));
    }

    [Fact]
    public void ToJson_UnpairedSurrogate_WritesReplacementCharacter()
    {
        var evt = new ContactAbandoned("e-1", AtUtc, "c\uD800");

        var json = EventWriter.ToJson(evt);

        Assert.Equal("""{"id":"e-1","type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c\uFFFD"}""", json);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ToJson_NonFiniteNumber_ThrowsArgumentException(double value)
    {
        var evt = new MetricRecorded("e-1", AtUtc, "mrr", value, null, null);

        Assert.Throws<ArgumentException>(() => EventWriter.ToJson(evt));
    }

    [Fact]
    public void Write_NullArguments_ThrowArgumentNullException()
    {
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);

        Assert.Throws<ArgumentNullException>("writer", () => EventWriter.Write(null!, Cases["answered"]));
        Assert.Throws<ArgumentNullException>("evt", () => EventWriter.Write(writer, null!));
        Assert.Throws<ArgumentNullException>("events", () => EventWriter.ToJsonArray(null!));
    }

    [Fact]
    public void Write_IntoIndentedCallerWriter_WritesOneParsableObject()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            EventWriter.Write(writer, Cases["agent full"]);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains('\n', text);
        AssertSameEvent(Cases["agent full"], Parse(stream.ToArray()));
    }

    [Fact]
    public void ToJsonArray_NoEvents_WritesEmptyArray()
    {
        Assert.Equal("[]", EventWriter.ToJsonArray([]));
    }

    [Fact]
    public void ToJsonArray_RepresentativeEvents_ParsesBackInOrder()
    {
        var events = Cases.Values.ToList();

        var json = EventWriter.ToJsonArray(events);

        AssertArrayRoundTrips(events, json);
        Assert.Equal("[" + string.Join(",", events.Select(EventWriter.ToJson)) + "]", json);
    }

    [Fact]
    public void ToUtf8Json_GeneratedEvents_ParseBackToSameEventAndSameText()
    {
        EventGen.Any.Sample(
            evt =>
            {
                var utf8 = EventWriter.ToUtf8Json(evt);
                var parsed = Parse(utf8);

                AssertSameEvent(evt, parsed);
                Assert.Equal(utf8, EventWriter.ToUtf8Json(parsed));
            },
            iter: 300);
    }

    [Fact]
    public void ToJsonArray_GeneratedEvents_ParseBackInOrder()
    {
        EventGen.Any.Array[0, 8].Sample(events => AssertArrayRoundTrips(events, EventWriter.ToJsonArray(events)), iter: 100);
    }

    private static WallboardEvent Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    private static WallboardEvent Parse(byte[] utf8)
    {
        var result = EventParser.Parse(utf8);
        Assert.True(result.IsValid, $"{result.Error} in {Encoding.UTF8.GetString(utf8)}");
        return result.Event;
    }

    private static void AssertArrayRoundTrips(IReadOnlyList<WallboardEvent> expected, string json)
    {
        using var document = JsonDocument.Parse(json);
        var elements = document.RootElement.EnumerateArray().ToList();

        Assert.Equal(expected.Count, elements.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var result = EventParser.Parse(elements[i]);
            Assert.True(result.IsValid, result.Error);
            AssertSameEvent(expected[i], result.Event);
        }
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

    internal static class EventGen
    {
        // Pieces that stress escaping: quotes, backslash, controls, HTML-sensitive characters, line/paragraph
        // separators, BOM, a decomposed accent (which must not be normalized), non-Latin scripts, astral-plane
        // characters (surrogate pairs) and a ZWJ sequence.
        private static readonly string[] Pieces =
        [
            "a", "Z", "7", "-", "_", " ", ".", ":", "\"", "'", "\\", "/", "<", ">", "&", "+",
            "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u0085", "\u00A0", "é", "e\u0301", "ß", "Ω", "中", "日本",
            "\u2028", "\uFEFF", "😀", "𝄞", "👩‍💻",
        ];

        // 128 characters is the longest name the contract allows; as emoji it is 256 UTF-16 units.
        private static readonly string LongestName = string.Concat(Enumerable.Repeat("😀", 128));

        private static readonly long MinUtcTicks = DateTimeOffset.MinValue.UtcTicks + TimeSpan.TicksPerDay;
        private static readonly long MaxUtcTicks = DateTimeOffset.MaxValue.UtcTicks - TimeSpan.TicksPerDay;

        private static readonly Gen<string> Name = Gen.Int[0, 19].SelectMany(
            roll => roll == 0 ? Gen.Const(LongestName) : Gen.OneOf(Pieces).Array[1, 12].Select(string.Concat));

        private static readonly Gen<string> Text = Gen.OneOf(Pieces).Array[0, 12].Select(string.Concat);

        private static readonly Gen<DateTimeOffset> Timestamp = Gen.Select(
            Gen.Long[MinUtcTicks, MaxUtcTicks],
            Gen.OneOf(Gen.Int[-14 * 60, 14 * 60], Gen.OneOf(0, 60, -300, 14 * 60, -14 * 60)),
            Gen.Int[0, 2],
            (utcTicks, offsetMinutes, precision) =>
            {
                var ticks = precision switch
                {
                    0 => utcTicks - (utcTicks % TimeSpan.TicksPerSecond),
                    1 => utcTicks - (utcTicks % TimeSpan.TicksPerMillisecond),
                    _ => utcTicks,
                };
                return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
            });

        private static readonly Gen<double> Seconds = Gen.OneOf(
            Gen.Int[0, 100_000].Select(seconds => (double)seconds),
            Gen.Double[0, 1e6],
            Gen.OneOf(0.1, 12.5, 1e-7, double.Epsilon, 1e300, double.MaxValue));

        private static readonly Gen<double> AnyNumber = Gen.OneOf(
            Gen.Int[-1_000_000, 1_000_000].Select(value => (double)value),
            Gen.Double[-1e9, 1e9],
            Gen.OneOf(-0.0, 1e-300, -double.Epsilon, double.MinValue, double.MaxValue));

        private static readonly Gen<bool?> OptionalBoolean = Gen.OneOf<bool?>(null, false, true);

        private static readonly Gen<ContactOutcome> Outcome =
            Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, (offered, accepted, cancellation, saved) =>
                new ContactOutcome(offered, accepted, cancellation, saved));

        private static readonly Gen<IReadOnlyList<string>?> Queues = Gen.Bool.SelectMany(
            present => present
                ? Name.List[0, 5].Select(queues => (IReadOnlyList<string>?)queues)
                : Gen.Const((IReadOnlyList<string>?)null));

        private static readonly Gen<(SurveyKind Survey, double Score)> Survey = Gen.Enum<SurveyKind>().SelectMany(survey =>
        {
            var (min, max) = survey switch
            {
                SurveyKind.Csat => (1, 5),
                SurveyKind.Nps => (0, 10),
                _ => (1, 7),
            };
            return Gen.OneOf(Gen.Int[min, max].Select(score => (double)score), Gen.Double[min, max])
                .Select(score => (survey, score));
        });

        public static Gen<WallboardEvent> Any { get; } = Gen.OneOf(
            Widen(Gen.Select(Name, Timestamp, Name, Name, Name, Optional(Name),
                (id, ts, contact, queue, channel, customer) => new ContactQueued(id, ts, contact, queue, channel, customer))),
            Widen(Gen.Select(Name, Timestamp, Name, Name, (id, ts, contact, agent) => new ContactAnswered(id, ts, contact, agent))),
            Widen(Gen.Select(Name, Timestamp, Name, (id, ts, contact) => new ContactAbandoned(id, ts, contact))),
            Widen(Gen.Select(Name, Timestamp, Name, Optional(Name), Gen.Bool,
                (id, ts, contact, toQueue, escalation) => new ContactTransferred(id, ts, contact, toQueue, escalation))),
            Widen(Gen.Select(Name, Timestamp, Name, Name, Seconds, Seconds, Seconds, OptionalBoolean, Outcome,
                (id, ts, contact, agent, talk, hold, wrap, resolved, outcome) =>
                    new ContactCompleted(id, ts, contact, agent, talk, hold, wrap, resolved, outcome))),
            Widen(Gen.Select(Name, Timestamp, Name, Gen.Enum<AgentState>(), Queues, Optional(Name), Optional(Name), Optional(Text),
                (id, ts, agent, state, queues, team, name, reason) =>
                    new AgentStateChanged(id, ts, agent, state, queues, team, name, reason))),
            Widen(Gen.Select(Name, Timestamp, Name, Name, Optional(Name), Optional(Text), Optional(Name), Optional(Name),
                (id, ts, ticket, channel, queue, priority, category, customer) =>
                    new TicketCreated(id, ts, ticket, channel, queue, priority, category, customer))),
            Widen(Gen.Select(Name, Timestamp, Name, Gen.Enum<MessageAuthor>(), Optional(Name),
                (id, ts, ticket, author, agent) => new TicketMessagePosted(id, ts, ticket, author, agent))),
            Widen(Gen.Select(Name, Timestamp, Name, Optional(Text), (id, ts, ticket, tier) => new TicketEscalated(id, ts, ticket, tier))),
            Widen(Gen.Select(Name, Timestamp, Name, Optional(Name), (id, ts, ticket, agent) => new TicketResolved(id, ts, ticket, agent))),
            Widen(Gen.Select(Name, Timestamp, Name, (id, ts, ticket) => new TicketReopened(id, ts, ticket))),
            Widen(Gen.Select(Name, Timestamp, Survey, Optional(Name), Optional(Name), Optional(Name), Optional(Name), Optional(Name),
                (id, ts, survey, contact, ticket, agent, queue, channel) =>
                    new SurveyResponded(id, ts, survey.Survey, survey.Score, contact, ticket, agent, queue, channel))),
            Widen(Gen.Select(Name, Timestamp, Gen.Double[0, 100], Optional(Name), Optional(Name), Optional(Name), Optional(Name),
                (id, ts, score, contact, ticket, queue, channel) => new SentimentScored(id, ts, score, contact, ticket, queue, channel))),
            Widen(Gen.Select(Name, Timestamp, Name, Name, Gen.Bool,
                (id, ts, session, channel, resolved) => new SelfServiceSessionEnded(id, ts, session, channel, resolved))),
            Widen(Gen.Select(Name, Timestamp, Name, AnyNumber, Optional(Text), Optional(Name),
                (id, ts, name, value, unit, scope) => new MetricRecorded(id, ts, name, value, unit, scope))));

        private static Gen<string?> Optional(Gen<string> gen) => Gen.Bool.SelectMany(
            present => present ? gen.Select(text => (string?)text) : Gen.Const((string?)null));

        private static Gen<WallboardEvent> Widen<T>(Gen<T> gen)
            where T : WallboardEvent => gen.Select(evt => (WallboardEvent)evt);
    }
}
