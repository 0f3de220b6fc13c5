namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// Where a rule's alerts go (<c>Alerts:Routes:&lt;name&gt;</c>): channels per severity, reminders while firing and
/// unacknowledged, escalation to further channels, and the window in which changes are grouped into one message.
/// </summary>
internal sealed class AlertRouteOptions
{
    /// <summary>Channels told when an alert fires at warning (and of its later changes).</summary>
    public IList<string> Warning { get; set; } = [];

    /// <summary>Channels told when an alert fires at or escalates to critical.</summary>
    public IList<string> Critical { get; set; } = [];

    /// <summary>Remind the chat channels this often while an alert fires unacknowledged (on the alert clock); none when unset.</summary>
    public TimeSpan? RepeatEvery { get; set; }

    /// <summary>After this long firing unacknowledged, tell <see cref="EscalateTo"/> as well.</summary>
    public TimeSpan? EscalateAfter { get; set; }

    public IList<string> EscalateTo { get; set; } = [];

    /// <summary>Changes of one kind on this route within this window go out as one message per channel (PagerDuty excepted).</summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromSeconds(5);

    public IList<string> ChannelsFor(string severity) => severity == "critical" ? Critical : Warning;
}
