using Wallboard.Engine.Alerts;
using Wallboard.Server.Alerts;
using Wallboard.Server.Alerts.Delivery;

namespace Wallboard.Server.Tests.Alerts.Delivery;

/// <summary>Alerts and notifications with fixed values, for exact payload assertions.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Breached = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Fired = Breached.AddMinutes(1);
    public const string ConsoleUrl = "https://wallboard.example.com/alerts";

    /// <summary>Service level (15m) on a queue at 65.2 %, critical since 09:01.</summary>
    public static AlertPayload Alert(
        string queue = "sales", string severity = "critical", double? value = 65.2, string phase = "firing",
        Acknowledgement? acknowledged = null, DateTimeOffset? resolvedAt = null, params AlertTimelineEntry[] more) => new(
        $"service-level-queues|queue:{queue}|{Fired.ToUnixTimeSeconds()}",
        "service-level-queues",
        $"queue:{queue}",
        "serviceLevel",
        "Service level",
        "15m",
        phase,
        severity,
        value,
        Breached,
        Fired,
        resolvedAt,
        acknowledged,
        [new AlertTimelineEntry("fired", Fired, severity, value, null, null), .. more]);

    public static Notification Notification(NotificationKind kind, AlertPayload alert, string channel = "slack", int sequence = 0, DateTimeOffset? at = null) =>
        new(kind, "oncall", channel, sequence, alert, at ?? Fired, alert.Severity == "critical" ? "below 70 %" : "below 80 %");

    public static OutboundMessage Message(NotificationKind kind, params AlertPayload[] alerts) => Message(kind, "slack", alerts);

    public static OutboundMessage Message(NotificationKind kind, string channel, params AlertPayload[] alerts) =>
        new("m1", "oncall", channel, kind, [.. alerts.Select(alert => Notification(kind, alert, channel))]);
}
