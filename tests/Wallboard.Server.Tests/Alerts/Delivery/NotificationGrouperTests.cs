using Wallboard.Server.Alerts.Delivery;
using static Wallboard.Server.Tests.Alerts.Delivery.Samples;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class NotificationGrouperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    [Fact]
    public void TakeDue_TenFiredWithinTheWindow_OneMessageAfterIt()
    {
        var grouper = new NotificationGrouper();
        for (var index = 0; index < 10; index++)
        {
            grouper.Add(Notification(NotificationKind.Fired, Alert($"q{index}")), AlertChannelKind.Slack, Window, Now.AddSeconds(index * 0.4));
        }

        Assert.Empty(grouper.TakeDue(Now.AddSeconds(4.9)));
        var message = Assert.Single(grouper.TakeDue(Now.AddSeconds(5)));
        Assert.Equal(10, message.Notifications.Count);
        Assert.Equal(("oncall", "slack", NotificationKind.Fired), (message.Route, message.Channel, message.Kind));
        Assert.Equal(0, grouper.Waiting);
    }

    [Fact]
    public void TakeDue_PagerDuty_OneMessagePerAlertAtOnce()
    {
        var grouper = new NotificationGrouper();

        grouper.Add(Notification(NotificationKind.Fired, Alert("sales"), "pagerduty"), AlertChannelKind.PagerDuty, Window, Now);
        grouper.Add(Notification(NotificationKind.Fired, Alert("vip"), "pagerduty"), AlertChannelKind.PagerDuty, Window, Now);

        var messages = grouper.TakeDue(Now);
        Assert.Equal(["queue:sales", "queue:vip"], messages.Select(message => Assert.Single(message.Notifications).Alert.Scope));
    }

    [Fact]
    public void TakeDue_DifferentKindsAndChannels_SeparateMessagesInOpeningOrder()
    {
        var grouper = new NotificationGrouper();

        grouper.Add(Notification(NotificationKind.Fired, Alert("sales")), AlertChannelKind.Slack, Window, Now);
        grouper.Add(Notification(NotificationKind.Resolved, Alert("vip")), AlertChannelKind.Slack, Window, Now.AddSeconds(1));
        grouper.Add(Notification(NotificationKind.Fired, Alert("vip"), "teams"), AlertChannelKind.Teams, Window, Now.AddSeconds(2));
        grouper.Add(Notification(NotificationKind.Fired, Alert("billing")), AlertChannelKind.Slack, Window, Now.AddSeconds(3));

        var messages = grouper.TakeDue(Now.AddSeconds(10));
        Assert.Equal(
            ["slack fired 2", "slack resolved 1", "teams fired 1"],
            messages.Select(message => $"{message.Channel} {message.Kind.Wire()} {message.Notifications.Count}"));
    }

    [Fact]
    public void Add_SameNotificationTwice_KeptOnce()
    {
        var grouper = new NotificationGrouper();
        var notification = Notification(NotificationKind.Fired, Alert());

        grouper.Add(notification, AlertChannelKind.Slack, Window, Now);
        grouper.Add(notification with { At = Now.AddSeconds(1) }, AlertChannelKind.Slack, Window, Now.AddSeconds(1));

        Assert.Single(Assert.Single(grouper.TakeAll()).Notifications);
    }
}
