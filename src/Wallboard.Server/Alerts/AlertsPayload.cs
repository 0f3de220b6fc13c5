namespace Wallboard.Server.Alerts;

/// <summary>The body of <c>GET /api/v1/alerts</c>: active alerts, breaches still pending, and recently resolved ones.</summary>
internal sealed record AlertsPayload(DateTimeOffset AsOf, IReadOnlyList<AlertPayload> Active, IReadOnlyList<AlertPayload> Pending, IReadOnlyList<AlertPayload> Recent);
