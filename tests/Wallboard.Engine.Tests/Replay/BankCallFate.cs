namespace Wallboard.Engine.Tests.Replay;

/// <summary>What the replay makes of one row of the bank's call log (see docs/replay.md).</summary>
internal enum BankCallFate
{
    /// <summary>Queued, then served (outcome AGENT): queued, answered at q_exit, completed at ser_exit.</summary>
    Answered,

    /// <summary>Queued, then hung up (outcome HANG): queued, abandoned at q_exit.</summary>
    Abandoned,

    /// <summary>Served straight from the VRU, never queued (q_start 0:00:00, outcome AGENT): completed only.</summary>
    ServedWithoutQueue,

    /// <summary>Outcome PHANTOM, "a virtual call to be ignored" per the data's documentation: no event.</summary>
    Phantom,

    /// <summary>Hung up in the VRU before reaching a queue: never offered, no event.</summary>
    LeftInVru,

    /// <summary>Skipped: q_exit before q_start (the wait crosses midnight).</summary>
    QueueCrossesMidnight,

    /// <summary>Skipped: ser_exit before ser_start (the service crosses midnight).</summary>
    ServiceCrossesMidnight,

    /// <summary>Skipped: outcome AGENT but no ser_start or ser_exit.</summary>
    NoServiceTimes,

    /// <summary>Skipped: the service ends before the call left the queue.</summary>
    ServiceEndsBeforeAnswer,

    /// <summary>Skipped: a recorded duration disagrees with its start and end, or a queue exit has no queue start.</summary>
    InconsistentTimes,
}
