using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Wallboard.Server.Realtime;

/// <summary>
/// The live hub connections, so that a push can be written once per group and skip a client that has
/// not finished reading the previous one: a slow client costs one flag, never a growing queue, and is
/// sent a full snapshot when it catches up.
/// </summary>
internal sealed class ConnectionTracker
{
    private readonly ConcurrentDictionary<string, ClientChannel> _clients = new(StringComparer.Ordinal);

    public int Count => _clients.Count;

    public void Add(HubConnectionContext connection) => _clients[connection.ConnectionId] = new ClientChannel(connection);

    public void Remove(string connectionId) => _clients.TryRemove(connectionId, out _);

    public ClientChannel? Find(string connectionId) => _clients.GetValueOrDefault(connectionId);

    public IEnumerable<ClientChannel> All => _clients.Values;
}
