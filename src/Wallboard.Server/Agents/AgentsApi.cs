using Wallboard.Engine;

namespace Wallboard.Server.Agents;

/// <summary><c>GET /api/v1/agents?queues=a,b</c>: the agents of those queues with their state and time in state.</summary>
internal static class AgentsApi
{
    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/agents", (string? queues, WallboardEngine engine) => AgentsPayload.Of(engine, ParseQueues(queues)))
            .WithName("GetAgents")
            .WithSummary("Agents of the named queues (comma-separated; all agents when omitted) with state and since when.");
        return app;
    }

    public static IReadOnlyList<string> ParseQueues(string? queues) =>
        queues is null ? [] : [.. queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
