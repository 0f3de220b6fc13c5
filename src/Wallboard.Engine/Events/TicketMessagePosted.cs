namespace Wallboard.Engine.Events;

/// <summary>A public message on a ticket (<c>ticket.message</c>).</summary>
public sealed record TicketMessagePosted(string Id, DateTimeOffset Timestamp, string TicketId, MessageAuthor Author, string? AgentId)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.TicketMessage;
}
