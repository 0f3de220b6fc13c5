using System.Globalization;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>The words every channel uses for an alert, so that Slack, Teams and PagerDuty say the same thing.</summary>
internal static class AlertText
{
    /// <summary>The message's headline: <c>Critical alert fired</c>, <c>10 alerts fired</c>, <c>Alert resolved</c>…</summary>
    public static string Header(OutboundMessage message)
    {
        var count = message.Notifications.Count;
        var first = message.Notifications[0];
        var subject = count == 1 ? "Alert" : $"{count} alerts";
        return message.Kind switch
        {
            NotificationKind.Fired => count == 1 ? $"{Title(first.Alert.Severity)} alert fired" : $"{count} alerts fired",
            NotificationKind.Escalated => $"{subject} escalated to critical",
            NotificationKind.Acknowledged => $"{subject} acknowledged",
            NotificationKind.NoData => $"{subject} without data",
            NotificationKind.Resolved => $"{subject} resolved",
            NotificationKind.Reminder => $"{subject} still firing, not acknowledged",
            NotificationKind.Unacknowledged => $"{subject} unacknowledged for {Duration(message.Notifications.Min(Unacknowledged))}",
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Kind, "unknown notification kind"),
        };
    }

    /// <summary>One alert in one line, worded for the kind of message.</summary>
    public static string Line(Notification notification)
    {
        var alert = notification.Alert;
        return notification.Kind switch
        {
            NotificationKind.Acknowledged => alert.Acknowledged is { } ack
                ? $"{Subject(alert)}: acknowledged by {ack.By}" + (string.IsNullOrWhiteSpace(ack.Note) ? string.Empty : $": {ack.Note}")
                : $"{Subject(alert)}: acknowledged",
            NotificationKind.NoData => $"{Subject(alert)}: no data, the alert stays open",
            NotificationKind.Resolved => $"{Subject(alert)}: " + (alert.Value is null ? "no value now, cleared" : $"back at {Value(alert)}") + Lasted(alert),
            _ => $"{Title(alert.Severity)}: {Reading(alert)}" + (notification.Threshold is { } threshold ? $" (threshold {threshold})" : string.Empty),
        };
    }

    /// <summary>A one-line summary of the whole message (Slack's notification text, PagerDuty's summary).</summary>
    public static string Summary(OutboundMessage message)
    {
        if (message.Notifications.Count == 1)
        {
            return $"{Header(message)}: {Line(message.Notifications[0])}";
        }

        const int Named = 3;
        var names = string.Join(", ", message.Notifications.Take(Named).Select(notification => Subject(notification.Alert)));
        var more = message.Notifications.Count > Named ? $", and {message.Notifications.Count - Named} more" : string.Empty;
        return $"{Header(message)}: {names}{more}";
    }

    /// <summary><c>Service level (15m) on queue:sales</c>.</summary>
    public static string Subject(AlertPayload alert) =>
        alert.Window == "now" ? $"{alert.KpiLabel} on {alert.Scope}" : $"{alert.KpiLabel} ({alert.Window}) on {alert.Scope}";

    /// <summary><c>Service level (15m) on queue:sales is 65.2 %</c>.</summary>
    public static string Reading(AlertPayload alert) => $"{Subject(alert)} is {Value(alert)}";

    public static string Title(string severity) => severity == "critical" ? "Critical" : "Warning";

    /// <summary>The value in the KPI's unit: <c>65.2 %</c>, <c>75 s</c>, <c>3</c>.</summary>
    public static string Value(AlertPayload alert) => alert.Value is { } value ? Number(alert.Kpi, value) : "no value";

    /// <summary>A rule's level for a severity in words: <c>below 70 %</c>, <c>above 2</c>, <c>outside 70 %–90 %</c>.</summary>
    public static string? Threshold(AlertRuleOptions? rule, string severity)
    {
        var band = severity == "critical" ? rule?.Critical : rule?.Warning;
        return (band?.Below, band?.Above) switch
        {
            ({ } below, { } above) => $"outside {Number(rule!.Kpi, below)}–{Number(rule.Kpi, above)}",
            ({ } below, null) => $"below {Number(rule!.Kpi, below)}",
            (null, { } above) => $"above {Number(rule!.Kpi, above)}",
            _ => null,
        };
    }

    /// <summary><c>45 s</c>, <c>15 min</c>, <c>2 h 5 min</c>.</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => $"{Math.Max(0, (int)span.TotalSeconds)} s",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { Minutes: 0 } => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalHours} h {span.Minutes} min",
    };

    private static string Number(string kpi, double value)
    {
        var number = value.ToString("0.#", CultureInfo.InvariantCulture);
        var unit = KpiCatalog.TryGet(kpi, out var definition) ? definition!.Unit : KpiUnit.Count;
        return unit switch
        {
            KpiUnit.Percent => number + " %",
            KpiUnit.Seconds => number + " s",
            _ => number,
        };
    }

    private static string Lasted(AlertPayload alert) =>
        alert is { FiredAt: { } fired, ResolvedAt: { } resolved } ? $" after {Duration(resolved - fired)}" : string.Empty;

    private static TimeSpan Unacknowledged(Notification notification) =>
        notification.Alert.FiredAt is { } fired ? notification.At - fired : TimeSpan.Zero;
}
