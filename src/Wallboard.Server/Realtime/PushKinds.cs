namespace Wallboard.Server.Realtime;

/// <summary>
/// What a push carries, as far as catching up goes: each kind but <see cref="None"/> shows state the server
/// can write again whole, so a client that missed one gets the state as it is now instead of a queue.
/// </summary>
[Flags]
internal enum PushKinds
{
    /// <summary>A message that cannot be rebuilt from state (an alert change): the caller writes it itself when the channel is busy.</summary>
    None = 0,

    /// <summary>KPI rows (and whether they are stale): caught up with a full snapshot of the subscription.</summary>
    Kpis = 1,

    /// <summary>The agents and waiting contacts of the watched queues.</summary>
    Agents = 2,

    /// <summary>The boards' configuration changed.</summary>
    Boards = 4,

    /// <summary>Whether the event log is available.</summary>
    Status = 8,
}
