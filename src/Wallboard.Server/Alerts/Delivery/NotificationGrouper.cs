namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// Collects notifications of the same route, kind and channel for the route's group window, so that ten
/// queues breaching at once make one message, not ten. PagerDuty is never grouped: it needs one event per
/// dedup key. A notification already waiting (same alert and key) is not added twice.
/// </summary>
internal sealed class NotificationGrouper
{
    private readonly Dictionary<GroupKey, OpenGroup> _open = [];
    private long _opened;

    public int Waiting => _open.Values.Sum(group => group.Notifications.Count);

    public void Add(Notification notification, AlertChannelKind channelKind, TimeSpan window, DateTimeOffset now)
    {
        var single = channelKind == AlertChannelKind.PagerDuty;
        var key = new GroupKey(notification.Route, notification.Kind, notification.Channel, single ? notification.Alert.Id : null);
        if (!_open.TryGetValue(key, out var group))
        {
            group = new OpenGroup(now + (single ? TimeSpan.Zero : window), _opened++);
            _open[key] = group;
        }

        if (!group.Notifications.Any(waiting => waiting.Alert.Id == notification.Alert.Id && waiting.Key == notification.Key))
        {
            group.Notifications.Add(notification);
        }
    }

    /// <summary>The groups whose window has passed, as messages, in the order they were opened.</summary>
    public IReadOnlyList<OutboundMessage> TakeDue(DateTimeOffset now) => Take(group => group.Due <= now);

    /// <summary>Every waiting group, due or not.</summary>
    public IReadOnlyList<OutboundMessage> TakeAll() => Take(_ => true);

    private List<OutboundMessage> Take(Func<OpenGroup, bool> selected)
    {
        var due = _open.Where(entry => selected(entry.Value)).OrderBy(entry => entry.Value.Order).ToList();
        foreach (var (key, _) in due)
        {
            _open.Remove(key);
        }

        return [.. due.Select(entry => new OutboundMessage(
            Guid.NewGuid().ToString("N"), entry.Key.Route, entry.Key.Channel, entry.Key.Kind, entry.Value.Notifications))];
    }

    private sealed record GroupKey(string Route, NotificationKind Kind, string Channel, string? AlertId);

    private sealed record OpenGroup(DateTimeOffset Due, long Order)
    {
        public List<Notification> Notifications { get; } = [];
    }
}
