using Wallboard.Engine.Alerts;
using Wallboard.Server.Alerts.Delivery;
using static Wallboard.Server.Tests.Alerts.Delivery.Samples;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class SlackMessageTests
{
    [Fact]
    public void Build_OneCriticalAlertFired_TextHeaderLineAndConsoleLink()
    {
        var json = SlackMessage.Build(Message(NotificationKind.Fired, Alert()), ConsoleUrl).ToJsonString(DeliveryRequest.Json);

        Assert.Equal(
            """{"text":"Critical alert fired: Critical: Service level (15m) on queue:sales is 65.2 % (threshold below 70 %)","blocks":[{"type":"header","text":{"type":"plain_text","text":":red_circle: Critical alert fired","emoji":true}},{"type":"section","text":{"type":"mrkdwn","text":"• Critical: Service level (15m) on queue:sales is 65.2 % (threshold below 70 %)"}},{"type":"context","elements":[{"type":"mrkdwn","text":"Route *oncall* · <https://wallboard.example.com/alerts|Open the alerts console>"}]}]}""",
            json);
    }

    [Fact]
    public void Build_ThreeWarningsFired_OneMessageListingTheThree()
    {
        var message = Message(NotificationKind.Fired, Alert("sales", "warning", 78), Alert("support", "warning", 75.5), Alert("billing", "warning", 79.9));

        var json = SlackMessage.Build(message, consoleUrl: null).ToJsonString(DeliveryRequest.Json);

        Assert.Equal(
            """{"text":"3 alerts fired: Service level (15m) on queue:sales, Service level (15m) on queue:support, Service level (15m) on queue:billing","blocks":[{"type":"header","text":{"type":"plain_text","text":":large_orange_circle: 3 alerts fired","emoji":true}},{"type":"section","text":{"type":"mrkdwn","text":"• Warning: Service level (15m) on queue:sales is 78 % (threshold below 80 %)\n• Warning: Service level (15m) on queue:support is 75.5 % (threshold below 80 %)\n• Warning: Service level (15m) on queue:billing is 79.9 % (threshold below 80 %)"}},{"type":"context","elements":[{"type":"mrkdwn","text":"Route *oncall*"}]}]}""",
            json);
    }

    [Fact]
    public void Build_TwentyFiveAlerts_ListsTwentyAndCountsTheRest()
    {
        var message = Message(NotificationKind.Resolved, [.. Enumerable.Range(1, 25).Select(index => Alert($"q{index}", value: 85, phase: "resolved", resolvedAt: Fired.AddMinutes(12)))]);

        var lines = ((string)SlackMessage.Build(message, null)["blocks"]![1]!["text"]!["text"]!).Split('\n');

        Assert.Equal(21, lines.Length);
        Assert.Equal("• Service level (15m) on queue:q1: back at 85 % after 12 min", lines[0]);
        Assert.Equal("…and 5 more", lines[^1]);
        Assert.Equal("25 alerts resolved: Service level (15m) on queue:q1, Service level (15m) on queue:q2, Service level (15m) on queue:q3, and 22 more", (string)SlackMessage.Build(message, null)["text"]!);
    }

    [Fact]
    public void Build_AcknowledgedWithANoteHoldingMarkup_EscapesItInBlocks()
    {
        var alert = Alert(acknowledged: new Acknowledgement("maria", Fired.AddMinutes(2), "<!channel> calls & chats"));

        var section = (string)SlackMessage.Build(Message(NotificationKind.Acknowledged, alert), null)["blocks"]![1]!["text"]!["text"]!;

        Assert.Equal("• Service level (15m) on queue:sales: acknowledged by maria: &lt;!channel&gt; calls &amp; chats", section);
    }
}
