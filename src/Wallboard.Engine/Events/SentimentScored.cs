namespace Wallboard.Engine.Events;

/// <summary>An upstream model's sentiment score (0–100) of one interaction.</summary>
public sealed record SentimentScored(
    string Id,
    DateTimeOffset Timestamp,
    double Score,
    string? ContactId,
    string? TicketId,
    string? Queue,
    string? Channel)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.SentimentScored;
}
