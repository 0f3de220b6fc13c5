namespace Wallboard.Server.Alerts.Delivery;

/// <summary>The body of <c>GET /api/v1/alerts/{id}/deliveries</c>: every delivery attempt for the alert, oldest first.</summary>
internal sealed record AlertDeliveriesPayload(string AlertId, IReadOnlyList<DeliveryAttempt> Deliveries);
