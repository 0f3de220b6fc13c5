using Wallboard.Engine;

namespace Wallboard.Server.Agents;

/// <summary><c>GET /api/v1/agents?queues=a,b</c>: the agents of those queues with their state and time in state; <c>GET /api/v1/agents/ranking</c>: the ranked per-agent view.</summary>
internal static class AgentsApi
{
    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/agents", (string? queues, WallboardEngine engine) => AgentsPayload.Of(engine, ParseQueues(queues)))
            .WithName("GetAgents")
            .WithSummary("Agents of the named queues (comma-separated; all agents when omitted) with state and since when.");
        return app.MapAgentRanking();
    }

    /// <summary><c>GET /api/v1/agents/ranking?window=W&amp;by=K</c>: every agent's own KPIs in one window, best first by one of them.</summary>
    public static IEndpointRouteBuilder MapAgentRanking(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/agents/ranking", (string? window, string? by, WallboardEngine engine) => AgentRanking.Get(window, by, engine))
            .WithName("GetAgentRanking")
            .WithSummary("Every agent with handled, answered, aht, fcr, ticketsResolved, csat, csatResponses and occupancy in one rolling window (default the shortest), best first by one of them (default handled).")
            .Produces<AgentRankingPayload>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static IReadOnlyList<string> ParseQueues(string? queues) =>
        queues is null ? [] : [.. queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
