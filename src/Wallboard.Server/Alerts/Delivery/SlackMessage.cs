using System.Text.Json.Nodes;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>A Slack incoming-webhook message: <c>text</c> for the notification, and blocks listing the alerts.</summary>
internal static class SlackMessage
{
    /// <summary>Slack renders at most 3000 characters per section; a long group is cut with a count.</summary>
    private const int MaxLines = 20;
    private const int MaxSectionLength = 3000;

    public static JsonObject Build(OutboundMessage message, string? consoleUrl)
    {
        var footer = $"Route *{Escape(message.Route)}*" + (consoleUrl is null ? string.Empty : $" · <{consoleUrl}|Open the alerts console>");
        return new JsonObject
        {
            ["text"] = AlertText.Summary(message),
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "header",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut($"{Emoji(message)} {AlertText.Header(message)}", 150), ["emoji"] = true },
                },
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(Lines(message), MaxSectionLength) },
                },
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = footer }),
                }),
        };
    }

    private static string Lines(OutboundMessage message)
    {
        var lines = message.Notifications.Take(MaxLines).Select(notification => "• " + Escape(AlertText.Line(notification))).ToList();
        if (message.Notifications.Count > MaxLines)
        {
            lines.Add($"…and {message.Notifications.Count - MaxLines} more");
        }

        return string.Join('\n', lines);
    }

    private static string Emoji(OutboundMessage message) => message.Kind switch
    {
        NotificationKind.Acknowledged => ":eyes:",
        NotificationKind.NoData => ":grey_question:",
        NotificationKind.Resolved => ":white_check_mark:",
        _ => message.Notifications.Any(notification => notification.Alert.Severity == "critical") ? ":red_circle:" : ":large_orange_circle:",
    };

    // Slack's mrkdwn treats these three as control characters.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
