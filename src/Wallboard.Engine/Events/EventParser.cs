using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Wallboard.Engine.Events;

/// <summary>Turns one JSON event of the contract (<c>spec/events.md</c>) into a typed <see cref="WallboardEvent"/> or one precise rejection reason.</summary>
public static class EventParser
{
    private const int MaxNesting = 16;
    private const int IdMaxLength = 128;
    private const int ScopeMaxLength = 200;

    // Bounds the document parser's own work; the tighter per-event rule (MaxNesting) is checked on the tree.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    // Listed in the order the rejection message names them, which is the contract's order.
    private static readonly (string Name, AgentState Value)[] AgentStates =
    [
        ("available", AgentState.Available),
        ("busy", AgentState.Busy),
        ("wrapup", AgentState.Wrapup),
        ("away", AgentState.Away),
        ("offline", AgentState.Offline),
    ];

    private static readonly (string Name, MessageAuthor Value)[] Authors =
    [
        ("customer", MessageAuthor.Customer),
        ("agent", MessageAuthor.Agent),
        ("bot", MessageAuthor.Bot),
    ];

    private static readonly (string Name, SurveyKind Value)[] SurveyKinds =
    [
        ("csat", SurveyKind.Csat),
        ("nps", SurveyKind.Nps),
        ("ces", SurveyKind.Ces),
    ];

    /// <summary>Parses one event from a UTF-8 JSON body; a body that is not JSON gives an invalid result, never an exception.</summary>
    public static EventParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            return EventParseResult.Invalid(null, $"not valid JSON: {exception.Message}");
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    /// <summary>Parses one event object; the result holds no reference to the element's document.</summary>
    /// <param name="element">The event object.</param>
    /// <param name="names">Shares the strings of recurring names (queues, channels, agents, teams) with earlier events.</param>
    public static EventParseResult Parse(JsonElement element, NameTable? names = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return EventParseResult.Invalid(null, $"event must be a JSON object, got {JsonFieldReader.Describe(element.ValueKind)}");
        }

        var fields = new JsonFieldReader(element, names);
        var reportedId = fields.PeekString("id");
        if (NestsDeeperThan(element, MaxNesting))
        {
            return EventParseResult.Invalid(reportedId, $"event nests deeper than {MaxNesting} levels");
        }

        var id = ReadId(fields);
        var type = ReadType(fields);
        var timestamp = ReadTimestamp(fields);
        if (fields.Error is { } envelopeError)
        {
            return EventParseResult.Invalid(reportedId, envelopeError);
        }

        var evt = ReadBody(fields, type, id, timestamp);
        return fields.Error is { } error ? EventParseResult.Invalid(reportedId, error) : EventParseResult.Valid(evt);
    }

    private static string ReadId(JsonFieldReader fields)
    {
        var id = fields.RequiredString("id");
        if (!fields.HasFailed && JsonFieldReader.CountCharacters(id) is var length and (< 1 or > IdMaxLength))
        {
            fields.Fail(string.Create(CultureInfo.InvariantCulture, $"'id' must be 1 to {IdMaxLength} characters, got {length}"));
        }

        return id;
    }

    private static EventType ReadType(JsonFieldReader fields)
    {
        var name = fields.RequiredString("type");
        if (fields.HasFailed)
        {
            return default;
        }

        if (!EventTypeNames.TryParse(name, out var type))
        {
            fields.Fail($"unknown type '{JsonFieldReader.Echo(name)}'");
        }

        return type;
    }

    private static DateTimeOffset ReadTimestamp(JsonFieldReader fields)
    {
        // Every event has one: parsed from its bytes, without a string, unless it is unusual or wrong.
        Span<char> chars = stackalloc char[40];
        if (fields.TryCopyAscii("ts", chars, out var length) && Rfc3339Timestamp.TryParse(chars[..length], out var parsed))
        {
            return parsed;
        }

        var text = fields.RequiredString("ts");
        if (fields.HasFailed)
        {
            return default;
        }

        if (!Rfc3339Timestamp.TryParse(text, out var timestamp))
        {
            fields.Fail($"'ts' must be an RFC 3339 timestamp with offset, got '{JsonFieldReader.Echo(text)}'");
        }

        return timestamp;
    }

    // Fields are read in the order of the contract's table (C# evaluates arguments left to right), so the
    // reason reported is always the first wrong field in that order.
    private static WallboardEvent ReadBody(JsonFieldReader fields, EventType type, string id, DateTimeOffset ts) => type switch
    {
        EventType.ContactQueued => new ContactQueued(
            id, ts, fields.RequiredName("contactId"), fields.RequiredRecurringName("queue"), fields.RequiredRecurringName("channel"), fields.OptionalName("customerId")),
        EventType.ContactAnswered => new ContactAnswered(id, ts, fields.RequiredName("contactId"), fields.RequiredRecurringName("agentId")),
        EventType.ContactAbandoned => new ContactAbandoned(id, ts, fields.RequiredName("contactId")),
        EventType.ContactTransferred => new ContactTransferred(
            id, ts, fields.RequiredName("contactId"), fields.OptionalRecurringName("toQueue"), fields.OptionalBoolean("escalation") ?? false),
        EventType.ContactCompleted => new ContactCompleted(
            id,
            ts,
            fields.RequiredName("contactId"),
            fields.RequiredRecurringName("agentId"),
            fields.RequiredNonNegativeNumber("talkSeconds"),
            fields.RequiredNonNegativeNumber("holdSeconds"),
            fields.RequiredNonNegativeNumber("wrapSeconds"),
            fields.OptionalBoolean("resolved"),
            ReadOutcome(fields)),
        EventType.AgentState => new AgentStateChanged(
            id,
            ts,
            fields.RequiredRecurringName("agentId"),
            fields.RequiredEnum("state", AgentStates),
            fields.OptionalNameList("queues"),
            fields.OptionalRecurringName("team"),
            fields.OptionalName("name"),
            fields.OptionalText("reason")),
        EventType.TicketCreated => new TicketCreated(
            id,
            ts,
            fields.RequiredName("ticketId"),
            fields.RequiredRecurringName("channel"),
            fields.OptionalRecurringName("queue"),
            fields.OptionalLabel("priority"),
            fields.OptionalRecurringName("category"),
            fields.OptionalName("customerId")),
        EventType.TicketMessage => new TicketMessagePosted(
            id, ts, fields.RequiredName("ticketId"), fields.RequiredEnum("author", Authors), fields.OptionalRecurringName("agentId")),
        EventType.TicketEscalated => new TicketEscalated(id, ts, fields.RequiredName("ticketId"), fields.OptionalLabel("tier")),
        EventType.TicketResolved => new TicketResolved(id, ts, fields.RequiredName("ticketId"), fields.OptionalRecurringName("agentId")),
        EventType.TicketReopened => new TicketReopened(id, ts, fields.RequiredName("ticketId")),
        EventType.SurveyResponded => ReadSurveyResponded(fields, id, ts),
        EventType.SentimentScored => new SentimentScored(
            id,
            ts,
            fields.RequiredNumberBetween("score", 0, 100),
            fields.OptionalName("contactId"),
            fields.OptionalName("ticketId"),
            fields.OptionalRecurringName("queue"),
            fields.OptionalRecurringName("channel")),
        EventType.SelfServiceSession => new SelfServiceSessionEnded(
            id, ts, fields.RequiredName("sessionId"), fields.RequiredRecurringName("channel"), fields.RequiredBoolean("resolved")),
        EventType.MetricRecorded => new MetricRecorded(
            id, ts, fields.RequiredName("name"), fields.RequiredNumber("value"), fields.OptionalText("unit"), fields.OptionalName("scope", ScopeMaxLength)),
        _ => throw new UnreachableException($"No body reader for event type {type}."),
    };

    private static ContactOutcome ReadOutcome(JsonFieldReader fields)
    {
        var outcome = fields.OptionalObject("outcome");
        if (outcome is null)
        {
            return ContactOutcome.None;
        }

        return new ContactOutcome(
            outcome.OptionalBoolean("upsellOffered") ?? false,
            outcome.OptionalBoolean("upsellAccepted") ?? false,
            outcome.OptionalBoolean("cancellationRequested") ?? false,
            outcome.OptionalBoolean("saved") ?? false);
    }

    private static SurveyResponded ReadSurveyResponded(JsonFieldReader fields, string id, DateTimeOffset ts)
    {
        var survey = fields.RequiredEnum("survey", SurveyKinds);
        var (min, max) = survey switch
        {
            SurveyKind.Csat => (1, 5),
            SurveyKind.Nps => (0, 10),
            SurveyKind.Ces => (1, 7),
            _ => throw new UnreachableException($"No scale for survey kind {survey}."),
        };
        var scale = $" for {SurveyKinds.First(pair => pair.Value == survey).Name}";
        return new SurveyResponded(
            id,
            ts,
            survey,
            fields.RequiredNumberBetween("score", min, max, scale),
            fields.OptionalName("contactId"),
            fields.OptionalName("ticketId"),
            fields.OptionalRecurringName("agentId"),
            fields.OptionalRecurringName("queue"),
            fields.OptionalRecurringName("channel"));
    }

    // Containers count as levels and the event object is level 1, the way JsonDocumentOptions.MaxDepth counts.
    // Recursion stops one level past the limit, so the stack stays shallow whatever the input.
    private static bool NestsDeeperThan(JsonElement element, int levelsLeft)
    {
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return false;
        }

        if (levelsLeft == 0)
        {
            return true;
        }

        // Loops rather than LINQ: this runs for every node of every event, and the enumerators are structs.
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (NestsDeeperThan(property.Value, levelsLeft - 1))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var child in element.EnumerateArray())
        {
            if (NestsDeeperThan(child, levelsLeft - 1))
            {
                return true;
            }
        }

        return false;
    }
}
