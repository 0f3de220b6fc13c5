using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Events;

public class EventParserTests
{
    private const string Ts = "2026-11-23T10:15:02Z";

    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 15, 2, TimeSpan.Zero);

    [Fact]
    public void Parse_ContactQueued_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-1","type":"contact.queued","ts":"2026-11-23T10:15:02Z",
             "contactId":"c-42","queue":"sales","channel":"voice","customerId":"cust-7"}
            """);

        Assert.True(result.IsValid);
        Assert.Null(result.Error);
        Assert.Equal("evt-1", result.Id);
        Assert.Equal(new ContactQueued("evt-1", At, "c-42", "sales", "voice", "cust-7"), result.Event);
    }

    [Fact]
    public void Parse_ContactAnswered_ReturnsRecord()
    {
        var result = Parse("""{"id":"evt-2","type":"contact.answered","ts":"2026-11-23T10:15:02Z","contactId":"c-42","agentId":"a-9"}""");

        Assert.Equal(new ContactAnswered("evt-2", At, "c-42", "a-9"), result.Event);
    }

    [Fact]
    public void Parse_ContactAbandoned_ReturnsRecord()
    {
        var result = Parse("""{"id":"evt-3","type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c-42"}""");

        Assert.Equal(new ContactAbandoned("evt-3", At, "c-42"), result.Event);
    }

    [Fact]
    public void Parse_ContactTransferred_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-4","type":"contact.transferred","ts":"2026-11-23T10:15:02Z",
             "contactId":"c-42","toQueue":"retention","escalation":true}
            """);

        Assert.Equal(new ContactTransferred("evt-4", At, "c-42", "retention", true), result.Event);
    }

    [Fact]
    public void Parse_ContactTransferredWithoutOptionals_DefaultsEscalationToFalse()
    {
        var result = Parse("""{"id":"evt-4","type":"contact.transferred","ts":"2026-11-23T10:15:02Z","contactId":"c-42"}""");

        Assert.Equal(new ContactTransferred("evt-4", At, "c-42", null, false), result.Event);
    }

    [Fact]
    public void Parse_ContactCompleted_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-5","type":"contact.completed","ts":"2026-11-23T10:15:02Z",
             "contactId":"c-42","agentId":"a-9","talkSeconds":312.5,"holdSeconds":20,"wrapSeconds":0,
             "resolved":true,
             "outcome":{"upsellOffered":true,"upsellAccepted":false,"cancellationRequested":true,"saved":true}}
            """);

        var expected = new ContactCompleted(
            "evt-5", At, "c-42", "a-9", 312.5, 20, 0, true, new ContactOutcome(true, false, true, true));
        Assert.Equal(expected, result.Event);
    }

    [Fact]
    public void Parse_ContactCompletedWithPartialOutcome_DefaultsMissingFlagsToFalse()
    {
        var result = Parse("""
            {"id":"evt-5","type":"contact.completed","ts":"2026-11-23T10:15:02Z",
             "contactId":"c-42","agentId":"a-9","talkSeconds":1,"holdSeconds":2,"wrapSeconds":3,
             "outcome":{"upsellOffered":true,"saved":null}}
            """);

        var expected = new ContactCompleted(
            "evt-5", At, "c-42", "a-9", 1, 2, 3, null, new ContactOutcome(true, false, false, false));
        Assert.Equal(expected, result.Event);
    }

    [Fact]
    public void Parse_AgentState_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-6","type":"agent.state","ts":"2026-11-23T10:15:02Z",
             "agentId":"a-9","state":"away","queues":["sales","support"],"team":"blue","name":"Ada L.","reason":"training"}
            """);

        var evt = Assert.IsType<AgentStateChanged>(result.Event);
        Assert.Equal("evt-6", evt.Id);
        Assert.Equal(At, evt.Timestamp);
        Assert.Equal("a-9", evt.AgentId);
        Assert.Equal(AgentState.Away, evt.State);
        Assert.Equal(["sales", "support"], evt.Queues);
        Assert.Equal("blue", evt.Team);
        Assert.Equal("Ada L.", evt.Name);
        Assert.Equal("training", evt.Reason);
        Assert.Equal(EventType.AgentState, evt.Type);
    }

    [Theory]
    [InlineData("available", AgentState.Available)]
    [InlineData("busy", AgentState.Busy)]
    [InlineData("wrapup", AgentState.Wrapup)]
    [InlineData("away", AgentState.Away)]
    [InlineData("offline", AgentState.Offline)]
    public void Parse_AgentStateNames_MapToEnum(string wireName, AgentState expected)
    {
        var result = Parse(Event("agent.state", $$"""{"agentId":"a-9","state":"{{wireName}}"}"""));

        Assert.Equal(new AgentStateChanged("evt-1", At, "a-9", expected, null, null, null, null), result.Event);
    }

    [Fact]
    public void Parse_AgentStateWithEmptyQueues_ReturnsEmptyList()
    {
        var result = Parse(Event("agent.state", """{"agentId":"a-9","state":"available","queues":[]}"""));

        var evt = Assert.IsType<AgentStateChanged>(result.Event);
        Assert.NotNull(evt.Queues);
        Assert.Empty(evt.Queues);
    }

    [Fact]
    public void Parse_TicketCreated_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-7","type":"ticket.created","ts":"2026-11-23T10:15:02Z",
             "ticketId":"t-100","channel":"email","queue":"billing","priority":"high","category":"refund","customerId":"cust-7"}
            """);

        Assert.Equal(new TicketCreated("evt-7", At, "t-100", "email", "billing", "high", "refund", "cust-7"), result.Event);
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2.0", "2")]
    [InlineData("2.5", "2.5")]
    [InlineData("-1", "-1")]
    [InlineData("1e2", "100")]
    [InlineData("\"P1\"", "P1")]
    [InlineData("\"\"", "")]
    public void Parse_TicketPriorityStringOrNumber_StoresInvariantString(string json, string expected)
    {
        var result = Parse(Event("ticket.created", $$"""{"ticketId":"t-100","channel":"email","priority":{{json}}}"""));

        var evt = Assert.IsType<TicketCreated>(result.Event);
        Assert.Equal(expected, evt.Priority);
    }

    [Theory]
    [InlineData("customer", MessageAuthor.Customer, null)]
    [InlineData("agent", MessageAuthor.Agent, "a-9")]
    [InlineData("bot", MessageAuthor.Bot, null)]
    public void Parse_TicketMessage_ReturnsRecord(string author, MessageAuthor expected, string? agentId)
    {
        var agentField = agentId is null ? string.Empty : $$""","agentId":"{{agentId}}" """;
        var result = Parse(Event("ticket.message", $$"""{"ticketId":"t-100","author":"{{author}}"{{agentField}}}"""));

        Assert.Equal(new TicketMessagePosted("evt-1", At, "t-100", expected, agentId), result.Event);
    }

    [Theory]
    [InlineData("\"tier-2\"", "tier-2")]
    [InlineData("3", "3")]
    [InlineData("null", null)]
    public void Parse_TicketEscalated_ReturnsRecord(string tier, string? expected)
    {
        var result = Parse(Event("ticket.escalated", $$"""{"ticketId":"t-100","tier":{{tier}}}"""));

        Assert.Equal(new TicketEscalated("evt-1", At, "t-100", expected), result.Event);
    }

    [Fact]
    public void Parse_TicketResolved_ReturnsRecord()
    {
        var result = Parse(Event("ticket.resolved", """{"ticketId":"t-100","agentId":"a-9"}"""));

        Assert.Equal(new TicketResolved("evt-1", At, "t-100", "a-9"), result.Event);
    }

    [Fact]
    public void Parse_TicketReopened_ReturnsRecord()
    {
        var result = Parse(Event("ticket.reopened", """{"ticketId":"t-100"}"""));

        Assert.Equal(new TicketReopened("evt-1", At, "t-100"), result.Event);
    }

    [Fact]
    public void Parse_SurveyResponded_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-8","type":"survey.responded","ts":"2026-11-23T10:15:02Z",
             "survey":"nps","score":9,"contactId":"c-42","ticketId":"t-100","agentId":"a-9","queue":"sales","channel":"voice"}
            """);

        Assert.Equal(new SurveyResponded("evt-8", At, SurveyKind.Nps, 9, "c-42", "t-100", "a-9", "sales", "voice"), result.Event);
    }

    [Theory]
    [InlineData("csat", SurveyKind.Csat, 1)]
    [InlineData("csat", SurveyKind.Csat, 5)]
    [InlineData("nps", SurveyKind.Nps, 0)]
    [InlineData("nps", SurveyKind.Nps, 10)]
    [InlineData("ces", SurveyKind.Ces, 1)]
    [InlineData("ces", SurveyKind.Ces, 7)]
    [InlineData("csat", SurveyKind.Csat, 4.5)]
    public void Parse_SurveyScoreOnScaleBoundary_Accepts(string survey, SurveyKind kind, double score)
    {
        var json = Event("survey.responded", $$"""{"survey":"{{survey}}","score":{{Format(score)}}}""");

        var result = Parse(json);

        Assert.Equal(new SurveyResponded("evt-1", At, kind, score, null, null, null, null, null), result.Event);
    }

    [Fact]
    public void Parse_SentimentScored_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-9","type":"sentiment.scored","ts":"2026-11-23T10:15:02Z",
             "score":73.25,"ticketId":"t-100","queue":"billing","channel":"chat"}
            """);

        Assert.Equal(new SentimentScored("evt-9", At, 73.25, null, "t-100", "billing", "chat"), result.Event);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Parse_SentimentScoreOnBoundary_Accepts(double score)
    {
        var result = Parse(Event("sentiment.scored", $$"""{"score":{{Format(score)}}}"""));

        Assert.Equal(new SentimentScored("evt-1", At, score, null, null, null, null), result.Event);
    }

    [Fact]
    public void Parse_SelfServiceSession_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-10","type":"selfservice.session","ts":"2026-11-23T10:15:02Z","sessionId":"s-1","channel":"web","resolved":false}
            """);

        Assert.Equal(new SelfServiceSessionEnded("evt-10", At, "s-1", "web", false), result.Event);
    }

    [Fact]
    public void Parse_MetricRecorded_ReturnsRecord()
    {
        var result = Parse("""
            {"id":"evt-11","type":"metric.recorded","ts":"2026-11-23T10:15:02Z",
             "name":"churn_rate","value":-0.0125,"unit":"%","scope":"queue:sales"}
            """);

        Assert.Equal(new MetricRecorded("evt-11", At, "churn_rate", -0.0125, "%", "queue:sales"), result.Event);
    }

    [Fact]
    public void Parse_EveryWireType_ProducesEventOfThatType()
    {
        var samples = new Dictionary<string, string>
        {
            ["contact.queued"] = """{"contactId":"c","queue":"q","channel":"voice"}""",
            ["contact.answered"] = """{"contactId":"c","agentId":"a"}""",
            ["contact.abandoned"] = """{"contactId":"c"}""",
            ["contact.transferred"] = """{"contactId":"c"}""",
            ["contact.completed"] = """{"contactId":"c","agentId":"a","talkSeconds":1,"holdSeconds":0,"wrapSeconds":0}""",
            ["agent.state"] = """{"agentId":"a","state":"busy"}""",
            ["ticket.created"] = """{"ticketId":"t","channel":"email"}""",
            ["ticket.message"] = """{"ticketId":"t","author":"bot"}""",
            ["ticket.escalated"] = """{"ticketId":"t"}""",
            ["ticket.resolved"] = """{"ticketId":"t"}""",
            ["ticket.reopened"] = """{"ticketId":"t"}""",
            ["survey.responded"] = """{"survey":"csat","score":4}""",
            ["sentiment.scored"] = """{"score":50}""",
            ["selfservice.session"] = """{"sessionId":"s","channel":"bot","resolved":true}""",
            ["metric.recorded"] = """{"name":"mrr","value":1}""",
        };

        Assert.Equal(EventTypeNames.All.Order(StringComparer.Ordinal), samples.Keys.Order(StringComparer.Ordinal));
        foreach (var (wireName, body) in samples)
        {
            var result = Parse(Event(wireName, body));

            Assert.True(result.IsValid, $"{wireName}: {result.Error}");
            Assert.Equal(wireName, result.Event.Type.ToWireName());
        }
    }

    [Fact]
    public void Parse_OptionalFieldsNull_TreatedAsAbsent()
    {
        var queued = Parse(Event("contact.queued", """{"contactId":"c","queue":"q","channel":"voice","customerId":null}"""));
        var transferred = Parse(Event("contact.transferred", """{"contactId":"c","toQueue":null,"escalation":null}"""));
        var completed = Parse(Event(
            "contact.completed",
            """{"contactId":"c","agentId":"a","talkSeconds":1,"holdSeconds":0,"wrapSeconds":0,"resolved":null,"outcome":null}"""));
        var agent = Parse(Event(
            "agent.state", """{"agentId":"a","state":"busy","queues":null,"team":null,"name":null,"reason":null}"""));
        var metric = Parse(Event("metric.recorded", """{"name":"mrr","value":1,"unit":null,"scope":null}"""));

        Assert.Equal(new ContactQueued("evt-1", At, "c", "q", "voice", null), queued.Event);
        Assert.Equal(new ContactTransferred("evt-1", At, "c", null, false), transferred.Event);
        Assert.Equal(new ContactCompleted("evt-1", At, "c", "a", 1, 0, 0, null, ContactOutcome.None), completed.Event);
        Assert.Equal(new AgentStateChanged("evt-1", At, "a", AgentState.Busy, null, null, null, null), agent.Event);
        Assert.Equal(new MetricRecorded("evt-1", At, "mrr", 1, null, null), metric.Event);
    }

    [Fact]
    public void Parse_UnknownFields_Ignored()
    {
        var result = Parse("""
            {"id":"evt-1","type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c-42",
             "vendor":"acme","Queue":42,"extra":{"nested":[1,2,{"deep":null}]}}
            """);

        Assert.Equal(new ContactAbandoned("evt-1", At, "c-42"), result.Event);
    }

    [Fact]
    public void Parse_TimestampWithOffset_PreservesOffset()
    {
        var result = Parse(Event("contact.abandoned", """{"contactId":"c"}""", ts: "2026-11-23T11:15:02+01:00"));

        var timestamp = Assert.IsType<ContactAbandoned>(result.Event).Timestamp;
        Assert.Equal(TimeSpan.FromHours(1), timestamp.Offset);
        Assert.Equal(new DateTime(2026, 11, 23, 11, 15, 2), timestamp.DateTime);
        Assert.Equal(At, timestamp);
    }

    [Fact]
    public void Parse_TimestampWithMilliseconds_PreservesMilliseconds()
    {
        var result = Parse(Event("contact.abandoned", """{"contactId":"c"}""", ts: "2026-11-23T10:15:02.123Z"));

        var timestamp = Assert.IsType<ContactAbandoned>(result.Event).Timestamp;
        Assert.Equal(123, timestamp.Millisecond);
        Assert.Equal(At.AddMilliseconds(123), timestamp);
    }

    [Theory]
    [InlineData("2026-11-23T10:15:02Z", 0, 0)]
    [InlineData("2026-11-23t10:15:02z", 0, 0)]
    [InlineData("2026-11-23 10:15:02Z", 0, 0)]
    [InlineData("2026-11-23T10:15:02.5Z", 5_000_000, 0)]
    [InlineData("2026-11-23T10:15:02.1234567Z", 1_234_567, 0)]
    [InlineData("2026-11-23T04:45:02-05:30", 0, -330)]
    [InlineData("2026-11-23T10:15:02-00:00", 0, 0)]
    [InlineData("2026-11-24T00:15:02+14:00", 0, 840)]
    public void Parse_Rfc3339TimestampVariants_ParsesInstantAndOffset(string ts, long fractionTicks, int offsetMinutes)
    {
        var result = Parse(Event("contact.abandoned", """{"contactId":"c"}""", ts: ts));

        var timestamp = Assert.IsType<ContactAbandoned>(result.Event).Timestamp;
        Assert.Equal(At.AddTicks(fractionTicks), timestamp);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), timestamp.Offset);
    }

    [Fact]
    public void Parse_LeapDayTimestamp_Accepts()
    {
        var result = Parse(Event("contact.abandoned", """{"contactId":"c"}""", ts: "2028-02-29T00:00:00Z"));

        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), result.Event?.Timestamp);
    }

    [Theory]
    [InlineData("2026-11-23T10:15:02")]
    [InlineData("2026-11-23T10:15:02.123")]
    [InlineData("2026-11-23")]
    [InlineData("2026-02-30T10:15:02Z")]
    [InlineData("2027-02-29T10:15:02Z")]
    [InlineData("2026-13-01T10:15:02Z")]
    [InlineData("2026-00-01T10:15:02Z")]
    [InlineData("2026-11-00T10:15:02Z")]
    [InlineData("2026-11-23T24:00:00Z")]
    [InlineData("2026-11-23T10:60:00Z")]
    [InlineData("2026-11-23T10:15:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("2026-11-23T10:15:02.Z")]
    [InlineData("2026-11-23T10:15:02.12345678Z")]
    [InlineData("2026-11-23T10:15:02+0100")]
    [InlineData("2026-11-23T10:15:02+01")]
    [InlineData("2026-11-23T10:15:02+15:00")]
    [InlineData("2026-11-23T10:15:02+01:60")]
    [InlineData("2026-11-23T10:15:02 Z")]
    [InlineData(" 2026-11-23T10:15:02Z")]
    [InlineData("2026-11-23T10:15:02Z ")]
    [InlineData("2026-11-23X10:15:02Z")]
    [InlineData("2026-1-23T10:15:02Z")]
    [InlineData("26-11-23T10:15:02Z")]
    [InlineData("2026-11-23T10:15:02UTC")]
    [InlineData("Mon, 23 Nov 2026 10:15:02 GMT")]
    [InlineData("1795428902")]
    [InlineData("")]
    public void Parse_TimestampWithoutValidOffsetOrDate_RejectsWithReason(string ts)
    {
        var result = Parse(Event("contact.abandoned", """{"contactId":"c"}""", ts: ts));

        Assert.False(result.IsValid);
        Assert.Equal($"'ts' must be an RFC 3339 timestamp with offset, got '{ts}'", result.Error);
        Assert.Equal("evt-1", result.Id);
    }

    [Fact]
    public void Parse_TimestampWithoutOffset_RejectsWithReason()
    {
        var result = Parse("""{"id":"evt-1","type":"contact.abandoned","ts":"2026-11-23T10:15:02","contactId":"c"}""");

        Assert.Equal("'ts' must be an RFC 3339 timestamp with offset, got '2026-11-23T10:15:02'", result.Error);
    }

    [Theory]
    [InlineData("[]", "event must be a JSON object, got array")]
    [InlineData("\"evt\"", "event must be a JSON object, got string")]
    [InlineData("42", "event must be a JSON object, got number")]
    [InlineData("true", "event must be a JSON object, got boolean")]
    [InlineData("null", "event must be a JSON object, got null")]
    public void Parse_NotAnObject_RejectsWithReason(string json, string expected)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Event);
        Assert.Null(result.Id);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Parse_DefaultElement_RejectsWithReason()
    {
        var result = EventParser.Parse(default(JsonElement));

        Assert.Equal("event must be a JSON object, got nothing", result.Error);
    }

    [Theory]
    [InlineData("""{"type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c"}""", "missing required field 'id'")]
    [InlineData("""{"id":null,"type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c"}""", "missing required field 'id'")]
    [InlineData("""{"id":7,"type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c"}""", "field 'id' must be a string, got number")]
    [InlineData("""{"id":["e"],"type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c"}""", "field 'id' must be a string, got array")]
    public void Parse_IdMissingOrNotString_RejectsWithoutId(string json, string expected)
    {
        var result = Parse(json);

        Assert.Equal(expected, result.Error);
        Assert.Null(result.Id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    [InlineData(1000)]
    public void Parse_IdLengthOutOfRange_RejectsAndReportsId(int length)
    {
        var id = new string('x', length);

        var result = Parse(Event("contact.abandoned", """{"contactId":"c"}""", id: id));

        Assert.Equal($"'id' must be 1 to 128 characters, got {length}", result.Error);
        Assert.Equal(id, result.Id);
    }

    [Fact]
    public void Parse_IdOf128Characters_Accepts()
    {
        var id = new string('x', 128);

        var result = Parse(Event("contact.abandoned", """{"contactId":"c"}""", id: id));

        Assert.Equal(id, result.Event?.Id);
    }

    [Fact]
    public void Parse_IdOf128NonBmpCharacters_CountsCodePoints()
    {
        var id = string.Concat(Enumerable.Repeat("😀", 128));

        var accepted = Parse(Event("contact.abandoned", """{"contactId":"c"}""", id: id));
        var rejected = Parse(Event("contact.abandoned", """{"contactId":"c"}""", id: id + "😀"));

        Assert.Equal(id, accepted.Event?.Id);
        Assert.Equal("'id' must be 1 to 128 characters, got 129", rejected.Error);
    }

    [Theory]
    [InlineData("""{"id":"evt-1","ts":"2026-11-23T10:15:02Z"}""", "missing required field 'type'")]
    [InlineData("""{"id":"evt-1","type":null,"ts":"2026-11-23T10:15:02Z"}""", "missing required field 'type'")]
    [InlineData("""{"id":"evt-1","type":3,"ts":"2026-11-23T10:15:02Z"}""", "field 'type' must be a string, got number")]
    [InlineData("""{"id":"evt-1","type":"contact.foo","ts":"2026-11-23T10:15:02Z"}""", "unknown type 'contact.foo'")]
    [InlineData("""{"id":"evt-1","type":"Contact.Queued","ts":"2026-11-23T10:15:02Z"}""", "unknown type 'Contact.Queued'")]
    [InlineData("""{"id":"evt-1","type":"","ts":"2026-11-23T10:15:02Z"}""", "unknown type ''")]
    [InlineData("""{"id":"evt-1","type":"contact.queued"}""", "missing required field 'ts'")]
    [InlineData("""{"id":"evt-1","type":"contact.queued","ts":1795428902}""", "field 'ts' must be a string, got number")]
    public void Parse_InvalidTypeOrTimestamp_RejectsWithReasonAndId(string json, string expected)
    {
        var result = Parse(json);

        Assert.Equal(expected, result.Error);
        Assert.Equal("evt-1", result.Id);
    }

    [Fact]
    public void Parse_UnknownTypeWithLongName_EchoIsTruncated()
    {
        var name = new string('q', 500);

        var result = Parse(Event(name, "{}"));

        Assert.Equal($"unknown type '{new string('q', 64)}…'", result.Error);
    }

    [Theory]
    [InlineData("""{}""", "missing required field 'id'")]
    [InlineData("""{"ts":"bad","type":"contact.foo"}""", "missing required field 'id'")]
    [InlineData("""{"id":"e","ts":"bad","type":"contact.foo"}""", "unknown type 'contact.foo'")]
    [InlineData("""{"id":"e","ts":"bad","type":"contact.completed"}""", "'ts' must be an RFC 3339 timestamp with offset, got 'bad'")]
    public void Parse_SeveralEnvelopeErrors_ReportsFirstInIdTypeTsOrder(string json, string expected)
    {
        Assert.Equal(expected, Parse(json).Error);
    }

    [Theory]
    [InlineData("contact.queued", "contactId")]
    [InlineData("contact.answered", "contactId")]
    [InlineData("contact.abandoned", "contactId")]
    [InlineData("contact.transferred", "contactId")]
    [InlineData("contact.completed", "contactId")]
    [InlineData("agent.state", "agentId")]
    [InlineData("ticket.created", "ticketId")]
    [InlineData("ticket.message", "ticketId")]
    [InlineData("ticket.escalated", "ticketId")]
    [InlineData("ticket.resolved", "ticketId")]
    [InlineData("ticket.reopened", "ticketId")]
    [InlineData("survey.responded", "survey")]
    [InlineData("sentiment.scored", "score")]
    [InlineData("selfservice.session", "sessionId")]
    [InlineData("metric.recorded", "name")]
    public void Parse_EmptyBody_ReportsFirstRequiredFieldOfTable(string type, string field)
    {
        var result = Parse(Event(type, "{}"));

        Assert.False(result.IsValid);
        Assert.Equal($"missing required field '{field}'", result.Error);
        Assert.Equal("evt-1", result.Id);
    }

    [Theory]
    [InlineData("contact.queued", """{"contactId":"c"}""", "missing required field 'queue'")]
    [InlineData("contact.queued", """{"contactId":"c","queue":"q"}""", "missing required field 'channel'")]
    [InlineData("contact.answered", """{"contactId":"c","agentId":null}""", "missing required field 'agentId'")]
    [InlineData("contact.completed", """{"contactId":"c"}""", "missing required field 'agentId'")]
    [InlineData("contact.completed", """{"contactId":"c","agentId":"a"}""", "missing required field 'talkSeconds'")]
    [InlineData("contact.completed", """{"contactId":"c","agentId":"a","talkSeconds":1}""", "missing required field 'holdSeconds'")]
    [InlineData("contact.completed", """{"contactId":"c","agentId":"a","talkSeconds":1,"holdSeconds":1}""", "missing required field 'wrapSeconds'")]
    [InlineData("agent.state", """{"agentId":"a"}""", "missing required field 'state'")]
    [InlineData("ticket.created", """{"ticketId":"t"}""", "missing required field 'channel'")]
    [InlineData("ticket.message", """{"ticketId":"t"}""", "missing required field 'author'")]
    [InlineData("survey.responded", """{"survey":"csat"}""", "missing required field 'score'")]
    [InlineData("selfservice.session", """{"sessionId":"s"}""", "missing required field 'channel'")]
    [InlineData("selfservice.session", """{"sessionId":"s","channel":"web"}""", "missing required field 'resolved'")]
    [InlineData("selfservice.session", """{"sessionId":"s","channel":"web","resolved":null}""", "missing required field 'resolved'")]
    [InlineData("metric.recorded", """{"name":"mrr"}""", "missing required field 'value'")]
    public void Parse_MissingRequiredField_RejectsWithReason(string type, string body, string expected)
    {
        Assert.Equal(expected, Parse(Event(type, body)).Error);
    }

    [Theory]
    [InlineData("contact.queued", """{"contactId":"c","queue":1,"channel":true}""", "field 'queue' must be a string, got number")]
    [InlineData("contact.queued", """{"contactId":"c","queue":"q","channel":"v","customerId":{}}""", "field 'customerId' must be a string, got object")]
    [InlineData("contact.transferred", """{"contactId":"c","escalation":"yes"}""", "field 'escalation' must be a boolean, got string")]
    [InlineData("contact.transferred", """{"contactId":"c","toQueue":false}""", "field 'toQueue' must be a string, got boolean")]
    [InlineData("contact.completed", """{"contactId":"c","agentId":"a","talkSeconds":"60","holdSeconds":0,"wrapSeconds":0}""", "field 'talkSeconds' must be a number, got string")]
    [InlineData("contact.completed", """{"contactId":"c","agentId":"a","talkSeconds":1,"holdSeconds":0,"wrapSeconds":0,"resolved":1}""", "field 'resolved' must be a boolean, got number")]
    [InlineData("contact.completed", """{"contactId":"c","agentId":"a","talkSeconds":1,"holdSeconds":0,"wrapSeconds":0,"outcome":[]}""", "field 'outcome' must be an object, got array")]
    [InlineData("contact.completed", """{"contactId":"c","agentId":"a","talkSeconds":1,"holdSeconds":0,"wrapSeconds":0,"outcome":{"saved":"yes"}}""", "field 'outcome.saved' must be a boolean, got string")]
    [InlineData("agent.state", """{"agentId":"a","state":1}""", "field 'state' must be a string, got number")]
    [InlineData("agent.state", """{"agentId":"a","state":"busy","queues":"sales"}""", "field 'queues' must be an array, got string")]
    [InlineData("agent.state", """{"agentId":"a","state":"busy","queues":["sales",7]}""", "field 'queues[1]' must be a string, got number")]
    [InlineData("agent.state", """{"agentId":"a","state":"busy","queues":["sales",null]}""", "field 'queues[1]' must be a string, got null")]
    [InlineData("ticket.created", """{"ticketId":"t","channel":"email","priority":true}""", "field 'priority' must be a string or a number, got boolean")]
    [InlineData("ticket.escalated", """{"ticketId":"t","tier":[2]}""", "field 'tier' must be a string or a number, got array")]
    [InlineData("survey.responded", """{"survey":"csat","score":"5"}""", "field 'score' must be a number, got string")]
    [InlineData("sentiment.scored", """{"score":true}""", "field 'score' must be a number, got boolean")]
    [InlineData("selfservice.session", """{"sessionId":"s","channel":"web","resolved":"true"}""", "field 'resolved' must be a boolean, got string")]
    [InlineData("metric.recorded", """{"name":"mrr","value":"1.5"}""", "field 'value' must be a number, got string")]
    [InlineData("metric.recorded", """{"name":"mrr","value":1,"scope":{"queue":"sales"}}""", "field 'scope' must be a string, got object")]
    public void Parse_FieldOfWrongJsonType_RejectsWithReason(string type, string body, string expected)
    {
        var result = Parse(Event(type, body));

        Assert.Equal(expected, result.Error);
        Assert.Equal("evt-1", result.Id);
    }

    [Theory]
    [InlineData("contact.queued", "queue")]
    [InlineData("contact.queued", "channel")]
    [InlineData("contact.queued", "customerId")]
    [InlineData("contact.answered", "agentId")]
    [InlineData("contact.transferred", "toQueue")]
    [InlineData("agent.state", "team")]
    [InlineData("agent.state", "name")]
    [InlineData("ticket.created", "ticketId")]
    [InlineData("ticket.created", "category")]
    [InlineData("survey.responded", "contactId")]
    [InlineData("selfservice.session", "sessionId")]
    [InlineData("metric.recorded", "name")]
    public void Parse_NameFieldEmptyOrTooLong_RejectsWithReason(string type, string field)
    {
        var expected = $"field '{field}' must be 1 to 128 characters";

        Assert.Equal(expected, Parse(Event(type, WithField(type, field, "\"\""))).Error);
        Assert.Equal(expected, Parse(Event(type, WithField(type, field, $"\"{new string('n', 129)}\""))).Error);
        Assert.True(Parse(Event(type, WithField(type, field, $"\"{new string('n', 128)}\""))).IsValid);
    }

    [Theory]
    [InlineData("agent.state", "reason")]
    [InlineData("metric.recorded", "unit")]
    [InlineData("ticket.created", "priority")]
    [InlineData("ticket.escalated", "tier")]
    public void Parse_TextFieldOver256Characters_RejectsWithReason(string type, string field)
    {
        var tooLong = Parse(Event(type, WithField(type, field, $"\"{new string('r', 257)}\"")));
        var longest = Parse(Event(type, WithField(type, field, $"\"{new string('r', 256)}\"")));
        var empty = Parse(Event(type, WithField(type, field, "\"\"")));

        Assert.Equal($"field '{field}' must be at most 256 characters", tooLong.Error);
        Assert.True(longest.IsValid);
        Assert.True(empty.IsValid);
    }

    [Fact]
    public void Parse_ScopeOver200Characters_RejectsWithReason()
    {
        var tooLong = Parse(Event("metric.recorded", $$"""{"name":"mrr","value":1,"scope":"{{new string('s', 201)}}"}"""));
        var empty = Parse(Event("metric.recorded", """{"name":"mrr","value":1,"scope":""}"""));
        var longest = Parse(Event("metric.recorded", $$"""{"name":"mrr","value":1,"scope":"{{new string('s', 200)}}"}"""));

        Assert.Equal("field 'scope' must be 1 to 200 characters", tooLong.Error);
        Assert.Equal("field 'scope' must be 1 to 200 characters", empty.Error);
        Assert.True(longest.IsValid);
    }

    [Fact]
    public void Parse_QueuesEntryEmptyOrTooLong_RejectsWithReason()
    {
        var empty = Parse(Event("agent.state", """{"agentId":"a","state":"busy","queues":["sales",""]}"""));
        var tooLong = Parse(Event("agent.state", $$"""{"agentId":"a","state":"busy","queues":["{{new string('q', 129)}}"]}"""));

        Assert.Equal("field 'queues[1]' must be 1 to 128 characters", empty.Error);
        Assert.Equal("field 'queues[0]' must be 1 to 128 characters", tooLong.Error);
    }

    [Fact]
    public void Parse_QueuesWithMoreThan256Entries_RejectsWithReason()
    {
        var queues = string.Join(",", Enumerable.Range(0, 257).Select(i => $"\"q{i}\""));
        var allowed = string.Join(",", Enumerable.Range(0, 256).Select(i => $"\"q{i}\""));

        var tooMany = Parse(Event("agent.state", $$"""{"agentId":"a","state":"busy","queues":[{{queues}}]}"""));
        var most = Parse(Event("agent.state", $$"""{"agentId":"a","state":"busy","queues":[{{allowed}}]}"""));

        Assert.Equal("field 'queues' must have at most 256 entries, got 257", tooMany.Error);
        Assert.Equal(256, Assert.IsType<AgentStateChanged>(most.Event).Queues?.Count);
    }

    [Theory]
    [InlineData("agent.state", """{"agentId":"a","state":"lunch"}""", "field 'state' must be one of available, busy, wrapup, away, offline, got 'lunch'")]
    [InlineData("agent.state", """{"agentId":"a","state":"Available"}""", "field 'state' must be one of available, busy, wrapup, away, offline, got 'Available'")]
    [InlineData("agent.state", """{"agentId":"a","state":""}""", "field 'state' must be one of available, busy, wrapup, away, offline, got ''")]
    [InlineData("ticket.message", """{"ticketId":"t","author":"system"}""", "field 'author' must be one of customer, agent, bot, got 'system'")]
    [InlineData("ticket.message", """{"ticketId":"t","author":"AGENT"}""", "field 'author' must be one of customer, agent, bot, got 'AGENT'")]
    [InlineData("survey.responded", """{"survey":"ces2","score":3}""", "field 'survey' must be one of csat, nps, ces, got 'ces2'")]
    [InlineData("survey.responded", """{"survey":"NPS","score":3}""", "field 'survey' must be one of csat, nps, ces, got 'NPS'")]
    public void Parse_EnumValueNotInContract_RejectsWithReason(string type, string body, string expected)
    {
        Assert.Equal(expected, Parse(Event(type, body)).Error);
    }

    [Theory]
    [InlineData("csat", "7", "field 'score' must be between 1 and 5 for csat, got 7")]
    [InlineData("csat", "0", "field 'score' must be between 1 and 5 for csat, got 0")]
    [InlineData("csat", "5.5", "field 'score' must be between 1 and 5 for csat, got 5.5")]
    [InlineData("nps", "11", "field 'score' must be between 0 and 10 for nps, got 11")]
    [InlineData("nps", "-1", "field 'score' must be between 0 and 10 for nps, got -1")]
    [InlineData("ces", "8", "field 'score' must be between 1 and 7 for ces, got 8")]
    [InlineData("ces", "0.99", "field 'score' must be between 1 and 7 for ces, got 0.99")]
    public void Parse_SurveyScoreOutsideScale_RejectsWithReason(string survey, string score, string expected)
    {
        var result = Parse(Event("survey.responded", $$"""{"survey":"{{survey}}","score":{{score}}}"""));

        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData("101", "field 'score' must be between 0 and 100, got 101")]
    [InlineData("-0.5", "field 'score' must be between 0 and 100, got -0.5")]
    public void Parse_SentimentScoreOutside0To100_RejectsWithReason(string score, string expected)
    {
        Assert.Equal(expected, Parse(Event("sentiment.scored", $$"""{"score":{{score}}}""")).Error);
    }

    [Theory]
    [InlineData("""{"contactId":"c","agentId":"a","talkSeconds":-3,"holdSeconds":0,"wrapSeconds":0}""", "field 'talkSeconds' must be at least 0, got -3")]
    [InlineData("""{"contactId":"c","agentId":"a","talkSeconds":0,"holdSeconds":-1,"wrapSeconds":0}""", "field 'holdSeconds' must be at least 0, got -1")]
    [InlineData("""{"contactId":"c","agentId":"a","talkSeconds":0,"holdSeconds":0,"wrapSeconds":-0.5}""", "field 'wrapSeconds' must be at least 0, got -0.5")]
    [InlineData("""{"contactId":"c","agentId":"a","talkSeconds":1e400,"holdSeconds":0,"wrapSeconds":0}""", "field 'talkSeconds' must be a finite number, got 1e400")]
    public void Parse_DurationNegativeOrInfinite_RejectsWithReason(string body, string expected)
    {
        Assert.Equal(expected, Parse(Event("contact.completed", body)).Error);
    }

    [Theory]
    [InlineData("1e400", "field 'value' must be a finite number, got 1e400")]
    [InlineData("-1e400", "field 'value' must be a finite number, got -1e400")]
    public void Parse_MetricValueNotFinite_RejectsWithReason(string value, string expected)
    {
        Assert.Equal(expected, Parse(Event("metric.recorded", $$"""{"name":"mrr","value":{{value}}}""")).Error);
    }

    [Fact]
    public void Parse_PriorityNumberNotFinite_RejectsWithReason()
    {
        var result = Parse(Event("ticket.created", """{"ticketId":"t","channel":"email","priority":1e999}"""));

        Assert.Equal("field 'priority' must be a finite number, got 1e999", result.Error);
    }

    [Fact]
    public void Parse_SeveralBodyErrors_ReportsFirstInTableOrder()
    {
        var result = Parse(Event(
            "contact.completed",
            """{"wrapSeconds":-1,"talkSeconds":"x","agentId":"","contactId":"c","outcome":[]}"""));

        Assert.Equal("field 'agentId' must be 1 to 128 characters", result.Error);
    }

    [Fact]
    public void Parse_NestingOf16Levels_Accepts()
    {
        // The event object is level 1, so 15 nested arrays make 16 levels.
        var result = Parse(Event("contact.abandoned", $$"""{"contactId":"c","extra":{{Nested(15)}}}"""));

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Parse_NestingDeeperThan16Levels_RejectsAndReportsId()
    {
        var result = Parse(Event("contact.abandoned", $$"""{"contactId":"c","extra":{{Nested(16)}}}"""));

        Assert.Equal("event nests deeper than 16 levels", result.Error);
        Assert.Equal("evt-1", result.Id);
    }

    [Fact]
    public void Parse_NestingDeeperThan16LevelsInObjects_Rejects()
    {
        var deep = string.Concat(Enumerable.Repeat("""{"a":""", 16)) + "1" + new string('}', 16);

        var result = Parse(Event("contact.abandoned", $$"""{"contactId":"c","extra":{{deep}}}"""));

        Assert.Equal("event nests deeper than 16 levels", result.Error);
    }

    [Fact]
    public void ParseBytes_ValidEvent_ReturnsRecord()
    {
        var result = EventParser.Parse("""{"id":"evt-1","type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c"}"""u8);

        Assert.Equal(new ContactAbandoned("evt-1", At, "c"), result.Event);
        Assert.Equal("evt-1", result.Id);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("{\"id\":\"evt-1\"")]
    [InlineData("{\"id\":\"evt-1\"} trailing")]
    [InlineData("{'id':'evt-1'}")]
    [InlineData("{\"id\":NaN}")]
    public void ParseBytes_NotJson_ReturnsNotValidJsonError(string body)
    {
        var result = EventParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsValid);
        Assert.Null(result.Event);
        Assert.Null(result.Id);
        Assert.StartsWith("not valid JSON: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBytes_RandomBinary_ReturnsNotValidJsonError()
    {
        byte[] garbage = [0xFF, 0xFE, 0x00, 0x7B, 0x80, 0x22, 0xC3];

        var result = EventParser.Parse(garbage);

        Assert.StartsWith("not valid JSON: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBytes_NestedBeyondDocumentMaxDepth_ReturnsNotValidJsonError()
    {
        var body = $$"""{"id":"evt-1","extra":{{Nested(100)}}}""";

        var result = EventParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.StartsWith("not valid JSON: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseBytes_InvalidUtf8InField_RejectsWithReason()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"evt-1","type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"?"}""");
        body[Array.LastIndexOf(body, (byte)'?')] = 0xFF;

        var result = EventParser.Parse(body);

        Assert.Equal("field 'contactId' must be valid Unicode text", result.Error);
        Assert.Equal("evt-1", result.Id);
    }

    [Fact]
    public void Parse_UnpairedSurrogateInId_RejectsWithoutId()
    {
        var result = Parse("""{"id":"\ud800","type":"contact.abandoned","ts":"2026-11-23T10:15:02Z","contactId":"c"}""");

        Assert.Equal("field 'id' must be valid Unicode text", result.Error);
        Assert.Null(result.Id);
    }

    [Fact]
    public void Parse_EscapedCharacters_AreUnescaped()
    {
        var result = Parse(Event("contact.queued", """{"contactId":"c\"1","queue":"caf\u00e9","channel":"voice"}"""));

        Assert.Equal(new ContactQueued("evt-1", At, "c\"1", "café", "voice", null), result.Event);
    }

    [Fact]
    public void Parse_ResultFromDisposedDocument_StaysUsable()
    {
        EventParseResult result;
        using (var document = JsonDocument.Parse(Event("contact.abandoned", """{"contactId":"c"}""")))
        {
            result = EventParser.Parse(document.RootElement);
        }

        Assert.Equal(new ContactAbandoned("evt-1", At, "c"), result.Event);
    }

    [Fact]
    public void Valid_Event_CarriesItsId()
    {
        var evt = new ContactAbandoned("evt-9", At, "c");

        var result = EventParseResult.Valid(evt);

        Assert.True(result.IsValid);
        Assert.Equal("evt-9", result.Id);
        Assert.Same(evt, result.Event);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Invalid_WithIdAndReason_IsNotValid()
    {
        var result = EventParseResult.Invalid("evt-9", "missing required field 'contactId'");

        Assert.False(result.IsValid);
        Assert.Equal("evt-9", result.Id);
        Assert.Null(result.Event);
        Assert.Equal("missing required field 'contactId'", result.Error);
    }

    private static EventParseResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EventParser.Parse(document.RootElement);
    }

    private static string Event(string type, string body, string id = "evt-1", string ts = Ts)
    {
        var envelope = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["type"] = type, ["ts"] = ts });
        var fields = body.Trim()[1..^1].Trim();
        return fields.Length == 0 ? envelope : $"{envelope[..^1]},{fields}}}";
    }

    // A minimal valid body of the type with one field set to the given JSON value.
    private static string WithField(string type, string field, string json)
    {
        var sample = type switch
        {
            "contact.queued" => """{"contactId":"c","queue":"q","channel":"voice"}""",
            "contact.answered" => """{"contactId":"c","agentId":"a"}""",
            "contact.transferred" => """{"contactId":"c"}""",
            "agent.state" => """{"agentId":"a","state":"busy"}""",
            "ticket.created" => """{"ticketId":"t","channel":"email"}""",
            "ticket.escalated" => """{"ticketId":"t"}""",
            "survey.responded" => """{"survey":"csat","score":4}""",
            "selfservice.session" => """{"sessionId":"s","channel":"web","resolved":true}""",
            "metric.recorded" => """{"name":"mrr","value":1}""",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no sample body"),
        };

        var body = JsonNode.Parse(sample)!.AsObject();
        body[field] = JsonNode.Parse(json);
        return body.ToJsonString();
    }

    private static string Nested(int arrays) => new string('[', arrays) + new string(']', arrays);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
