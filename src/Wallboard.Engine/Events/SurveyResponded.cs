namespace Wallboard.Engine.Events;

/// <summary>One survey answer. Missing queue, channel and agent are taken from the named contact or ticket.</summary>
public sealed record SurveyResponded(
    string Id,
    DateTimeOffset Timestamp,
    SurveyKind Survey,
    double Score,
    string? ContactId,
    string? TicketId,
    string? AgentId,
    string? Queue,
    string? Channel)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.SurveyResponded;
}
