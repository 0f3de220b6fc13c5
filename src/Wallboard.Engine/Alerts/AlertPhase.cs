namespace Wallboard.Engine.Alerts;

/// <summary>Where an alert is in its life.</summary>
public enum AlertPhase
{
    /// <summary>Breached, but not yet for the rule's minimum duration: nobody is told yet.</summary>
    Pending,

    /// <summary>Breached for the minimum duration (or clearing, but not yet for the clear duration).</summary>
    Firing,

    /// <summary>Was firing when the data behind it stopped (ingest stale, Redis away): not resolved, not trusted.</summary>
    NoData,

    /// <summary>Back on the good side of the clear level for the clear duration.</summary>
    Resolved,
}
