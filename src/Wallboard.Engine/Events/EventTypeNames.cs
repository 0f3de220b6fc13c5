using System.Collections.Frozen;

namespace Wallboard.Engine.Events;

/// <summary>Wire names of the event types (<c>contact.queued</c>, …).</summary>
public static class EventTypeNames
{
    private static readonly FrozenDictionary<EventType, string> Names = new Dictionary<EventType, string>
    {
        [EventType.ContactQueued] = "contact.queued",
        [EventType.ContactAnswered] = "contact.answered",
        [EventType.ContactAbandoned] = "contact.abandoned",
        [EventType.ContactTransferred] = "contact.transferred",
        [EventType.ContactCompleted] = "contact.completed",
        [EventType.AgentState] = "agent.state",
        [EventType.TicketCreated] = "ticket.created",
        [EventType.TicketMessage] = "ticket.message",
        [EventType.TicketEscalated] = "ticket.escalated",
        [EventType.TicketResolved] = "ticket.resolved",
        [EventType.TicketReopened] = "ticket.reopened",
        [EventType.SurveyResponded] = "survey.responded",
        [EventType.SentimentScored] = "sentiment.scored",
        [EventType.SelfServiceSession] = "selfservice.session",
        [EventType.MetricRecorded] = "metric.recorded",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, EventType> Types =
        Names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every wire name, in contract order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<EventType>().Select(type => Names[type])];

    public static string ToWireName(this EventType type) => Names[type];

    public static bool TryParse(string wireName, out EventType type) => Types.TryGetValue(wireName, out type);
}
