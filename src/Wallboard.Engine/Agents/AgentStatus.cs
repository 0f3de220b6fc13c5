using Wallboard.Engine.Events;

namespace Wallboard.Engine.Agents;

/// <summary>An agent as the agent view shows it: state, since when, queues and team.</summary>
public sealed record AgentStatus(string AgentId, string? Name, AgentState State, DateTimeOffset? Since, IReadOnlyList<string> Queues, string? Team);
