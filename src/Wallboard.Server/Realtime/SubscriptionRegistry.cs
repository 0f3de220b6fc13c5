using Wallboard.Engine;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Api;
using Wallboard.Server.Hosting;

namespace Wallboard.Server.Realtime;

/// <summary>Who watches what. Clients with the same subscription share a group, so a change is serialized once per group.</summary>
internal sealed class SubscriptionRegistry(ServerStatus status)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SubscriptionGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubscriptionGroup> _byConnection = new(StringComparer.Ordinal);
    private Dictionary<SubscriptionKey, KpiValues?> _given = [];

    public void Subscribe(string connectionId, IReadOnlyCollection<SubscriptionKey> keys)
    {
        var signature = string.Join('\n', keys.Select(key => $"{key.Scope}|{key.Window}").Order(StringComparer.Ordinal));
        lock (_gate)
        {
            RemoveLocked(connectionId);
            if (!_groups.TryGetValue(signature, out var group))
            {
                group = new SubscriptionGroup(signature, keys);
                _groups.Add(signature, group);
            }

            group.Connections.Add(connectionId);
            _byConnection[connectionId] = group;
        }
    }

    public void Remove(string connectionId)
    {
        lock (_gate)
        {
            RemoveLocked(connectionId);
        }
    }

    /// <summary>The groups with their connection ids, copied so the caller can iterate without the lock.</summary>
    public IReadOnlyList<(SubscriptionGroup Group, string[] Connections)> Groups()
    {
        lock (_gate)
        {
            return [.. _groups.Values.Select(group => (group, group.Connections.ToArray()))];
        }
    }

    public SubscriptionGroup? GroupOf(string connectionId)
    {
        lock (_gate)
        {
            return _byConnection.GetValueOrDefault(connectionId);
        }
    }

    /// <summary>The current values of every key, read fresh from the engine.</summary>
    public KpiUpdate Snapshot(WallboardEngine engine, IEnumerable<SubscriptionKey> keys)
    {
        var asOf = engine.Clock;
        var values = keys.Select(key => (Key: key, Values: engine.Read(key.Scope, key.Window))).ToList();
        lock (_gate)
        {
            foreach (var (key, read) in values)
            {
                _given[key] = !_given.TryGetValue(key, out var earlier) || (earlier is not null && earlier.SameAs(read)) ? read : null;
            }
        }

        var rows = values.Select(pair => KpiPayload.From(pair.Key.Scope, pair.Key.Window, asOf, pair.Values)).ToList();
        return new KpiUpdate(0, asOf, Full: true, Stale: !status.RedisAvailable, rows);
    }

    /// <summary>
    /// The values snapshots gave out since the last call, by key (null where boards were given different
    /// values), so that a push follows whenever a board's values differ from what it was given.
    /// </summary>
    public Dictionary<SubscriptionKey, KpiValues?> TakeGivenValues()
    {
        lock (_gate)
        {
            var given = _given;
            _given = [];
            return given;
        }
    }

    private void RemoveLocked(string connectionId)
    {
        if (!_byConnection.Remove(connectionId, out var group))
        {
            return;
        }

        group.Connections.Remove(connectionId);
        if (group.Connections.Count == 0)
        {
            _groups.Remove(group.Signature);
        }
    }
}
