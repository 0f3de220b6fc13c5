namespace Wallboard.Engine.Events;

/// <summary>The contact is handed to another queue, agent or tier; a transfer to a queue is followed by a new <c>contact.queued</c>.</summary>
public sealed record ContactTransferred(string Id, DateTimeOffset Timestamp, string ContactId, string? ToQueue, bool Escalation)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.ContactTransferred;
}
