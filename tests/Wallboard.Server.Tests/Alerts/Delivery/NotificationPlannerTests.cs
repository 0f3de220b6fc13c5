using Wallboard.Engine.Alerts;
using Wallboard.Server.Alerts;
using Wallboard.Server.Alerts.Delivery;
using static Wallboard.Server.Tests.Alerts.Delivery.Samples;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class NotificationPlannerTests
{
    private static readonly AlertDeliveryOptions Delivery = new()
    {
        Channels = new()
        {
            ["slack"] = new AlertChannelOptions { Kind = AlertChannelKind.Slack, Url = "https://hooks.slack.com/services/T/B/X" },
            ["pagerduty"] = new AlertChannelOptions { Kind = AlertChannelKind.PagerDuty, RoutingKey = "key" },
            ["lead"] = new AlertChannelOptions { Kind = AlertChannelKind.Webhook, Url = "https://lead.example.com/hook" },
        },
        Routes = new()
        {
            ["oncall"] = new AlertRouteOptions
            {
                Warning = ["slack"],
                Critical = ["slack", "pagerduty"],
                RepeatEvery = TimeSpan.FromMinutes(10),
                EscalateAfter = TimeSpan.FromMinutes(15),
                EscalateTo = ["lead"],
            },
        },
    };

    private static readonly Dictionary<string, AlertRuleOptions> Rules = new()
    {
        ["service-level-queues"] = new AlertRuleOptions
        {
            Id = "service-level-queues",
            Kpi = "serviceLevel",
            Scope = "queue:*",
            Warning = new AlertBandOptions { Below = 80, ClearAbove = 82 },
            Critical = new AlertBandOptions { Below = 70, ClearAbove = 72 },
            Route = "oncall",
        },
    };

    private readonly NotificationPlanner _planner = new(Delivery, Rules);

    [Fact]
    public void ForChange_FiredAtWarning_TellsTheWarningChannels()
    {
        var alert = Alert(severity: "warning", value: 78);

        var planned = _planner.ForChange(Change(AlertChangeKind.Fired, alert), alert, told: new HashSet<string>());

        var slack = Assert.Single(planned);
        Assert.Equal(new Notification(NotificationKind.Fired, "oncall", "slack", 0, alert, Fired, "below 80 %"), slack);
    }

    [Fact]
    public void ForChange_FiredAtCritical_TellsSlackAndPagerDuty()
    {
        var alert = Alert();

        var planned = _planner.ForChange(Change(AlertChangeKind.Fired, alert), alert, told: new HashSet<string>());

        Assert.Equal(["slack", "pagerduty"], planned.Select(notification => notification.Channel));
        Assert.All(planned, notification => Assert.Equal("below 70 %", notification.Threshold));
    }

    [Theory]
    [InlineData(AlertChangeKind.Clearing)]
    [InlineData(AlertChangeKind.Rebreached)]
    [InlineData(AlertChangeKind.DataReturned)]
    [InlineData(AlertChangeKind.Deescalated)]
    public void ForChange_QuietChanges_TellNobody(AlertChangeKind kind)
    {
        var alert = Alert();

        Assert.Empty(_planner.ForChange(Change(kind, alert), alert, told: new HashSet<string>(["slack", "pagerduty"])));
    }

    [Fact]
    public void ForChange_Escalated_TellsTheCriticalChannelsWithTheTimelineStep()
    {
        var alert = Alert(more: new AlertTimelineEntry("escalated", Fired.AddMinutes(3), "critical", 65, null, null)) with { Timeline = [new AlertTimelineEntry("fired", Fired, "warning", 78, null, null), new AlertTimelineEntry("escalated", Fired.AddMinutes(3), "critical", 65, null, null)] };

        var planned = _planner.ForChange(Change(AlertChangeKind.Escalated, alert), alert, told: new HashSet<string>(["slack"]));

        Assert.Equal(["escalated|slack|1", "escalated|pagerduty|1"], planned.Select(notification => notification.Key));
    }

    [Fact]
    public void ForChange_AcknowledgedAndResolved_GoToTheChannelsTold()
    {
        var acknowledged = Alert(acknowledged: new Acknowledgement("maria", Fired.AddMinutes(2), null), more: new AlertTimelineEntry("acknowledged", Fired.AddMinutes(2), "critical", 65, "maria", null));
        var resolved = Alert(phase: "resolved", resolvedAt: Fired.AddMinutes(20));
        var told = new HashSet<string>(["slack", "pagerduty", "lead"]);

        var onAcknowledge = _planner.ForChange(Change(AlertChangeKind.Acknowledged, acknowledged), acknowledged, told);
        var onResolve = _planner.ForChange(Change(AlertChangeKind.Resolved, resolved), resolved, told);

        Assert.Equal(["acknowledged|slack|1", "acknowledged|pagerduty|1", "acknowledged|lead|1"], onAcknowledge.Select(notification => notification.Key));
        Assert.Equal(["resolved|slack|0", "resolved|pagerduty|0", "resolved|lead|0"], onResolve.Select(notification => notification.Key));
    }

    [Fact]
    public void ForChange_NoData_ChatOnlyNeverPagerDuty()
    {
        var alert = Alert(phase: "noData");

        var planned = _planner.ForChange(Change(AlertChangeKind.NoData, alert), alert, told: new HashSet<string>(["slack", "pagerduty"]));

        Assert.Equal(["slack"], planned.Select(notification => notification.Channel));
    }

    [Fact]
    public void ForChange_ToldUnknown_FallsBackToTheHighestSeverityAndEscalationChannels()
    {
        var alert = Alert(phase: "resolved", resolvedAt: Fired.AddMinutes(20));

        var planned = _planner.ForChange(Change(AlertChangeKind.Resolved, alert), alert, told: null);

        Assert.Equal(["slack", "pagerduty", "lead"], planned.Select(notification => notification.Channel));
    }

    [Fact]
    public void ForChange_RuleWithoutAConfiguredRoute_TellsNobody()
    {
        var alert = Alert() with { RuleId = "not-routed" };

        Assert.Empty(_planner.ForChange(Change(AlertChangeKind.Fired, alert), alert, told: new HashSet<string>()));
    }

    [Fact]
    public void ForChange_ResolvedAfterItsRuleWasRemoved_GoesWhereTheAlertWasNotified()
    {
        var planner = new NotificationPlanner(Delivery, new Dictionary<string, AlertRuleOptions>());
        var alert = Alert(phase: "resolved", resolvedAt: Fired.AddMinutes(20));

        var planned = planner.ForChange(Change(AlertChangeKind.Resolved, alert), alert, told: new HashSet<string>(["slack", "pagerduty"]), route: "oncall");

        Assert.Equal(["resolved|slack|0", "resolved|pagerduty|0"], planned.Select(notification => notification.Key));
        Assert.All(planned, notification => Assert.Equal("oncall", notification.Route));
    }

    [Fact]
    public void Due_FiringUnacknowledged_OneReminderPerIntervalToChatOnly()
    {
        var watched = new WatchedAlert(Alert(), "oncall");

        Assert.Empty(_planner.Due(watched, Fired.AddMinutes(9)));
        var first = _planner.Due(watched, Fired.AddMinutes(10));
        Assert.Empty(_planner.Due(watched, Fired.AddMinutes(12)));
        var second = _planner.Due(watched, Fired.AddMinutes(21));

        Assert.Equal(["reminder|slack|1"], first.Select(notification => notification.Key));
        Assert.Equal(Fired.AddMinutes(10), first[0].At);
        Assert.Equal(["reminder|slack|2", "unacknowledged|lead|0"], second.Select(notification => notification.Key));
        Assert.Equal(Fired.AddMinutes(15), second[1].At);
    }

    [Fact]
    public void Due_Acknowledged_NoReminderNoEscalation()
    {
        var watched = new WatchedAlert(Alert(acknowledged: new Acknowledgement("maria", Fired.AddMinutes(1), null)), "oncall");

        Assert.Empty(_planner.Due(watched, Fired.AddHours(2)));
    }

    [Fact]
    public void Due_WhileClearing_NoReminder()
    {
        var watched = new WatchedAlert(Alert(more: new AlertTimelineEntry("clearing", Fired.AddMinutes(5), "critical", 85, null, null)), "oncall");

        Assert.Equal(["unacknowledged|lead|0"], _planner.Due(watched, Fired.AddMinutes(30)).Select(notification => notification.Key));
    }

    private static AlertChange Change(AlertChangeKind kind, AlertPayload alert) =>
        new(alert.ToAlert(), new AlertTransition(kind, Fired, Enum.Parse<AlertSeverity>(alert.Severity, ignoreCase: true), alert.Value));
}
