namespace Wallboard.Server.Alerts.Delivery;

/// <summary>Why a channel is told about an alert.</summary>
internal enum NotificationKind
{
    /// <summary>The alert fired (PagerDuty: trigger).</summary>
    Fired,

    /// <summary>Warning rose to critical (PagerDuty: trigger again, which merges into the open incident).</summary>
    Escalated,

    /// <summary>A lead acknowledged it (PagerDuty: acknowledge; chat: a short note).</summary>
    Acknowledged,

    /// <summary>The data behind it stopped; it stays open (chat only).</summary>
    NoData,

    /// <summary>Back to normal for the clear duration (PagerDuty: resolve). Exactly once per alert.</summary>
    Resolved,

    /// <summary>Still firing and unacknowledged after another repeat interval (chat only).</summary>
    Reminder,

    /// <summary>Unacknowledged for the route's escalation delay: the escalation channels are told.</summary>
    Unacknowledged,
}
