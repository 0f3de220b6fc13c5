using Wallboard.Engine;

namespace Wallboard.Server.Agents;

/// <summary>The agents of some queues (all agents when none is named), at the engine clock.</summary>
internal sealed record AgentsPayload(DateTimeOffset AsOf, IReadOnlyList<string> Queues, IReadOnlyList<AgentPayload> Agents)
{
    public static AgentsPayload Of(WallboardEngine engine, IReadOnlyList<string> queues)
    {
        var agents = engine.Agents()
            .Where(agent => queues.Count == 0 || agent.Queues.Any(queues.Contains))
            .OrderBy(agent => agent.Name ?? agent.AgentId, StringComparer.Ordinal)
            .Select(agent => new AgentPayload(
                agent.AgentId, agent.Name, agent.State.ToString().ToLowerInvariant(), agent.Since, agent.Queues, agent.Team))
            .ToList();
        return new AgentsPayload(engine.Clock, queues, agents);
    }
}
