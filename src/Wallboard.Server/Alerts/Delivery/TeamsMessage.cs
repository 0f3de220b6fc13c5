using System.Text.Json.Nodes;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>A Microsoft Teams Workflows message: one Adaptive Card (1.4) with the headline and a line per alert.</summary>
internal static class TeamsMessage
{
    private const int MaxLines = 20;

    public static JsonObject Build(OutboundMessage message, string? consoleUrl)
    {
        var body = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = AlertText.Header(message),
            ["weight"] = "Bolder",
            ["size"] = "Medium",
            ["color"] = Color(message),
            ["wrap"] = true,
        });
        foreach (var notification in message.Notifications.Take(MaxLines))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = AlertText.Line(notification), ["wrap"] = true, ["spacing"] = "Small" });
        }

        if (message.Notifications.Count > MaxLines)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"…and {message.Notifications.Count - MaxLines} more", ["isSubtle"] = true });
        }

        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"Route {message.Route}", ["isSubtle"] = true, ["size"] = "Small" });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (consoleUrl is not null)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the alerts console", ["url"] = consoleUrl });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    private static string Color(OutboundMessage message) => message.Kind switch
    {
        NotificationKind.Resolved => "Good",
        NotificationKind.Acknowledged or NotificationKind.NoData => "Default",
        _ => message.Notifications.Any(notification => notification.Alert.Severity == "critical") ? "Attention" : "Warning",
    };
}
