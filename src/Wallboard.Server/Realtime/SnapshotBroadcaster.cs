using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using Wallboard.Engine;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Reactive;
using Wallboard.Server.Agents;
using Wallboard.Server.Api;
using Wallboard.Server.Hosting;
using Wallboard.Server.State;

namespace Wallboard.Server.Realtime;

/// <summary>
/// Turns engine changes into pushes: after events are applied (or on the heartbeat, for values that
/// move with time), at most <see cref="RealtimeOptions.MaxUpdatesPerSecond"/> times a second, it takes
/// the engine's changed rows, hands them to the Redis store, and writes one serialized message per
/// subscription group to each of its clients.
/// </summary>
internal sealed partial class SnapshotBroadcaster(
    WallboardEngine engine,
    EngineActivity activity,
    SubscriptionRegistry subscriptions,
    AgentSubscriptions agentSubscriptions,
    ConnectionTracker connections,
    RedisKpiStore store,
    ServerStatus status,
    IScheduler scheduler,
    IOptions<RealtimeOptions> options,
    ILogger<SnapshotBroadcaster> logger) : IHostedService, IDisposable
{
    private IDisposable? _subscription;
    private bool _lastStale;
    private long _agentsVersion = -1;

    public long Broadcasts { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var realtime = options.Value;
        _subscription = activity.Applied
            .Merge(Observable.Interval(realtime.Heartbeat, scheduler).Select(_ => Unit.Default))
            .Coalesce(realtime.Period, scheduler)
            .Subscribe(_ => Broadcast(), error => LogPipelineFailed(error));
        status.RedisAvailabilityChanged += OnRedisAvailabilityChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        status.RedisAvailabilityChanged -= OnRedisAvailabilityChanged;
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void Broadcast()
    {
        try
        {
            var snapshot = engine.TakeSnapshot(full: false);
            Broadcasts++;
            PushAgentsIfChanged();
            var stale = !status.RedisAvailable;

            // Called even with no change so that rows held back while Redis was away are retried.
            store.Write(snapshot.Rows, snapshot.AsOf);
            if (snapshot.Rows.Count == 0 && stale == _lastStale)
            {
                return;
            }

            _lastStale = stale;
            Push(snapshot, stale);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogBroadcastFailed(error);
        }
    }

    private void Push(KpiSnapshot snapshot, bool stale)
    {
        var changed = new Dictionary<SubscriptionKey, KpiRow>(snapshot.Rows.Count);
        foreach (var row in snapshot.Rows)
        {
            changed[new SubscriptionKey(row.Scope, row.Window)] = row;
        }

        foreach (var (group, connectionIds) in subscriptions.Groups())
        {
            var rows = new List<KpiPayload>();
            foreach (var key in group.Keys)
            {
                if (changed.TryGetValue(key, out var row))
                {
                    rows.Add(KpiPayload.From(row.Scope, row.Window, snapshot.AsOf, row.Values));
                }
            }

            if (rows.Count == 0 && !stale)
            {
                continue;
            }

            var update = new KpiUpdate(snapshot.Sequence, snapshot.AsOf, Full: false, stale, rows);
            var message = new SerializedHubMessage(new InvocationMessage(nameof(IWallboardClient.KpisChanged), [update]));
            foreach (var connectionId in connectionIds)
            {
                connections.Find(connectionId)?.TryWrite(message, ResyncIfNeeded);
            }
        }
    }

    private void PushAgentsIfChanged()
    {
        var version = engine.AgentsVersion;
        if (version == _agentsVersion)
        {
            return;
        }

        _agentsVersion = version;
        foreach (var (queues, connectionIds) in agentSubscriptions.Groups())
        {
            var message = new SerializedHubMessage(new InvocationMessage(nameof(IWallboardClient.AgentsChanged), [AgentsPayload.Of(engine, queues)]));
            foreach (var connectionId in connectionIds)
            {
                connections.Find(connectionId)?.TryWrite(message, ResyncIfNeeded);
            }
        }
    }

    /// <summary>Tells every client that the boards changed (configuration reloaded).</summary>
    public void NotifyBoardsChanged()
    {
        var message = new SerializedHubMessage(new InvocationMessage(nameof(IWallboardClient.BoardsChanged), []));
        foreach (var client in connections.All)
        {
            client.TryWrite(message, ResyncIfNeeded);
        }
    }

    // A client that missed pushes while busy gets its whole subscription once it has caught up.
    private void ResyncIfNeeded(ClientChannel client)
    {
        if (!client.NeedsResync || subscriptions.GroupOf(client.Connection.ConnectionId) is not { } group)
        {
            return;
        }

        client.NeedsResync = false;
        var update = subscriptions.Snapshot(engine, group.Keys);
        client.TryWrite(new SerializedHubMessage(new InvocationMessage(nameof(IWallboardClient.KpisChanged), [update])), ResyncIfNeeded);
    }

    private void OnRedisAvailabilityChanged(bool available)
    {
        var message = new SerializedHubMessage(new InvocationMessage(
            nameof(IWallboardClient.StatusChanged),
            [new BoardStatus(!available, available ? null : "event log unavailable: " + status.RedisError, engine.Clock)]));
        foreach (var client in connections.All)
        {
            client.TryWrite(message, ResyncIfNeeded);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The snapshot pipeline stopped")]
    private partial void LogPipelineFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A broadcast failed; the next one retries")]
    private partial void LogBroadcastFailed(Exception error);
}
