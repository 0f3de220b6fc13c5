namespace Wallboard.Engine.Events;

/// <summary>A ticket is solved and leaves the backlog.</summary>
public sealed record TicketResolved(string Id, DateTimeOffset Timestamp, string TicketId, string? AgentId)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.TicketResolved;
}
