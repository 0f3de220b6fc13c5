using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// A bounded queue and one worker per channel. Messages to a channel go out one at a time in order, so
/// that PagerDuty sees trigger before acknowledge before resolve even while one of them is being retried;
/// a slow or failing channel delays only itself.
/// </summary>
internal sealed partial class DeliveryOutbox(MessageSender sender, DeliverySettings settings, DeliveryLog log, TimeProvider time, ILogger<DeliveryOutbox> logger)
    : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ChannelWorker> _workers = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private int _stopped;

    /// <summary>Queues a message for its channel; false (and recorded as dropped) when the channel's queue is full.</summary>
    public async Task<bool> EnqueueAsync(OutboundMessage message)
    {
        var worker = _workers.GetOrAdd(message.Channel, Start);
        if (worker.Queue.Writer.TryWrite(message))
        {
            return true;
        }

        LogDropped(message.Kind, message.Channel, message.Notifications.Count);
        await log.RecordAsync(new DeliveryAttempt(
            message.Id, message.Channel, settings.Delivery.Channel(message.Channel)?.Kind.ToString().ToLowerInvariant() ?? "unknown", message.Route,
            message.Kind.Wire(), [.. message.AlertIds.Distinct(StringComparer.Ordinal)], 0, time.GetUtcNow(), "dropped", null, "the channel's queue is full", 0, null));
        return false;
    }

    /// <summary>Stops the workers; a message in flight stays in the Redis outbox and is sent after the next start.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var worker in _workers.Values)
        {
            worker.Queue.Writer.TryComplete();
        }

        await Task.WhenAll(_workers.Values.Select(worker => worker.Running));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private ChannelWorker Start(string channel)
    {
        var queue = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(settings.Delivery.Delivery.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        return new ChannelWorker(queue, Task.Run(() => RunAsync(channel, queue.Reader, _stopping.Token)));
    }

    private async Task RunAsync(string channel, ChannelReader<OutboundMessage> queue, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await sender.SendAsync(message, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogSendFailed(error, channel);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what was not delivered is still in the Redis outbox.
        }
    }

    private sealed record ChannelWorker(Channel<OutboundMessage> Queue, Task Running);

    [LoggerMessage(Level = LogLevel.Error, Message = "The delivery queue of channel {Channel} is full: alert notification {Change} ({Count} alerts) dropped")]
    private partial void LogDropped(NotificationKind change, string channel, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending an alert notification to channel {Channel} failed unexpectedly")]
    private partial void LogSendFailed(Exception error, string channel);
}
