using Microsoft.AspNetCore.SignalR;

namespace Wallboard.Server.Realtime;

/// <summary>One client's outgoing side: at most one push in flight, and a flag when it missed one.</summary>
internal sealed class ClientChannel(HubConnectionContext connection)
{
    private int _busy;

    public HubConnectionContext Connection { get; } = connection;

    /// <summary>Set when a push was skipped because the client was still busy; the next push must be a full snapshot.</summary>
    public bool NeedsResync { get; set; }

    public long Skipped { get; private set; }

    /// <summary>Writes the message unless the previous write has not completed; returns whether it was written.</summary>
    public bool TryWrite(SerializedHubMessage message, Action<ClientChannel> completed)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            NeedsResync = true;
            Skipped++;
            return false;
        }

        var write = Connection.WriteAsync(message, Connection.ConnectionAborted);
        if (write.IsCompleted)
        {
            Release(completed);
        }
        else
        {
            _ = AwaitAsync(write, completed);
        }

        return true;
    }

    private async Task AwaitAsync(ValueTask write, Action<ClientChannel> completed)
    {
        try
        {
            await write;
        }
        catch (OperationCanceledException)
        {
            // The connection is closing; OnDisconnected removes it.
        }

        Release(completed);
    }

    private void Release(Action<ClientChannel> completed)
    {
        Volatile.Write(ref _busy, 0);
        completed(this);
    }
}
