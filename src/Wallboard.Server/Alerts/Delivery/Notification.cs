namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// One alert to tell one channel about, for one reason: the unit of idempotency. Its <see cref="Key"/>
/// (kind, channel, sequence) is marked delivered in Redis, so that it is never sent twice, even after a restart.
/// The sequence tells apart notifications of the same kind: the timeline step for escalations, acknowledgements
/// and no-data, the reminder number for reminders, 0 for fired, resolved and unacknowledged. The threshold is
/// the breached level in words (<c>below 70 %</c>) when the rule is known.
/// </summary>
internal sealed record Notification(
    NotificationKind Kind, string Route, string Channel, int Sequence, AlertPayload Alert, DateTimeOffset At, string? Threshold)
{
    /// <summary>Unique within the alert.</summary>
    public string Key => $"{Kind.Wire()}|{Channel}|{Sequence}";
}
