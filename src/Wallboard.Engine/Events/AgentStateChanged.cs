namespace Wallboard.Engine.Events;

/// <summary>An agent's state from <see cref="WallboardEvent.Timestamp"/> on. Absent queues, team and name keep their last known values.</summary>
public sealed record AgentStateChanged(
    string Id,
    DateTimeOffset Timestamp,
    string AgentId,
    AgentState State,
    IReadOnlyList<string>? Queues,
    string? Team,
    string? Name,
    string? Reason)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.AgentState;
}
