using System.Numerics;
using Microsoft.AspNetCore.SignalR;

namespace Wallboard.Server.Realtime;

/// <summary>
/// One client's outgoing side: at most one write in flight, and what the client missed while it was busy.
/// A push that finds the channel busy is dropped and its kind remembered; the next write to the channel
/// (the one that finishes the busy write, or the next push) first writes the current state of every
/// missed kind. So a client that missed something never gets a later change before the state it missed.
/// </summary>
internal sealed class ClientChannel(HubConnectionContext connection)
{
    private int _busy;
    private int _missed;
    private long _skipped;

    public HubConnectionContext Connection { get; } = connection;

    /// <summary>Whether the client missed a push that has not been made good yet.</summary>
    public bool NeedsResync => Volatile.Read(ref _missed) != 0;

    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Whether a write to the client is in flight (or being followed by the state it missed).</summary>
    public bool Busy => Volatile.Read(ref _busy) != 0;

    /// <summary>
    /// Writes the message unless a write is in flight; returns whether the message was written (or made
    /// good by the current state of its kind, written in its place).
    /// </summary>
    /// <param name="message">The push.</param>
    /// <param name="kind">What it carries; <see cref="PushKinds.None"/> for a message the caller must write itself when this returns false.</param>
    /// <param name="catchUp">The current state of one missed kind as a message, or null when the client does not watch it.</param>
    public bool TryWrite(SerializedHubMessage message, PushKinds kind, Func<ClientChannel, PushKinds, SerializedHubMessage?> catchUp)
    {
        if (TryAcquire())
        {
            if (kind != PushKinds.None && Volatile.Read(ref _missed) != 0)
            {
                // The missed state is written now, and it includes this push's change.
                Interlocked.Or(ref _missed, (int)kind);
                Run(null, catchUp);
            }
            else
            {
                Run(message, catchUp);
            }

            return true;
        }

        if (kind == PushKinds.None)
        {
            return false;
        }

        Interlocked.Increment(ref _skipped);
        Interlocked.Or(ref _missed, (int)kind);

        // The write in flight may have ended between the two looks, before it could see this kind missed.
        if (TryAcquire())
        {
            Run(null, catchUp);
        }

        return false;
    }

    private bool TryAcquire() => Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

    /// <summary>Holding the channel: writes the message, then whatever was missed meanwhile, then lets go.</summary>
    private void Run(SerializedHubMessage? message, Func<ClientChannel, PushKinds, SerializedHubMessage?> catchUp)
    {
        while (true)
        {
            message ??= NextCatchUp(catchUp);
            if (message is null)
            {
                Interlocked.Exchange(ref _busy, 0);

                // A push skipped after the last look at what was missed, but before the release, found the channel
                // busy; its own second look may have come too early as well, so this side looks again.
                if (Volatile.Read(ref _missed) == 0 || !TryAcquire())
                {
                    return;
                }

                continue;
            }

            var write = Connection.WriteAsync(message, Connection.ConnectionAborted);
            if (!write.IsCompletedSuccessfully)
            {
                // In flight, or ended by the connection closing: the rest goes on once the write is awaited.
                _ = AwaitThenRunAsync(write, catchUp);
                return;
            }

            message = null;
        }
    }

    private async Task AwaitThenRunAsync(ValueTask write, Func<ClientChannel, PushKinds, SerializedHubMessage?> catchUp)
    {
        try
        {
            await write;
        }
        catch (OperationCanceledException)
        {
            // The connection is closing; OnDisconnected removes it.
        }

        Run(null, catchUp);
    }

    private SerializedHubMessage? NextCatchUp(Func<ClientChannel, PushKinds, SerializedHubMessage?> catchUp)
    {
        while (Volatile.Read(ref _missed) is var missed and not 0)
        {
            var kind = 1 << BitOperations.TrailingZeroCount(missed);
            Interlocked.And(ref _missed, ~kind);
            if (catchUp(this, (PushKinds)kind) is { } message)
            {
                return message;
            }
        }

        return null;
    }
}
