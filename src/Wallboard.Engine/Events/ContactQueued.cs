namespace Wallboard.Engine.Events;

/// <summary>A contact enters a queue (is offered). Its queue and channel hold until the next <c>contact.queued</c>.</summary>
public sealed record ContactQueued(string Id, DateTimeOffset Timestamp, string ContactId, string Queue, string Channel, string? CustomerId)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.ContactQueued;
}
