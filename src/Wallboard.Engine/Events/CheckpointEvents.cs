using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Events;

/// <summary>
/// Events inside a checkpoint, in a compact binary form: the type, the id, the timestamp (see
/// <see cref="CheckpointWriter.WriteTimestamp"/>), then the type's fields in the contract's order. Every field
/// comes back exactly, optional ones included: the same strings, the same instant and offset, the same bits
/// of every number.
/// </summary>
/// <remarks>
/// Contract JSON cost a parse per event on restore and a writer per event on save, and made up most of the
/// checkpoint's size (the field names of every event); here names that repeat (queues, channels, agents)
/// are numbered once per checkpoint and ids equal to the owner's cost one byte.
/// </remarks>
internal static class CheckpointEvents
{
    // ContactCompleted's optional resolved flag and its outcome, in one byte.
    private const byte HasResolved = 1;
    private const byte IsResolved = 2;
    private const byte UpsellOffered = 4;
    private const byte UpsellAccepted = 8;
    private const byte CancellationRequested = 16;
    private const byte Saved = 32;

    private static readonly int AgentStates = Enum.GetValues<AgentState>().Length;
    private static readonly int Authors = Enum.GetValues<MessageAuthor>().Length;
    private static readonly int SurveyKinds = Enum.GetValues<SurveyKind>().Length;

    public static void Write(CheckpointWriter writer, WallboardEvent evt)
    {
        writer.WriteByte((byte)evt.Type);
        writer.WriteId(evt.Id);
        writer.WriteTimestamp(evt.Timestamp);
        switch (evt)
        {
            case ContactQueued queued:
                writer.WriteId(queued.ContactId);
                writer.WriteName(queued.Queue);
                writer.WriteName(queued.Channel);
                writer.WriteId(queued.CustomerId);
                break;
            case ContactAnswered answered:
                writer.WriteId(answered.ContactId);
                writer.WriteName(answered.AgentId);
                break;
            case ContactAbandoned abandoned:
                writer.WriteId(abandoned.ContactId);
                break;
            case ContactTransferred transferred:
                writer.WriteId(transferred.ContactId);
                writer.WriteName(transferred.ToQueue);
                writer.WriteBoolean(transferred.Escalation);
                break;
            case ContactCompleted completed:
                WriteCompleted(writer, completed);
                break;
            case AgentStateChanged agent:
                WriteAgentState(writer, agent);
                break;
            case TicketCreated created:
                writer.WriteId(created.TicketId);
                writer.WriteName(created.Channel);
                writer.WriteName(created.Queue);
                writer.WriteName(created.Priority);
                writer.WriteName(created.Category);
                writer.WriteId(created.CustomerId);
                break;
            case TicketMessagePosted message:
                writer.WriteId(message.TicketId);
                writer.WriteByte((byte)message.Author);
                writer.WriteName(message.AgentId);
                break;
            case TicketEscalated escalated:
                writer.WriteId(escalated.TicketId);
                writer.WriteName(escalated.Tier);
                break;
            case TicketResolved resolved:
                writer.WriteId(resolved.TicketId);
                writer.WriteName(resolved.AgentId);
                break;
            case TicketReopened reopened:
                writer.WriteId(reopened.TicketId);
                break;
            case SurveyResponded survey:
                writer.WriteByte((byte)survey.Survey);
                writer.WriteNumber(survey.Score);
                writer.WriteId(survey.ContactId);
                writer.WriteId(survey.TicketId);
                writer.WriteName(survey.AgentId);
                writer.WriteName(survey.Queue);
                writer.WriteName(survey.Channel);
                break;
            case SentimentScored sentiment:
                writer.WriteNumber(sentiment.Score);
                writer.WriteId(sentiment.ContactId);
                writer.WriteId(sentiment.TicketId);
                writer.WriteName(sentiment.Queue);
                writer.WriteName(sentiment.Channel);
                break;
            case SelfServiceSessionEnded session:
                writer.WriteId(session.SessionId);
                writer.WriteName(session.Channel);
                writer.WriteBoolean(session.Resolved);
                break;
            case MetricRecorded metric:
                writer.WriteName(metric.Name);
                writer.WriteNumber(metric.Value);
                writer.WriteName(metric.Unit);
                writer.WriteName(metric.Scope);
                break;
            default:
                throw new ArgumentException($"No checkpoint form for event type {evt.GetType().Name}.", nameof(evt));
        }
    }

    /// <summary>The events of one contact, agent or ticket: their count, then each, the owner's id costing one byte.</summary>
    public static void WriteOwned<T>(CheckpointWriter writer, string owner, ReadOnlySpan<T> events)
        where T : WallboardEvent
    {
        writer.WriteCount(events.Length);
        writer.Owner = owner;
        foreach (var owned in events)
        {
            Write(writer, owned);
        }

        writer.Owner = null;
    }

    /// <summary>Reads what <see cref="WriteOwned"/> wrote into <paramref name="into"/>.</summary>
    public static void ReadOwned<T>(CheckpointReader reader, string owner, List<T> into)
        where T : WallboardEvent
    {
        var count = reader.ReadCount();
        reader.Owner = owner;
        for (var i = 0; i < count; i++)
        {
            into.Add(Read(reader) as T ?? throw new InvalidDataException($"A checkpointed event of {owner} is not a {typeof(T).Name}."));
        }

        reader.Owner = null;
    }

    public static WallboardEvent Read(CheckpointReader reader)
    {
        var type = reader.ReadByte();
        var id = reader.ReadRequiredString();
        var timestamp = reader.ReadTimestamp();
        return (EventType)type switch
        {
            EventType.ContactQueued => new ContactQueued(
                id, timestamp, reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadString()),
            EventType.ContactAnswered => new ContactAnswered(id, timestamp, reader.ReadRequiredString(), reader.ReadRequiredString()),
            EventType.ContactAbandoned => new ContactAbandoned(id, timestamp, reader.ReadRequiredString()),
            EventType.ContactTransferred => new ContactTransferred(id, timestamp, reader.ReadRequiredString(), reader.ReadString(), reader.ReadBoolean()),
            EventType.ContactCompleted => ReadCompleted(reader, id, timestamp),
            EventType.AgentState => ReadAgentState(reader, id, timestamp),
            EventType.TicketCreated => new TicketCreated(
                id, timestamp, reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString()),
            EventType.TicketMessage => new TicketMessagePosted(id, timestamp, reader.ReadRequiredString(), (MessageAuthor)ReadSmall(reader, Authors, "message author"), reader.ReadString()),
            EventType.TicketEscalated => new TicketEscalated(id, timestamp, reader.ReadRequiredString(), reader.ReadString()),
            EventType.TicketResolved => new TicketResolved(id, timestamp, reader.ReadRequiredString(), reader.ReadString()),
            EventType.TicketReopened => new TicketReopened(id, timestamp, reader.ReadRequiredString()),
            EventType.SurveyResponded => new SurveyResponded(
                id, timestamp, (SurveyKind)ReadSmall(reader, SurveyKinds, "survey kind"), reader.ReadNumber(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString()),
            EventType.SentimentScored => new SentimentScored(
                id, timestamp, reader.ReadNumber(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString()),
            EventType.SelfServiceSession => new SelfServiceSessionEnded(id, timestamp, reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadBoolean()),
            EventType.MetricRecorded => new MetricRecorded(id, timestamp, reader.ReadRequiredString(), reader.ReadNumber(), reader.ReadString(), reader.ReadString()),
            _ => throw new InvalidDataException($"A checkpointed event has the unknown type {type}."),
        };
    }

    private static void WriteCompleted(CheckpointWriter writer, ContactCompleted completed)
    {
        writer.WriteId(completed.ContactId);
        writer.WriteName(completed.AgentId);
        writer.WriteNumber(completed.TalkSeconds);
        writer.WriteNumber(completed.HoldSeconds);
        writer.WriteNumber(completed.WrapSeconds);
        var outcome = completed.Outcome;
        writer.WriteByte((byte)(
            (completed.Resolved is null ? 0 : HasResolved)
            | (completed.Resolved == true ? IsResolved : 0)
            | (outcome.UpsellOffered ? UpsellOffered : 0)
            | (outcome.UpsellAccepted ? UpsellAccepted : 0)
            | (outcome.CancellationRequested ? CancellationRequested : 0)
            | (outcome.Saved ? Saved : 0)));
    }

    private static ContactCompleted ReadCompleted(CheckpointReader reader, string id, DateTimeOffset timestamp)
    {
        var contactId = reader.ReadRequiredString();
        var agentId = reader.ReadRequiredString();
        var talk = reader.ReadNumber();
        var hold = reader.ReadNumber();
        var wrap = reader.ReadNumber();
        var flags = reader.ReadByte();
        bool? resolved = (flags & HasResolved) == 0 ? null : (flags & IsResolved) != 0;
        var outcome = (flags & (UpsellOffered | UpsellAccepted | CancellationRequested | Saved)) == 0
            ? ContactOutcome.None
            : new ContactOutcome((flags & UpsellOffered) != 0, (flags & UpsellAccepted) != 0, (flags & CancellationRequested) != 0, (flags & Saved) != 0);
        return new ContactCompleted(id, timestamp, contactId, agentId, talk, hold, wrap, resolved, outcome);
    }

    // Queues: a count plus one (0 when absent, which keeps the last known queues, unlike an empty list).
    private static void WriteAgentState(CheckpointWriter writer, AgentStateChanged agent)
    {
        writer.WriteName(agent.AgentId);
        writer.WriteByte((byte)agent.State);
        writer.WriteCount(agent.Queues is { } queues ? queues.Count + 1 : 0);
        foreach (var queue in agent.Queues ?? [])
        {
            writer.WriteName(queue);
        }

        writer.WriteName(agent.Team);
        writer.WriteName(agent.Name);
        writer.WriteName(agent.Reason);
    }

    private static AgentStateChanged ReadAgentState(CheckpointReader reader, string id, DateTimeOffset timestamp)
    {
        var agentId = reader.ReadRequiredString();
        var state = (AgentState)ReadSmall(reader, AgentStates, "agent state");
        var queueCount = reader.ReadCount();
        string[]? queues = null;
        if (queueCount > 0)
        {
            queues = new string[queueCount - 1];
            for (var i = 0; i < queues.Length; i++)
            {
                queues[i] = reader.ReadRequiredString();
            }
        }

        return new AgentStateChanged(id, timestamp, agentId, state, queues, reader.ReadString(), reader.ReadString(), reader.ReadString());
    }

    // The contract's enums are numbered from 0 without gaps.
    private static int ReadSmall(CheckpointReader reader, int count, string what)
    {
        var value = reader.ReadByte();
        return value < count ? value : throw new InvalidDataException($"A checkpointed event holds {value}, not a {what}.");
    }
}
