namespace Wallboard.Engine.Events;

/// <summary>The event types of the contract; <see cref="EventTypeNames"/> maps them to their wire names.</summary>
public enum EventType
{
    ContactQueued,
    ContactAnswered,
    ContactAbandoned,
    ContactTransferred,
    ContactCompleted,
    AgentState,
    TicketCreated,
    TicketMessage,
    TicketEscalated,
    TicketResolved,
    TicketReopened,
    SurveyResponded,
    SentimentScored,
    SelfServiceSession,
    MetricRecorded,
}
