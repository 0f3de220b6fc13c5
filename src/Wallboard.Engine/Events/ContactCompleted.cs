namespace Wallboard.Engine.Events;

/// <summary>Handling is finished, after-contact work included; the durations are what the ACD measured.</summary>
public sealed record ContactCompleted(
    string Id,
    DateTimeOffset Timestamp,
    string ContactId,
    string AgentId,
    double TalkSeconds,
    double HoldSeconds,
    double WrapSeconds,
    bool? Resolved,
    ContactOutcome Outcome)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.ContactCompleted;
}
