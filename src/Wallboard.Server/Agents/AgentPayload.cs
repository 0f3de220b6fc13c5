namespace Wallboard.Server.Agents;

/// <summary>One agent in the agent view: state (lower case, as in the contract), since when, queues and team.</summary>
internal sealed record AgentPayload(string Id, string? Name, string State, DateTimeOffset? Since, IReadOnlyList<string> Queues, string? Team);
