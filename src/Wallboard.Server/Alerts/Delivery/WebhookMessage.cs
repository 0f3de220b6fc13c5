using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// The generic JSON webhook body: the change and the first alert as the hub carries them
/// (<see cref="AlertChangePayload"/>), the route, and every alert of the grouped message in <c>group</c>.
/// </summary>
internal static class WebhookMessage
{
    public static JsonObject Build(OutboundMessage message) => new()
    {
        ["change"] = message.Kind.Wire(),
        ["alert"] = JsonSerializer.SerializeToNode(message.Notifications[0].Alert, JsonSerializerOptions.Web),
        ["route"] = message.Route,
        ["group"] = new JsonArray([.. message.Notifications.Select(notification => JsonSerializer.SerializeToNode(notification.Alert, JsonSerializerOptions.Web))]),
    };
}
