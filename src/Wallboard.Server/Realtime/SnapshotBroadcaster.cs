using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text.Json;
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
/// move with time), at most <see cref="RealtimeOptions.MaxUpdatesPerSecond"/> times a second, it reads
/// the scope × window rows that boards watch, and writes one serialized message per subscription group,
/// with the rows that changed since the last push, to each of its clients. The engine's changed rows
/// (every scope × window it has) go to the Redis store on the same ticks, at most once every
/// <see cref="RedisOptions.KpiWriteInterval"/>.
/// </summary>
/// <remarks>
/// A snapshot of the whole engine holds its lock for a pass over every scope × window: thousands of
/// rows on a floor of a thousand agents. At the default rate that pass is the push; at a raised rate
/// (20/s for the latency targets) it would keep ingest waiting on the lock for a large share of the
/// time, so pushes read only the watched rows, each under a short hold of the lock.
/// </remarks>
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
    IOptions<RedisOptions> redisOptions,
    IOptions<JsonHubProtocolOptions> hubJson,
    ILogger<SnapshotBroadcaster> logger) : IHostedService, IDisposable
{
    private IDisposable? _subscription;
    private bool _lastStale;
    private long _agentsVersion = -1;
    private long _sequence;
    private DateTimeOffset _lastStoreWrite = DateTimeOffset.MinValue;
    private Dictionary<SubscriptionKey, KpiValues> _pushed = [];

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
            Broadcasts++;
            WriteStoreIfDue();
            PushAgentsIfChanged();
            PushKpis(stale: !status.RedisAvailable);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogBroadcastFailed(error);
        }
    }

    // The first tick at least about the write interval after the last write (half a tick early rather than a
    // whole tick late); the heartbeat ticks once a second, so the last change is written within a second of
    // the interval.
    private void WriteStoreIfDue()
    {
        var now = scheduler.Now;
        if (now - _lastStoreWrite < redisOptions.Value.KpiWriteInterval - (options.Value.Period / 2))
        {
            return;
        }

        _lastStoreWrite = now;
        var snapshot = engine.TakeSnapshot(full: false);

        // Called even with no change so that rows held back while Redis was away are retried.
        store.Write(snapshot.Rows, snapshot.AsOf);
    }

    private void PushKpis(bool stale)
    {
        // A row is pushed when it differs from the last push, or from what a snapshot gave a board since the
        // last tick. A row that starts being watched is not pushed before its snapshot is known: the board
        // subscribed before reading it, so a change after the read shows against the snapshot next tick.
        var given = subscriptions.TakeGivenValues();
        var groups = subscriptions.Groups();
        var current = new Dictionary<SubscriptionKey, KpiValues>(_pushed.Count);
        var changed = new Dictionary<SubscriptionKey, SerializedKpiRow?>();
        foreach (var (group, _) in groups)
        {
            foreach (var key in group.Keys)
            {
                if (current.ContainsKey(key))
                {
                    continue;
                }

                var values = engine.Read(key.Scope, key.Window);
                current[key] = values;
                var differsFromPush = _pushed.TryGetValue(key, out var pushed) && !values.SameAs(pushed);
                var differsFromSnapshot = given.TryGetValue(key, out var snapshot) && (snapshot is null || !values.SameAs(snapshot));
                if (differsFromPush || differsFromSnapshot)
                {
                    changed[key] = null;
                }
            }
        }

        // Keys no board watches any more drop out here.
        _pushed = current;
        if (changed.Count == 0 && stale == _lastStale)
        {
            return;
        }

        _lastStale = stale;
        var asOf = engine.Clock;
        var sequence = ++_sequence;
        foreach (var (group, connectionIds) in groups)
        {
            var rows = new List<SerializedKpiRow>();
            foreach (var key in group.Keys)
            {
                if (!changed.TryGetValue(key, out var payload))
                {
                    continue;
                }

                // Serialized once per key, however many groups show it.
                if (payload is null)
                {
                    payload = new SerializedKpiRow(JsonSerializer.SerializeToUtf8Bytes(
                        KpiPayload.From(key.Scope, key.Window, asOf, current[key]), hubJson.Value.PayloadSerializerOptions));
                    changed[key] = payload;
                }

                rows.Add(payload);
            }

            if (rows.Count == 0 && !stale)
            {
                continue;
            }

            var update = new KpiPush(sequence, asOf, Full: false, stale, rows);
            var message = new SerializedHubMessage(new InvocationMessage(nameof(IWallboardClient.KpisChanged), [update]));
            foreach (var connectionId in connectionIds)
            {
                connections.Find(connectionId)?.TryWrite(message, PushKinds.Kpis, CatchUp);
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
            var message = AgentsMessage(queues);
            foreach (var connectionId in connectionIds)
            {
                connections.Find(connectionId)?.TryWrite(message, PushKinds.Agents, CatchUp);
            }
        }
    }

    /// <summary>Tells every client that the boards changed (configuration reloaded).</summary>
    public void NotifyBoardsChanged()
    {
        var message = BoardsMessage();
        foreach (var client in connections.All)
        {
            client.TryWrite(message, PushKinds.Boards, CatchUp);
        }
    }

    /// <summary>
    /// The state of one kind of push a client missed while a write to it was in flight, as it is now: the whole
    /// KPI subscription, the agents of its queues, the boards' change, the event log's availability; null when
    /// the client does not watch that kind.
    /// </summary>
    public SerializedHubMessage? CatchUp(ClientChannel client, PushKinds kind)
    {
        var connectionId = client.Connection.ConnectionId;
        try
        {
            return kind switch
            {
                PushKinds.Kpis when subscriptions.GroupOf(connectionId) is { } group => new SerializedHubMessage(
                    new InvocationMessage(nameof(IWallboardClient.KpisChanged), [subscriptions.Snapshot(engine, group.Keys)])),
                PushKinds.Agents when agentSubscriptions.QueuesOf(connectionId) is { } queues => AgentsMessage(queues),
                PushKinds.Boards => BoardsMessage(),
                PushKinds.Status => StatusMessage(status.RedisAvailable),
                _ => null,
            };
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Called on a write's completion: a failure must not leave the client's channel held.
            LogCatchUpFailed(error, kind, connectionId);
            return null;
        }
    }

    private SerializedHubMessage AgentsMessage(IReadOnlyList<string> queues) =>
        new(new InvocationMessage(nameof(IWallboardClient.AgentsChanged), [AgentsPayload.Of(engine, queues)]));

    private static SerializedHubMessage BoardsMessage() => new(new InvocationMessage(nameof(IWallboardClient.BoardsChanged), []));

    private SerializedHubMessage StatusMessage(bool available) => new(new InvocationMessage(
        nameof(IWallboardClient.StatusChanged),
        [new BoardStatus(!available, available ? null : "event log unavailable: " + status.RedisError, engine.Clock)]));

    private void OnRedisAvailabilityChanged(bool available)
    {
        var message = StatusMessage(available);
        foreach (var client in connections.All)
        {
            client.TryWrite(message, PushKinds.Status, CatchUp);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The snapshot pipeline stopped")]
    private partial void LogPipelineFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A broadcast failed; the next one retries")]
    private partial void LogBroadcastFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up {Kind} for client {ConnectionId} failed; the client keeps what it showed until that kind changes again")]
    private partial void LogCatchUpFailed(Exception error, PushKinds kind, string connectionId);
}
