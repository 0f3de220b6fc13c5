namespace Wallboard.Engine.Events;

/// <summary>A ticket moved to a higher tier; <paramref name="Tier"/> keeps the producer's label (a string or a number).</summary>
public sealed record TicketEscalated(string Id, DateTimeOffset Timestamp, string TicketId, string? Tier)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.TicketEscalated;
}
