namespace Wallboard.Engine.Events;

/// <summary>The customer leaves the queue before an answer.</summary>
public sealed record ContactAbandoned(string Id, DateTimeOffset Timestamp, string ContactId)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.ContactAbandoned;
}
