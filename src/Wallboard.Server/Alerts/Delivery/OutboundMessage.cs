namespace Wallboard.Server.Alerts.Delivery;

/// <summary>One message to one channel: every notification of one kind and route grouped within the route's window.</summary>
internal sealed record OutboundMessage(string Id, string Route, string Channel, NotificationKind Kind, IReadOnlyList<Notification> Notifications)
{
    public IEnumerable<string> AlertIds => Notifications.Select(notification => notification.Alert.Id);
}
