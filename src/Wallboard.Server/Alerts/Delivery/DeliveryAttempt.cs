namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// One attempt to deliver one message to one channel, as <c>GET /api/v1/alerts/{id}/deliveries</c> shows it.
/// The channel is named, its URL and keys never appear. Times are wall-clock times of the server. The outcome
/// is <c>delivered</c>; <c>retrying</c> (failed, another attempt at <c>NextAttemptAt</c>); <c>failed</c> (gave up:
/// last attempt, or a permanent error); <c>skipped</c> (already delivered, before a restart); or <c>dropped</c>
/// (the channel's queue was full).
/// </summary>
internal sealed record DeliveryAttempt(
    string MessageId,
    string Channel,
    string ChannelKind,
    string Route,
    string Change,
    IReadOnlyList<string> AlertIds,
    int Attempt,
    DateTimeOffset At,
    string Outcome,
    int? Status,
    string? Error,
    double DurationMs,
    DateTimeOffset? NextAttemptAt);
