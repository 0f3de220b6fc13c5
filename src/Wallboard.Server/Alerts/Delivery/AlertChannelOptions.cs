namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// One notification channel (<c>Alerts:Channels:&lt;name&gt;</c>). The URL, the routing key and the headers are
/// secrets: set them from the environment (<c>Alerts__Channels__oncall__Url</c>) or a secret store, never in a
/// committed file. They are never logged; logs and delivery records name the channel only.
/// </summary>
internal sealed class AlertChannelOptions
{
    public const string PagerDutyEventsUrl = "https://events.pagerduty.com/v2/enqueue";

    public AlertChannelKind Kind { get; set; } = AlertChannelKind.Webhook;

    /// <summary>Where to POST (a string, not a Uri, so that a binding error never prints it). PagerDuty: the Events API URL, by default <see cref="PagerDutyEventsUrl"/>.</summary>
    public string? Url { get; set; }

    /// <summary>PagerDuty: the integration (routing) key of the service.</summary>
    public string? RoutingKey { get; set; }

    /// <summary>Extra request headers, e.g. <c>Authorization</c> for a generic webhook.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>Per-attempt timeout for this channel; <c>Alerts:Delivery:Timeout</c> when unset.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The URL to post to, with the PagerDuty default filled in.</summary>
    public string? EffectiveUrl => string.IsNullOrWhiteSpace(Url) && Kind == AlertChannelKind.PagerDuty ? PagerDutyEventsUrl : Url;
}
