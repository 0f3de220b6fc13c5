using Wallboard.Engine;
using Wallboard.Server.Alerts.Delivery;

using Wallboard.Server.Hosting;

namespace Wallboard.Server.Alerts;

/// <summary><c>GET /api/v1/alerts</c> and <c>POST /api/v1/alerts/{id}/ack</c>.</summary>
internal static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts", GetAlertsAsync)
            .WithName("GetAlerts")
            .WithSummary("Active alerts, pending breaches, and alerts resolved within the history retention (7 days).");
        app.MapPost("/api/v1/alerts/{id}/ack", Acknowledge)
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an active alert: who, and an optional note. Stops repeats and escalation.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<AlertsPayload> GetAlertsAsync(
        AlertService alerts, AlertStore store, LastValidOptions<AlertsOptions> rules, LastValidOptions<AlertDeliveryOptions> delivery, WallboardEngine engine)
    {
        IReadOnlyList<AlertPayload> recent;
        try
        {
            // On the engine's clock, like the alerts' times and the store's trimming (they differ from the
            // wall clock on the event clock and in a replay).
            recent = await store.RecentAsync(engine.Clock - rules.Value.HistoryRetention, limit: 500);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            // The active alerts live in memory: the console still gets them while Redis is away.
            recent = [];
        }

        // Rules and delivery share the section: an edit refused by either is one the operator has to fix.
        var configError = string.Join("; ", new[] { rules.Error, delivery.Error }.OfType<string>());
        return alerts.Snapshot(recent, configError.Length == 0 ? null : configError);
    }

    private static IResult Acknowledge(string id, AcknowledgeRequest? request, AlertService alerts)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.By) || request.By.Length > 128 || request.Note?.Length > 2000)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Who acknowledges?",
                detail: "the body must be {\"by\": \"name (1 to 128 characters)\", \"note\": \"optional, up to 2000 characters\"}");
        }

        return alerts.Acknowledge(id, request.By.Trim(), request.Note) is { } alert
            ? Results.Ok(alert)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such active alert", detail: $"no active alert has the id '{id}'");
    }
}
