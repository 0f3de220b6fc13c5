using Wallboard.Server.Alerts.Delivery;
using static Wallboard.Server.Tests.Alerts.Delivery.Samples;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class TeamsMessageTests
{
    [Fact]
    public void Build_OneAlertResolved_AdaptiveCardInAWorkflowsMessage()
    {
        var alert = Alert(value: 84.1, phase: "resolved", resolvedAt: Fired.AddMinutes(14).AddSeconds(30));

        var json = TeamsMessage.Build(Message(NotificationKind.Resolved, "teams", alert), ConsoleUrl).ToJsonString(DeliveryRequest.Json);

        Assert.Equal(
            """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"Alert resolved","weight":"Bolder","size":"Medium","color":"Good","wrap":true},{"type":"TextBlock","text":"Service level (15m) on queue:sales: back at 84.1 % after 14 min","wrap":true,"spacing":"Small"},{"type":"TextBlock","text":"Route oncall","isSubtle":true,"size":"Small"}],"actions":[{"type":"Action.OpenUrl","title":"Open the alerts console","url":"https://wallboard.example.com/alerts"}]}}]}""",
            json);
    }

    [Fact]
    public void Build_WarningAndCriticalFired_AttentionColourAndOneLineEach()
    {
        var card = TeamsMessage.Build(Message(NotificationKind.Fired, "teams", Alert("sales", "warning", 78), Alert("vip", "critical", 61)), null)["attachments"]![0]!["content"]!;

        Assert.Equal("Attention", (string)card["body"]![0]!["color"]!);
        Assert.Equal(
            ["2 alerts fired", "Warning: Service level (15m) on queue:sales is 78 % (threshold below 80 %)", "Critical: Service level (15m) on queue:vip is 61 % (threshold below 70 %)", "Route oncall"],
            card["body"]!.AsArray().Select(block => (string)block!["text"]!));
        Assert.Null(card["actions"]);
    }
}
