using System.Text;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// Sends one message to its channel: skips what was already delivered (before a restart), then tries with a
/// timeout per attempt, retries transient failures with back-off or the receiver's <c>Retry-After</c>, and gives
/// up after the configured attempts. Every attempt is recorded; logs name the channel, never its URL.
/// </summary>
internal sealed partial class MessageSender(
    IHttpClientFactory http, DeliverySettings settings, NotificationStore store, DeliveryLog log, TimeProvider time, ILogger<MessageSender> logger)
{
    /// <summary>Each channel has its own named client (its own connection pool): <c>alerts:&lt;channel&gt;</c>.</summary>
    public const string ClientPrefix = "alerts:";

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (await FreshAsync(message) is not { } fresh)
        {
            return;
        }

        var options = settings.Delivery;
        if (options.Channel(fresh.Channel) is not { } channel)
        {
            await GiveUpAsync(fresh, channel: null, attempt: 1, "the channel is not configured (Alerts:Channels)", status: null, TimeSpan.Zero);
            return;
        }

        var request = DeliveryRequest.For(fresh, channel, options);
        var limits = options.Delivery;
        for (var attempt = 1; ; attempt++)
        {
            var result = await AttemptAsync(fresh.Channel, request, channel.Timeout ?? limits.Timeout, cancellationToken);
            if (result.Delivered)
            {
                await DeliveredAsync(fresh, channel, attempt, result);
                return;
            }

            if (!result.Transient || attempt >= limits.MaxAttempts)
            {
                await GiveUpAsync(fresh, channel, attempt, result.Error, result.Status, result.Duration);
                return;
            }

            var delay = RetryPolicy.NextDelay(attempt, (System.Net.HttpStatusCode?)result.Status, result.RetryAfter, limits, Random.Shared.NextDouble());
            LogRetrying(fresh.Kind, fresh.Channel, attempt, result.Error, delay.TotalSeconds);
            await log.RecordAsync(Attempt(fresh, channel, attempt, "retrying", result.Status, result.Error, result.Duration, time.GetUtcNow() + delay));
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>A message without the notifications already delivered; null when none is left.</summary>
    private async Task<OutboundMessage?> FreshAsync(OutboundMessage message)
    {
        IReadOnlyList<Notification> undelivered;
        try
        {
            undelivered = await store.UndeliveredAsync(message.Notifications);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Without the markers, sending again is better than not at all.
            return message;
        }

        if (undelivered.Count == message.Notifications.Count)
        {
            return message;
        }

        var channel = settings.Delivery.Channel(message.Channel);
        await log.RecordAsync(Attempt(message, channel, 0, "skipped", null, "already delivered", TimeSpan.Zero, null) with
        {
            AlertIds = [.. message.Notifications.Except(undelivered).Select(notification => notification.Alert.Id)],
        });
        await ForgetAsync(message.Notifications.Except(undelivered).ToList(), delivered: true);
        LogSkipped(message.Kind, message.Channel, message.Notifications.Count - undelivered.Count);
        return undelivered.Count == 0 ? null : message with { Notifications = undelivered };
    }

    private async Task<AttemptResult> AttemptAsync(string channelName, DeliveryRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
            {
                Content = new StringContent(request.Text, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            var client = http.CreateClient(ClientPrefix + channelName);
            client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            using var response = await client.SendAsync(message, linked.Token);
            if (response.IsSuccessStatusCode)
            {
                return new AttemptResult(true, false, (int)response.StatusCode, null, null, time.GetElapsedTime(started));
            }

            var detail = await response.Content.ReadAsStringAsync(linked.Token);
            var error = $"HTTP {(int)response.StatusCode}" + (detail.Length == 0 ? string.Empty : ": " + request.Redact(Cut(detail, 200)));
            return new AttemptResult(
                false,
                RetryPolicy.IsTransient(response.StatusCode),
                (int)response.StatusCode,
                error,
                RetryPolicy.RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()),
                time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(false, true, null, $"timed out after {timeout.TotalSeconds:0.###} s", null, time.GetElapsedTime(started));
        }
        catch (HttpRequestException error)
        {
            return new AttemptResult(false, true, null, request.Redact($"{error.HttpRequestError}: {error.Message}"), null, time.GetElapsedTime(started));
        }
    }

    private async Task DeliveredAsync(OutboundMessage message, AlertChannelOptions channel, int attempt, AttemptResult result)
    {
        await ForgetAsync(message.Notifications, delivered: true);
        LogDelivered(message.Kind, message.Notifications.Count, message.Channel, attempt);
        await log.RecordAsync(Attempt(message, channel, attempt, "delivered", result.Status, null, result.Duration, null));
    }

    private async Task GiveUpAsync(OutboundMessage message, AlertChannelOptions? channel, int attempt, string? error, int? status, TimeSpan duration)
    {
        await ForgetAsync(message.Notifications, delivered: false);
        LogGaveUp(message.Kind, message.Notifications.Count, message.Channel, attempt, error);
        await log.RecordAsync(Attempt(message, channel, attempt, "failed", status, error, duration, null));
    }

    private async Task ForgetAsync(IReadOnlyList<Notification> notifications, bool delivered)
    {
        try
        {
            if (delivered)
            {
                await store.DeliveredAsync(notifications, time.GetUtcNow());
            }
            else
            {
                await store.ForgetAsync(notifications);
            }
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogMarkFailed(notifications.Count, error.Message);
        }
    }

    private DeliveryAttempt Attempt(
        OutboundMessage message, AlertChannelOptions? channel, int attempt, string outcome, int? status, string? error, TimeSpan duration, DateTimeOffset? next) => new(
        message.Id,
        message.Channel,
        channel is null ? "unknown" : channel.Kind.ToString().ToLowerInvariant(),
        message.Route,
        message.Kind.Wire(),
        [.. message.AlertIds.Distinct(StringComparer.Ordinal)],
        attempt,
        time.GetUtcNow(),
        outcome,
        status,
        error,
        Math.Round(duration.TotalMilliseconds, 1),
        next);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert notification {Change} ({Count} alerts) delivered to channel {Channel} on attempt {Attempt}")]
    private partial void LogDelivered(NotificationKind change, int count, string channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert notification {Change} to channel {Channel} failed on attempt {Attempt} ({Error}); retrying in {Delay:0.###} s")]
    private partial void LogRetrying(NotificationKind change, string channel, int attempt, string? error, double delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert notification {Change} ({Count} alerts) to channel {Channel} given up after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(NotificationKind change, int count, string channel, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert notification {Change} to channel {Channel}: {Count} already delivered before, not sent again")]
    private partial void LogSkipped(NotificationKind change, string channel, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} alert notifications could not be marked in Redis: {Reason}")]
    private partial void LogMarkFailed(int count, string reason);
}
