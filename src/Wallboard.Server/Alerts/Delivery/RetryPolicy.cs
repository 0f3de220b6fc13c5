using System.Net;
using System.Net.Http.Headers;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>When to try a failed delivery again: exponential back-off with jitter, or the receiver's <c>Retry-After</c>.</summary>
internal static class RetryPolicy
{
    /// <summary>Whether a status is worth another attempt: timeouts, throttling and server errors are; other client errors are not.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or (HttpStatusCode)425 || (int)status >= 500;

    /// <summary>
    /// The back-off after <paramref name="failedAttempts"/> failures: the first delay doubled each time, capped,
    /// with "equal jitter" (half fixed, half random by <paramref name="jitter"/> in [0, 1)) so that channels
    /// failing together do not retry in lockstep.
    /// </summary>
    public static TimeSpan Backoff(int failedAttempts, TimeSpan first, TimeSpan max, double jitter)
    {
        var exponent = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var full = Math.Min(first.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((full / 2) + (full / 2 * jitter));
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), never negative; null without one.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>
    /// The delay before the next attempt: the receiver's <c>Retry-After</c> on 429 and 503 (capped), or the back-off.
    /// </summary>
    public static TimeSpan NextDelay(int failedAttempts, HttpStatusCode? status, TimeSpan? retryAfter, DeliveryOptions options, double jitter)
    {
        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && retryAfter is { } wait)
        {
            return wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait;
        }

        return Backoff(failedAttempts, options.FirstRetryDelay, options.MaxRetryDelay, jitter);
    }
}
