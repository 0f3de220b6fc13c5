namespace Wallboard.Server.Alerts.Delivery;

/// <summary>What sits behind a notification channel, which decides the message format.</summary>
internal enum AlertChannelKind
{
    /// <summary>Generic JSON: the alert change, the route, and the group of alerts.</summary>
    Webhook,

    /// <summary>Slack incoming webhook (<c>{"text", "blocks"}</c>).</summary>
    Slack,

    /// <summary>Microsoft Teams Workflows webhook with an Adaptive Card.</summary>
    Teams,

    /// <summary>PagerDuty Events API v2: trigger, acknowledge and resolve on one dedup key per alert.</summary>
    PagerDuty,
}
