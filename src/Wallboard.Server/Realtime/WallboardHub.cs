using Microsoft.AspNetCore.SignalR;
using Wallboard.Engine;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Agents;

namespace Wallboard.Server.Realtime;

/// <summary>
/// The board hub (<c>/hubs/wallboard</c>). It holds no state: subscribing registers the connection with
/// the <see cref="SubscriptionRegistry"/> and answers with the full snapshot; changes are pushed by the
/// <see cref="SnapshotBroadcaster"/>.
/// </summary>
internal sealed class WallboardHub(WallboardEngine engine, SubscriptionRegistry subscriptions, AgentSubscriptions agentSubscriptions)
    : Hub<IWallboardClient>
{
    public const string Path = "/hubs/wallboard";
    private const int MaxKeys = 2_000;

    /// <summary>Subscribes to scopes × windows, replacing any earlier subscription, and returns their current values.</summary>
    public KpiUpdate Subscribe(SubscribeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keys = Parse(request);
        subscriptions.Subscribe(Context.ConnectionId, keys);
        return subscriptions.Snapshot(engine, keys);
    }

    public void Unsubscribe() => subscriptions.Remove(Context.ConnectionId);

    /// <summary>Watches the agents of <paramref name="queues"/> (all agents when empty) and returns them now.</summary>
    public AgentsPayload SubscribeAgents(IReadOnlyList<string> queues)
    {
        var named = (queues ?? []).Where(queue => queue is { Length: > 0 and <= 128 }).Distinct(StringComparer.Ordinal).Take(200).ToList();
        agentSubscriptions.Subscribe(Context.ConnectionId, named);
        return AgentsPayload.Of(engine, named);
    }

    /// <summary>The ranked per-agent view, as <c>GET /api/v1/agents/ranking</c> gives it, for consoles already on the hub.</summary>
    public AgentRankingPayload Ranking(string? window, string? by)
    {
        var windows = engine.Windows.Where(candidate => candidate.Kind != WindowKind.Now).ToList();
        WindowId? windowId = windows[0];
        if (window is not null && (!WindowId.TryParse(window, out windowId) || !windows.Contains(windowId.Value)))
        {
            throw new HubException($"window '{window}' is not one of {string.Join(", ", windows)}");
        }

        var column = AgentRanking.DefaultBy;
        if (by is not null && !AgentRanking.TryColumn(by, out column))
        {
            throw new HubException($"by '{by}' is not one of {string.Join(", ", AgentRanking.Columns.Select(id => KpiCatalog.Get(id).Name))}");
        }

        return AgentRanking.Of(engine, windowId.Value, column);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Remove(Context.ConnectionId);
        agentSubscriptions.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private List<SubscriptionKey> Parse(SubscribeRequest request)
    {
        var windows = new List<WindowId>();
        foreach (var text in request.Windows ?? [])
        {
            if (!WindowId.TryParse(text, out var window) || !engine.Windows.Contains(window.Value))
            {
                throw new HubException($"window '{text}' is not one of {string.Join(", ", engine.Windows)}");
            }

            windows.Add(window.Value);
        }

        var keys = new List<SubscriptionKey>();
        foreach (var text in request.Scopes ?? [])
        {
            if (!ScopeId.TryParse(text, out var scope))
            {
                throw new HubException($"scope '{text}' is not 'all' or kind:name");
            }

            keys.AddRange(windows.Select(window => new SubscriptionKey(scope.Value, window)));
        }

        return keys.Count is > 0 and <= MaxKeys
            ? [.. keys.Distinct()]
            : throw new HubException($"subscribe to 1 to {MaxKeys} scope × window pairs; got {keys.Count}");
    }
}
