namespace Wallboard.Engine.Alerts;

/// <summary>What happened to an alert; the delivery layer decides whom to tell.</summary>
public enum AlertChangeKind
{
    /// <summary>Breached for the minimum duration: a new alert.</summary>
    Fired,

    /// <summary>Warning rose to critical (the same alert).</summary>
    Escalated,

    /// <summary>Critical fell back to warning (the same alert).</summary>
    Deescalated,

    /// <summary>Back on the good side; resolves if it stays there for the clear duration.</summary>
    Clearing,

    /// <summary>Breached again while clearing: still the same alert, nobody is told again.</summary>
    Rebreached,

    Acknowledged,

    /// <summary>The data behind the rule stopped while firing.</summary>
    NoData,

    /// <summary>The data came back while the alert was in no-data.</summary>
    DataReturned,

    Resolved,
}
