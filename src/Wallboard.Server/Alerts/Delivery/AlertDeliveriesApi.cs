namespace Wallboard.Server.Alerts.Delivery;

/// <summary><c>GET /api/v1/alerts/{id}/deliveries</c>: what was sent where for an alert, and how each attempt went.</summary>
internal static class AlertDeliveriesApi
{
    public static IEndpointRouteBuilder MapAlertDeliveries(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/alerts/{id}/deliveries", GetDeliveriesAsync)
            .WithName("GetAlertDeliveries")
            .WithSummary("Every notification attempt for an alert (channel, change, outcome, status, next attempt), oldest first. URLs and keys never appear.");
        return app;
    }

    private static async Task<AlertDeliveriesPayload> GetDeliveriesAsync(string id, DeliveryLog log) =>
        new(id, await log.ForAlertAsync(id));
}
