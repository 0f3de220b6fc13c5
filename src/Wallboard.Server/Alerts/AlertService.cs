using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Wallboard.Engine;
using Wallboard.Engine.Alerts;
using Wallboard.Engine.Time;
using Wallboard.Server.Hosting;
using Wallboard.Server.Realtime;

namespace Wallboard.Server.Alerts;

/// <summary>
/// Runs the alert rules against the engine every evaluation interval and publishes each change: to every
/// board and console over the hub, to Redis (active alerts and history), and to the notification
/// channels. Active alerts are restored from Redis after a restart and continue without notifying again.
/// </summary>
internal sealed partial class AlertService(
    WallboardEngine engine,
    AlertStore store,
    IAlertNotifier notifier,
    ConnectionTracker connections,
    SnapshotBroadcaster broadcaster,
    ServerStatus status,
    IScheduler scheduler,
    LastValidOptions<AlertsOptions> options,
    ILogger<AlertService> logger) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private AlertEvaluator _evaluator = new([]);
    private IDisposable? _ticks;
    private IDisposable? _reload;
    private int _restored;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _evaluator = new AlertEvaluator(options.Value.BuildRules());
        _reload = options.Changes.Subscribe(Reload, error => LogReloadsStopped(error));
        _ticks = Observable.Interval(options.Value.EvaluationInterval, scheduler)
            .Where(_ => status.Recovered)
            .Select(_ => Observable.FromAsync(EvaluateAsync))
            .Concat()
            .Subscribe(_ => { }, error => LogEvaluationStopped(error));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _ticks?.Dispose();
        _reload?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _ticks?.Dispose();
        _reload?.Dispose();
    }

    public AlertsPayload Snapshot(IReadOnlyList<AlertPayload> recent, string? configError)
    {
        lock (_gate)
        {
            return new AlertsPayload(
                engine.Clock,
                [.. _evaluator.Active.Select(AlertPayload.From)],
                [.. _evaluator.Pending.Select(AlertPayload.From)],
                recent,
                configError);
        }
    }

    /// <summary>Acknowledges an active alert; null when there is none with that id.</summary>
    public AlertPayload? Acknowledge(string alertId, string by, string? note)
    {
        AlertChange? change;
        lock (_gate)
        {
            change = _evaluator.Acknowledge(alertId, by, note, engine.Clock);
        }

        if (change is null)
        {
            return null;
        }

        Publish([change]);
        return AlertPayload.From(change.Alert);
    }

    private async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        // Evaluating without the restored alerts would notify them again: wait until they are back.
        if (Volatile.Read(ref _restored) == 0 && !await RestoreAsync())
        {
            return;
        }

        IReadOnlyList<AlertChange> changes;
        lock (_gate)
        {
            changes = _evaluator.Evaluate(engine.Clock, DataIsFresh(), engine.Scopes(), engine.Read);
        }

        Publish(changes);
    }

    private async Task<bool> RestoreAsync()
    {
        try
        {
            var active = await store.ActiveAsync();
            lock (_gate)
            {
                _evaluator.Restore(active.Select(alert => alert.ToAlert()));
            }

            Volatile.Write(ref _restored, 1);
            LogRestored(active.Count);
            return true;
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRestoreFailed(error.Message);
            return false;
        }
    }

    // The data behind the rules has stopped when Redis is away or, on a wall clock, no event came for a while.
    private bool DataIsFresh()
    {
        if (!status.RedisAvailable)
        {
            return false;
        }

        return engine.Options.Clock == ClockMode.Event
            || (status.LastApplied is { } last && scheduler.Now - last <= options.Value.StaleAfter);
    }

    // Only a configuration that validated comes here: a refused edit leaves the rules as they are.
    private void Reload(AlertsOptions changed)
    {
        IReadOnlyList<AlertChange> changes;
        lock (_gate)
        {
            changes = _evaluator.SetRules(changed.BuildRules(), engine.Clock);
        }

        LogRulesReloaded(_evaluator.Rules.Count);
        Publish(changes);
    }

    private void Publish(IReadOnlyList<AlertChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        // The change is named as in the timeline (noData, dataReturned), camelCase like every other wire name.
        var payloads = changes.Select(change => new AlertChangePayload(
            JsonNamingPolicy.CamelCase.ConvertName(change.Transition.Kind.ToString()), AlertPayload.From(change.Alert))).ToList();
        foreach (var payload in payloads)
        {
            var message = new SerializedHubMessage(new InvocationMessage(nameof(IWallboardClient.AlertChanged), [payload]));
            foreach (var client in connections.All)
            {
                if (!client.TryWrite(message, PushKinds.None, broadcaster.CatchUp))
                {
                    _ = WriteAsync(client.Connection, message);
                }
            }
        }

        notifier.Enqueue(changes);
        _ = SaveAsync([.. payloads.Select(payload => payload.Alert)]);
    }

    // A client still busy with a push does not take the alert through TryWrite (an alert change is not state the
    // channel can write again later), but it must not be lost: it is written after the push. Alerts are rare;
    // the connection serialises writes.
    private static async Task WriteAsync(HubConnectionContext connection, SerializedHubMessage message)
    {
        try
        {
            await connection.WriteAsync(message, connection.ConnectionAborted);
        }
        catch (OperationCanceledException)
        {
            // The connection is closing.
        }
    }

    private async Task SaveAsync(IReadOnlyList<AlertPayload> alerts)
    {
        try
        {
            await store.SaveAsync(alerts, engine.Clock);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogSaveFailed(alerts.Count, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert evaluation stopped")]
    private partial void LogEvaluationStopped(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Count} active alerts")]
    private partial void LogRestored(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Active alerts could not be restored yet ({Reason}); alerts wait")]
    private partial void LogRestoreFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert rule reloads stopped")]
    private partial void LogReloadsStopped(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert rules reloaded: {Count} rules")]
    private partial void LogRulesReloaded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving {Count} alerts to Redis failed: {Reason}")]
    private partial void LogSaveFailed(int count, string reason);
}
