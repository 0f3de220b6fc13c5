namespace Wallboard.Engine.Events;

/// <summary>A solved ticket is open again and back in the backlog.</summary>
public sealed record TicketReopened(string Id, DateTimeOffset Timestamp, string TicketId)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.TicketReopened;
}
