using Wallboard.Engine;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Api;

/// <summary><c>GET /api/v1/kpis</c> and <c>GET /api/v1/scopes</c>, read from the engine's memory.</summary>
internal static class KpiApi
{
    public static IEndpointRouteBuilder MapKpis(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/kpis", GetKpis)
            .WithName("GetKpis")
            .WithSummary("Current values of one scope in one window (scope defaults to all, window to the shortest sliding window); explain=true adds numerators, denominators and settings.")
            .Produces<KpiPayload>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/v1/scopes", (WallboardEngine engine) => new ScopesPayload([.. engine.Scopes().Select(scope => scope.ToString())]))
            .WithName("GetScopes")
            .WithSummary("The scopes seen so far.");
        return app;
    }

    private static IResult GetKpis(string? scope, string? window, bool? explain, WallboardEngine engine)
    {
        ScopeId? scopeId = ScopeId.All;
        if (scope is not null && !ScopeId.TryParse(scope, out scopeId))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown scope form",
                detail: $"scope '{scope}' is not 'all' or kind:name with kind one of queue, channel, team, agent, category");
        }

        WindowId? windowId = engine.Windows.First(candidate => candidate.Kind == WindowKind.Sliding);
        if (window is not null && (!WindowId.TryParse(window, out windowId) || !engine.Windows.Contains(windowId.Value)))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown window",
                detail: $"window '{window}' is not one of {string.Join(", ", engine.Windows)}");
        }

        var values = engine.Read(scopeId.Value, windowId.Value);
        var payload = KpiPayload.From(scopeId.Value, windowId.Value, engine.Clock, values);
        return Results.Ok(explain == true ? payload with { Explain = KpiExplanation.Of(engine, scopeId.Value, windowId.Value) } : payload);
    }
}
