namespace Wallboard.Server.Alerts.Delivery;

/// <summary>What one HTTP attempt came to: delivered, or failed with whether to try again and when the receiver asked.</summary>
internal sealed record AttemptResult(bool Delivered, bool Transient, int? Status, string? Error, TimeSpan? RetryAfter, TimeSpan Duration);
