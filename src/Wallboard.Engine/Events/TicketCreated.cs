namespace Wallboard.Engine.Events;

/// <summary>A new request; counts as the customer's first message.</summary>
public sealed record TicketCreated(
    string Id,
    DateTimeOffset Timestamp,
    string TicketId,
    string Channel,
    string? Queue,
    string? Priority,
    string? Category,
    string? CustomerId)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.TicketCreated;
}
