using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// A PagerDuty Events API v2 event for one alert: trigger (fired, escalated, unacknowledged), acknowledge or
/// resolve, all on the same <c>dedup_key</c> (the alert id), so that PagerDuty keeps one incident per alert.
/// </summary>
internal static class PagerDutyEvent
{
    public const int MaxDedupKeyLength = 255;
    private const int MaxSummaryLength = 1024;

    /// <summary>The event action for a notification kind; null for kinds PagerDuty is not told (no data, reminders).</summary>
    public static string? Action(NotificationKind kind) => kind switch
    {
        NotificationKind.Fired or NotificationKind.Escalated or NotificationKind.Unacknowledged => "trigger",
        NotificationKind.Acknowledged => "acknowledge",
        NotificationKind.Resolved => "resolve",
        _ => null,
    };

    /// <summary>The alert id, which is stable for the alert's life; one too long for PagerDuty is cut and given a hash.</summary>
    public static string DedupKey(string alertId)
    {
        if (alertId.Length <= MaxDedupKeyLength)
        {
            return alertId;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(alertId)))[..32];
        return alertId[..(MaxDedupKeyLength - hash.Length - 1)] + "#" + hash;
    }

    public static JsonObject Build(OutboundMessage message, string routingKey, string source, string? consoleUrl)
    {
        var notification = message.Notifications.Single();
        var action = Action(message.Kind) ?? throw new InvalidOperationException($"PagerDuty is not told of {message.Kind}.");
        var body = new JsonObject
        {
            ["routing_key"] = routingKey,
            ["event_action"] = action,
            ["dedup_key"] = DedupKey(notification.Alert.Id),
        };
        if (action != "trigger")
        {
            return body;
        }

        var alert = notification.Alert;
        body["payload"] = new JsonObject
        {
            ["summary"] = Cut(message.Kind == NotificationKind.Unacknowledged ? AlertText.Summary(message) : AlertText.Line(notification)),
            ["source"] = source,
            ["severity"] = alert.Severity == "critical" ? "critical" : "warning",
            ["timestamp"] = (alert.FiredAt ?? notification.At).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            ["component"] = alert.Scope,
            ["group"] = alert.RuleId,
            ["class"] = alert.Kpi,
            ["custom_details"] = new JsonObject
            {
                ["alertId"] = alert.Id,
                ["change"] = message.Kind.Wire(),
                ["kpi"] = alert.KpiLabel,
                ["window"] = alert.Window,
                ["value"] = alert.Value,
                ["threshold"] = notification.Threshold,
                ["breachedSince"] = alert.BreachedSince,
                ["firedAt"] = alert.FiredAt,
                ["route"] = message.Route,
            },
        };
        body["client"] = "Wallboard";
        if (consoleUrl is not null)
        {
            body["client_url"] = consoleUrl;
        }

        return body;
    }

    private static string Cut(string text) => text.Length <= MaxSummaryLength ? text : text[..(MaxSummaryLength - 1)] + "…";
}
