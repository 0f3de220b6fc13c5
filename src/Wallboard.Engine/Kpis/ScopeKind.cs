namespace Wallboard.Engine.Kpis;

/// <summary>What a scope groups: everything, a queue, a channel, a team, an agent or a ticket category.</summary>
public enum ScopeKind
{
    All,
    Queue,
    Channel,
    Team,
    Agent,
    Category,
}
