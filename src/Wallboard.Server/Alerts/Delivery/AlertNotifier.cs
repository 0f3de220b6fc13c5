using System.Threading.Channels;
using Wallboard.Engine;
using Wallboard.Engine.Alerts;
using Wallboard.Server.Hosting;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// Takes alert changes to the notification channels. One loop owns the state: it plans the notifications of
/// each change (and the reminders and escalations that fell due on the alert clock), keeps them in the Redis
/// outbox, groups them per route, kind and channel for the route's window, and hands the messages to the
/// per-channel outbox. After a restart it picks up the active alerts and the outbox where they were.
/// </summary>
internal sealed partial class AlertNotifier(
    DeliverySettings settings,
    NotificationStore store,
    AlertStore alerts,
    DeliveryOutbox outbox,
    WallboardEngine engine,
    ServerStatus status,
    TimeProvider time,
    ILogger<AlertNotifier> logger) : BackgroundService, IAlertNotifier
{
    private const int IntakeCapacity = 10_000;

    // An empty batch is the tick.
    private static readonly IReadOnlyList<AlertChange> Tick = [];

    private readonly Channel<IReadOnlyList<AlertChange>> _intake = Channel.CreateBounded<IReadOnlyList<AlertChange>>(
        new BoundedChannelOptions(IntakeCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly NotificationGrouper _grouper = new();
    private readonly Dictionary<string, WatchedAlert> _watched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _told = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private bool _recovered;
    private bool _recoveryFailed;

    public void Enqueue(IReadOnlyList<AlertChange> changes)
    {
        if (changes.Count > 0 && !_intake.Writer.TryWrite(changes))
        {
            LogIntakeFull(changes.Count);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await outbox.StopAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticking = TickAsync(stoppingToken);
        try
        {
            await foreach (var changes in _intake.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(changes);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogHandlingFailed(error, changes.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Notifications still waiting in a group are in the Redis outbox: the next start sends them.
        }

        await ticking;
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(settings.TickInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _intake.Writer.TryWrite(Tick);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(IReadOnlyList<AlertChange> changes)
    {
        if (!_recovered)
        {
            await RecoverAsync();
        }

        var planner = new NotificationPlanner(settings.Delivery, settings.Rules);

        // Reminders that fell due on the alert clock go before the changes evaluated at or after that time.
        // Until the engine has recovered its state, its clock is not the alerts' clock yet.
        if (status.Recovered)
        {
            var now = engine.Clock;
            foreach (var watched in _watched.Values)
            {
                await PlanAsync(planner.Due(watched, now));
            }
        }

        foreach (var change in changes)
        {
            var alert = AlertPayload.From(change.Alert);
            var route = _watched.TryGetValue(alert.Id, out var known) ? known.Route : planner.RouteOf(alert.RuleId);
            Follow(alert, route);
            await PlanAsync(planner.ForChange(change, alert, await ToldAsync(alert.Id), route));
            if (alert.Phase == "resolved")
            {
                _told.Remove(alert.Id);
            }
        }

        foreach (var message in _grouper.TakeDue(time.GetUtcNow()))
        {
            await outbox.EnqueueAsync(message);
        }
    }

    private void Follow(AlertPayload alert, string route)
    {
        if (alert.Phase is "firing" or "noData")
        {
            if (_watched.TryGetValue(alert.Id, out var watched))
            {
                watched.Alert = alert;
            }
            else
            {
                _watched[alert.Id] = new WatchedAlert(alert, route);
            }
        }
        else if (alert.Phase == "resolved")
        {
            _watched.Remove(alert.Id);
            if (!_recovered)
            {
                _ended.Add(alert.Id);
            }
        }
    }

    private async Task PlanAsync(IReadOnlyList<Notification> planned)
    {
        if (planned.Count == 0)
        {
            return;
        }

        try
        {
            await store.RememberAsync(planned);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Delivery goes on without Redis; only a restart before it is done would lose these.
            LogRememberFailed(planned.Count, error.Message);
        }

        var options = settings.Delivery;
        var now = time.GetUtcNow();
        foreach (var notification in planned)
        {
            // Add to what is known (after a restart: loaded from Redis first), never start a partial set.
            if (await ToldAsync(notification.Alert.Id) is not null)
            {
                _told[notification.Alert.Id].Add(notification.Channel);
            }

            var window = options.Route(notification.Route)?.GroupWindow ?? TimeSpan.Zero;
            _grouper.Add(notification, options.Channel(notification.Channel)?.Kind ?? AlertChannelKind.Webhook, window, now);
        }
    }

    /// <summary>The channels told about an alert: in memory, or from Redis after a restart; null when unknown.</summary>
    private async Task<IReadOnlySet<string>?> ToldAsync(string alertId)
    {
        if (_told.TryGetValue(alertId, out var told))
        {
            return told;
        }

        try
        {
            var stored = await store.ToldAsync(alertId);
            _told[alertId] = new HashSet<string>(stored, StringComparer.OrdinalIgnoreCase);
            return _told[alertId];
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Takes back the active alerts (for reminders and escalation) and the undelivered notifications.</summary>
    private async Task RecoverAsync()
    {
        try
        {
            var active = await alerts.ActiveAsync();
            var pending = await store.PendingAsync();
            var planner = new NotificationPlanner(settings.Delivery, settings.Rules);
            foreach (var alert in active.Where(alert => alert.Phase is "firing" or "noData" && !_ended.Contains(alert.Id)))
            {
                _watched.TryAdd(alert.Id, new WatchedAlert(alert, planner.RouteOf(alert.RuleId)));
            }

            var options = settings.Delivery;
            var now = time.GetUtcNow();
            foreach (var notification in pending)
            {
                var window = options.Route(notification.Route)?.GroupWindow ?? TimeSpan.Zero;
                _grouper.Add(notification, options.Channel(notification.Channel)?.Kind ?? AlertChannelKind.Webhook, window, now);
            }

            _recovered = true;
            _ended.Clear();
            LogRecovered(active.Count, pending.Count);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            if (!_recoveryFailed)
            {
                _recoveryFailed = true;
                LogRecoverFailed(error.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert delivery resumed: {Active} active alerts followed, {Pending} undelivered notifications queued again")]
    private partial void LogRecovered(int active, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery could not read its state from Redis yet ({Reason}); it will try again")]
    private partial void LogRecoverFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert notification queue is full: {Count} alert changes not notified")]
    private partial void LogIntakeFull(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} planned alert notifications could not be kept in Redis: {Reason}")]
    private partial void LogRememberFailed(int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Planning notifications for {Count} alert changes failed")]
    private partial void LogHandlingFailed(Exception error, int count);
}
