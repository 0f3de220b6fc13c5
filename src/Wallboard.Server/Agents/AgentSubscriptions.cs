namespace Wallboard.Server.Agents;

/// <summary>Which connections watch the agents of which queues; connections with the same queues share one message.</summary>
internal sealed class AgentSubscriptions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _signatureByConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<string> Queues, HashSet<string> Connections)> _groups = new(StringComparer.Ordinal);

    public void Subscribe(string connectionId, IReadOnlyList<string> queues)
    {
        var sorted = queues.Order(StringComparer.Ordinal).ToArray();
        var signature = string.Join('\n', sorted);
        lock (_gate)
        {
            RemoveLocked(connectionId);
            if (!_groups.TryGetValue(signature, out var group))
            {
                group = (sorted, new HashSet<string>(StringComparer.Ordinal));
                _groups.Add(signature, group);
            }

            group.Connections.Add(connectionId);
            _signatureByConnection[connectionId] = signature;
        }
    }

    public void Remove(string connectionId)
    {
        lock (_gate)
        {
            RemoveLocked(connectionId);
        }
    }

    /// <summary>The queues the connection watches the agents of, or null when it watches none.</summary>
    public IReadOnlyList<string>? QueuesOf(string connectionId)
    {
        lock (_gate)
        {
            return _signatureByConnection.TryGetValue(connectionId, out var signature) ? _groups[signature].Queues : null;
        }
    }

    public IReadOnlyList<(IReadOnlyList<string> Queues, string[] Connections)> Groups()
    {
        lock (_gate)
        {
            return [.. _groups.Values.Select(group => (group.Queues, group.Connections.ToArray()))];
        }
    }

    private void RemoveLocked(string connectionId)
    {
        if (!_signatureByConnection.Remove(connectionId, out var signature))
        {
            return;
        }

        var group = _groups[signature];
        group.Connections.Remove(connectionId);
        if (group.Connections.Count == 0)
        {
            _groups.Remove(signature);
        }
    }
}
