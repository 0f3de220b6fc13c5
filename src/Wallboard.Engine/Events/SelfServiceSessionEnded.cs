namespace Wallboard.Engine.Events;

/// <summary>A knowledge-base, bot or FAQ session (<c>selfservice.session</c>); resolved = ended without asking for an agent.</summary>
public sealed record SelfServiceSessionEnded(string Id, DateTimeOffset Timestamp, string SessionId, string Channel, bool Resolved)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.SelfServiceSession;
}
