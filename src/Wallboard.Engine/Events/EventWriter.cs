using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Wallboard.Engine.Events;

/// <summary>
/// Writes typed events back as contract JSON (<c>spec/events.md</c>): the inverse of <see cref="EventParser"/>.
/// Every event the parser accepts is written so that parsing it again gives the same event, the same instant
/// and the same offset.
/// </summary>
/// <remarks>
/// Fields come in the contract's order (<c>id</c>, <c>type</c>, <c>ts</c>, then the type's table). Optional
/// fields that hold nothing are left out; <c>escalation</c> is always written because it is a plain boolean.
/// Strings use <see cref="Utf8JsonWriter"/>'s default escaping, so the output is ASCII (only <c>ts</c>, which
/// needs no escaping, keeps its <c>+</c> as is); an unpaired surrogate, which the parser never produces, is
/// written as U+FFFD. A non-finite number throws <see cref="ArgumentException"/>, as JSON has no literal for it.
/// </remarks>
public static class EventWriter
{
    // '"' + yyyy-MM-ddTHH:mm:ss (19) + .fffffff (8) + ±hh:mm (6) + '"'.
    private const int MaxQuotedTimestampLength = 35;

    /// <summary>Writes one event as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, WallboardEvent evt)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evt);

        writer.WriteStartObject();
        writer.WriteString("id", evt.Id);
        writer.WriteString("type", evt.Type.ToWireName());
        WriteTimestamp(writer, evt.Timestamp);
        WriteBody(writer, evt);
        writer.WriteEndObject();
    }

    /// <summary>One event as a compact JSON string.</summary>
    public static string ToJson(WallboardEvent evt) => Encoding.UTF8.GetString(Serialize(writer => Write(writer, evt)).WrittenSpan);

    /// <summary>One event as compact UTF-8 JSON.</summary>
    public static byte[] ToUtf8Json(WallboardEvent evt) => Serialize(writer => Write(writer, evt)).WrittenSpan.ToArray();

    /// <summary>Events as one compact JSON array, in the order given.</summary>
    public static string ToJsonArray(IEnumerable<WallboardEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);

        var buffer = Serialize(writer =>
        {
            writer.WriteStartArray();
            foreach (var evt in events)
            {
                Write(writer, evt);
            }

            writer.WriteEndArray();
        });
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ArrayBufferWriter<byte> Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer;
    }

    // The fraction is left out for whole seconds, written as milliseconds when that is exact, and with all seven
    // digits otherwise, so the parser gets back the very same ticks. A zero offset is written as Z.
    // The default encoder would write the offset's '+' as \u002B; a timestamp holds only digits and "-:T.Z+",
    // none of which JSON needs escaped, so it goes out as a raw (still validated) string to stay readable.
    private static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset timestamp)
    {
        var fraction = timestamp.Ticks % TimeSpan.TicksPerSecond;
        var format = fraction == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
            : fraction % TimeSpan.TicksPerMillisecond == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff"
            : "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff";
        format += timestamp.Offset == TimeSpan.Zero ? "'Z'" : "zzz";

        Span<char> quoted = stackalloc char[MaxQuotedTimestampLength];
        if (!timestamp.TryFormat(quoted[1..^1], out var length, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"A timestamp did not fit in {MaxQuotedTimestampLength - 2} characters.");
        }

        quoted[0] = '"';
        quoted[length + 1] = '"';
        writer.WritePropertyName("ts");
        writer.WriteRawValue(quoted[..(length + 2)]);
    }

    // One case per row of the contract's tables, fields in the table's order.
    private static void WriteBody(Utf8JsonWriter writer, WallboardEvent evt)
    {
        switch (evt)
        {
            case ContactQueued queued:
                writer.WriteString("contactId", queued.ContactId);
                writer.WriteString("queue", queued.Queue);
                writer.WriteString("channel", queued.Channel);
                WriteOptional(writer, "customerId", queued.CustomerId);
                break;
            case ContactAnswered answered:
                writer.WriteString("contactId", answered.ContactId);
                writer.WriteString("agentId", answered.AgentId);
                break;
            case ContactAbandoned abandoned:
                writer.WriteString("contactId", abandoned.ContactId);
                break;
            case ContactTransferred transferred:
                writer.WriteString("contactId", transferred.ContactId);
                WriteOptional(writer, "toQueue", transferred.ToQueue);
                writer.WriteBoolean("escalation", transferred.Escalation);
                break;
            case ContactCompleted completed:
                WriteContactCompleted(writer, completed);
                break;
            case AgentStateChanged agent:
                WriteAgentState(writer, agent);
                break;
            case TicketCreated created:
                writer.WriteString("ticketId", created.TicketId);
                writer.WriteString("channel", created.Channel);
                WriteOptional(writer, "queue", created.Queue);
                WriteOptional(writer, "priority", created.Priority);
                WriteOptional(writer, "category", created.Category);
                WriteOptional(writer, "customerId", created.CustomerId);
                break;
            case TicketMessagePosted message:
                writer.WriteString("ticketId", message.TicketId);
                writer.WriteString("author", AuthorName(message.Author));
                WriteOptional(writer, "agentId", message.AgentId);
                break;
            case TicketEscalated escalated:
                writer.WriteString("ticketId", escalated.TicketId);
                WriteOptional(writer, "tier", escalated.Tier);
                break;
            case TicketResolved resolved:
                writer.WriteString("ticketId", resolved.TicketId);
                WriteOptional(writer, "agentId", resolved.AgentId);
                break;
            case TicketReopened reopened:
                writer.WriteString("ticketId", reopened.TicketId);
                break;
            case SurveyResponded survey:
                writer.WriteString("survey", SurveyName(survey.Survey));
                writer.WriteNumber("score", survey.Score);
                WriteOptional(writer, "contactId", survey.ContactId);
                WriteOptional(writer, "ticketId", survey.TicketId);
                WriteOptional(writer, "agentId", survey.AgentId);
                WriteOptional(writer, "queue", survey.Queue);
                WriteOptional(writer, "channel", survey.Channel);
                break;
            case SentimentScored sentiment:
                writer.WriteNumber("score", sentiment.Score);
                WriteOptional(writer, "contactId", sentiment.ContactId);
                WriteOptional(writer, "ticketId", sentiment.TicketId);
                WriteOptional(writer, "queue", sentiment.Queue);
                WriteOptional(writer, "channel", sentiment.Channel);
                break;
            case SelfServiceSessionEnded session:
                writer.WriteString("sessionId", session.SessionId);
                writer.WriteString("channel", session.Channel);
                writer.WriteBoolean("resolved", session.Resolved);
                break;
            case MetricRecorded metric:
                writer.WriteString("name", metric.Name);
                writer.WriteNumber("value", metric.Value);
                WriteOptional(writer, "unit", metric.Unit);
                WriteOptional(writer, "scope", metric.Scope);
                break;
            default:
                throw new ArgumentException($"No writer for event type {evt.GetType().Name}.", nameof(evt));
        }
    }

    private static void WriteContactCompleted(Utf8JsonWriter writer, ContactCompleted completed)
    {
        writer.WriteString("contactId", completed.ContactId);
        writer.WriteString("agentId", completed.AgentId);
        writer.WriteNumber("talkSeconds", completed.TalkSeconds);
        writer.WriteNumber("holdSeconds", completed.HoldSeconds);
        writer.WriteNumber("wrapSeconds", completed.WrapSeconds);
        if (completed.Resolved is { } resolved)
        {
            writer.WriteBoolean("resolved", resolved);
        }

        // The parser reads a missing outcome as all flags false, so the object is only worth writing when one is set.
        var outcome = completed.Outcome;
        if (outcome.UpsellOffered || outcome.UpsellAccepted || outcome.CancellationRequested || outcome.Saved)
        {
            writer.WriteStartObject("outcome");
            writer.WriteBoolean("upsellOffered", outcome.UpsellOffered);
            writer.WriteBoolean("upsellAccepted", outcome.UpsellAccepted);
            writer.WriteBoolean("cancellationRequested", outcome.CancellationRequested);
            writer.WriteBoolean("saved", outcome.Saved);
            writer.WriteEndObject();
        }
    }

    private static void WriteAgentState(Utf8JsonWriter writer, AgentStateChanged agent)
    {
        writer.WriteString("agentId", agent.AgentId);
        writer.WriteString("state", StateName(agent.State));

        // An empty list is written as []: it means "now in no queue", unlike an absent field, which keeps the last known queues.
        if (agent.Queues is { } queues)
        {
            writer.WriteStartArray("queues");
            foreach (var queue in queues)
            {
                writer.WriteStringValue(queue);
            }

            writer.WriteEndArray();
        }

        WriteOptional(writer, "team", agent.Team);
        WriteOptional(writer, "name", agent.Name);
        WriteOptional(writer, "reason", agent.Reason);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string field, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(field, value);
        }
    }

    private static string StateName(AgentState state) => state switch
    {
        AgentState.Available => "available",
        AgentState.Busy => "busy",
        AgentState.Wrapup => "wrapup",
        AgentState.Away => "away",
        AgentState.Offline => "offline",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an agent state of the contract."),
    };

    private static string AuthorName(MessageAuthor author) => author switch
    {
        MessageAuthor.Customer => "customer",
        MessageAuthor.Agent => "agent",
        MessageAuthor.Bot => "bot",
        _ => throw new ArgumentOutOfRangeException(nameof(author), author, "Not a message author of the contract."),
    };

    private static string SurveyName(SurveyKind survey) => survey switch
    {
        SurveyKind.Csat => "csat",
        SurveyKind.Nps => "nps",
        SurveyKind.Ces => "ces",
        _ => throw new ArgumentOutOfRangeException(nameof(survey), survey, "Not a survey kind of the contract."),
    };
}
