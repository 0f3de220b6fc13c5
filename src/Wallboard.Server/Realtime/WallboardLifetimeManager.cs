using Microsoft.AspNetCore.SignalR;

namespace Wallboard.Server.Realtime;

/// <summary>The default in-memory lifetime manager, also keeping the connection contexts the broadcaster writes to.</summary>
internal sealed class WallboardLifetimeManager(ConnectionTracker connections, ILogger<DefaultHubLifetimeManager<WallboardHub>> logger)
    : DefaultHubLifetimeManager<WallboardHub>(logger)
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        connections.Add(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.Remove(connection.ConnectionId);
        await base.OnDisconnectedAsync(connection);
    }
}
