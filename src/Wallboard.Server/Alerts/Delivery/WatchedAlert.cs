namespace Wallboard.Server.Alerts.Delivery;

/// <summary>An active alert as delivery follows it: for reminders and escalation while it fires unacknowledged.</summary>
internal sealed class WatchedAlert(AlertPayload alert, string route)
{
    public AlertPayload Alert { get; set; } = alert;

    /// <summary>The route it was notified on (kept when a reload removes or re-routes its rule).</summary>
    public string Route { get; } = route;

    /// <summary>The number of the last reminder planned (0: none yet in this process).</summary>
    public int Reminders { get; set; }

    /// <summary>Whether the escalation channels were told (in this process; Redis markers cover restarts).</summary>
    public bool Escalated { get; set; }
}
