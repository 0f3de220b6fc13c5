namespace Wallboard.Server.Alerts;

/// <summary>
/// The body of <c>GET /api/v1/alerts</c>: active alerts, breaches still pending, and recently resolved ones;
/// <see cref="ConfigError"/> says why the last edit of the <c>Alerts</c> section was refused (null when the
/// configuration in use is the current one).
/// </summary>
internal sealed record AlertsPayload(
    DateTimeOffset AsOf, IReadOnlyList<AlertPayload> Active, IReadOnlyList<AlertPayload> Pending, IReadOnlyList<AlertPayload> Recent, string? ConfigError);
