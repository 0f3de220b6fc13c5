namespace Wallboard.Engine.Events;

/// <summary>An agent accepts the contact; its wait ends here.</summary>
public sealed record ContactAnswered(string Id, DateTimeOffset Timestamp, string ContactId, string AgentId)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.ContactAnswered;
}
