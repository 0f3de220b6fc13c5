using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>The HTTP request for one message to one channel. Holds secrets (URL, routing key, headers): never log it.</summary>
internal sealed record DeliveryRequest(Uri Url, JsonObject Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Bodies keep their characters as they are (•, ·, &lt;url|text&gt;) rather than \u escapes: JSON either way, readable this way.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body as sent.</summary>
    public string Text => Body.ToJsonString(Json);

    /// <summary>Builds the channel kind's payload for a message.</summary>
    public static DeliveryRequest For(OutboundMessage message, AlertChannelOptions channel, AlertDeliveryOptions options)
    {
        var body = channel.Kind switch
        {
            AlertChannelKind.Slack => SlackMessage.Build(message, options.ConsoleUrl),
            AlertChannelKind.Teams => TeamsMessage.Build(message, options.ConsoleUrl),
            AlertChannelKind.PagerDuty => PagerDutyEvent.Build(message, channel.RoutingKey ?? string.Empty, options.Source, options.ConsoleUrl),
            _ => WebhookMessage.Build(message),
        };
        return new DeliveryRequest(new Uri(channel.EffectiveUrl!, UriKind.Absolute), body, channel.Headers);
    }

    /// <summary>Removes the URL (and its path and query, where the secrets are) from an error text.</summary>
    public string Redact(string text)
    {
        foreach (var secret in new[] { Url.OriginalString, Url.AbsoluteUri, Url.PathAndQuery }.Where(part => part.Length > 1))
        {
            text = text.Replace(secret, "<redacted>", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
