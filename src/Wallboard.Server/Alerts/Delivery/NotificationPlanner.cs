using Wallboard.Engine.Alerts;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// Decides whom to tell, and why: a change (fired, escalated, acknowledged, no data, resolved) or the passing
/// of time (a reminder while firing unacknowledged, escalation after the route's delay). Clearing, rebreached,
/// data-returned and de-escalated changes tell nobody. Pure: the notifier keeps the state.
/// </summary>
internal sealed class NotificationPlanner(AlertDeliveryOptions delivery, IReadOnlyDictionary<string, AlertRuleOptions> rules)
{
    public const string DefaultRoute = "default";

    public string RouteOf(string ruleId) => rules.TryGetValue(ruleId, out var rule) ? rule.Route : DefaultRoute;

    /// <summary>
    /// The notifications of one change. Fired and escalated go to the route's channels for the severity;
    /// acknowledged, no data and resolved go to the channels told about the alert (<paramref name="told"/>;
    /// when unknown, the route's channels for the highest severity the alert reached). <paramref name="route"/>
    /// is the route the alert was notified on, when known: a rule removed by a reload still resolves there.
    /// </summary>
    public IReadOnlyList<Notification> ForChange(AlertChange change, AlertPayload alert, IReadOnlySet<string>? told, string? route = null)
    {
        NotificationKind? kind = change.Transition.Kind switch
        {
            AlertChangeKind.Fired => NotificationKind.Fired,
            AlertChangeKind.Escalated => NotificationKind.Escalated,
            AlertChangeKind.Acknowledged => NotificationKind.Acknowledged,
            AlertChangeKind.NoData => NotificationKind.NoData,
            AlertChangeKind.Resolved => NotificationKind.Resolved,
            _ => null,
        };
        var routeName = route ?? RouteOf(alert.RuleId);
        var options = delivery.Route(routeName);
        if (kind is not { } notified)
        {
            return [];
        }

        IEnumerable<string> channels = notified is NotificationKind.Fired or NotificationKind.Escalated
            ? options?.ChannelsFor(alert.Severity) ?? []
            : told ?? options?.ChannelsFor(HighestSeverity(alert)).Concat(options.EscalateTo) ?? [];

        // Fired and resolved happen once per alert; the others are told apart by their step in the timeline.
        var sequence = notified is NotificationKind.Fired or NotificationKind.Resolved ? 0 : alert.Timeline.Count - 1;
        return Make(notified, routeName, channels, sequence, alert, change.Transition.At);
    }

    /// <summary>Reminders and escalation due at <paramref name="now"/> (alert clock) for a firing, unacknowledged alert.</summary>
    public IReadOnlyList<Notification> Due(WatchedAlert watched, DateTimeOffset now)
    {
        var alert = watched.Alert;
        var routeName = watched.Route;
        if (alert is not { Phase: "firing", Acknowledged: null, FiredAt: { } firedAt } || delivery.Route(routeName) is not { } route)
        {
            return [];
        }

        var due = new List<Notification>();
        var clearing = alert.Timeline.Count > 0 && alert.Timeline[^1].Kind == "clearing";
        if (route.RepeatEvery is { } every && every > TimeSpan.Zero && !clearing)
        {
            var reminder = (int)Math.Floor((now - firedAt) / every);
            if (reminder >= 1 && reminder > watched.Reminders)
            {
                watched.Reminders = reminder;
                due.AddRange(Make(NotificationKind.Reminder, routeName, route.ChannelsFor(alert.Severity), reminder, alert, firedAt + (every * reminder)));
            }
        }

        if (route.EscalateAfter is { } after && !watched.Escalated && now - firedAt >= after)
        {
            watched.Escalated = true;
            due.AddRange(Make(NotificationKind.Unacknowledged, routeName, route.EscalateTo, 0, alert, firedAt + after));
        }

        return due;
    }

    private List<Notification> Make(NotificationKind kind, string route, IEnumerable<string> channels, int sequence, AlertPayload alert, DateTimeOffset at)
    {
        var threshold = AlertText.Threshold(rules.GetValueOrDefault(alert.RuleId), alert.Severity);
        return [.. channels.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(channel => delivery.Channel(channel) is { } options && Tells(options.Kind, kind))
            .Select(channel => new Notification(kind, route, channel, sequence, alert, at, threshold))];
    }

    // PagerDuty has its own reminders and knows nothing of "no data": it is told trigger, acknowledge and resolve only.
    private static bool Tells(AlertChannelKind channel, NotificationKind kind) =>
        channel != AlertChannelKind.PagerDuty || PagerDutyEvent.Action(kind) is not null;

    private static string HighestSeverity(AlertPayload alert) =>
        alert.Severity == "critical" || alert.Timeline.Any(step => step.Severity == "critical") ? "critical" : "warning";
}
