using Wallboard.Engine.Alerts;
using Wallboard.Server.Alerts.Delivery;
using static Wallboard.Server.Tests.Alerts.Delivery.Samples;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class PagerDutyEventTests
{
    [Fact]
    public void Build_Fired_TriggerWithTheAlertIdAsDedupKey()
    {
        var json = PagerDutyEvent.Build(Message(NotificationKind.Fired, "pagerduty", Alert()), "ROUTING-KEY", "wallboard", ConsoleUrl).ToJsonString(DeliveryRequest.Json);

        Assert.Equal(
            """{"routing_key":"ROUTING-KEY","event_action":"trigger","dedup_key":"service-level-queues|queue:sales|1795424460","payload":{"summary":"Critical: Service level (15m) on queue:sales is 65.2 % (threshold below 70 %)","source":"wallboard","severity":"critical","timestamp":"2026-11-23T09:01:00.000+00:00","component":"queue:sales","group":"service-level-queues","class":"serviceLevel","custom_details":{"alertId":"service-level-queues|queue:sales|1795424460","change":"fired","kpi":"Service level","window":"15m","value":65.2,"threshold":"below 70 %","breachedSince":"2026-11-23T09:00:00+00:00","firedAt":"2026-11-23T09:01:00+00:00","route":"oncall"}},"client":"Wallboard","client_url":"https://wallboard.example.com/alerts"}""",
            json);
    }

    [Fact]
    public void Build_Acknowledged_AcknowledgeOnTheSameDedupKeyWithoutPayload()
    {
        var alert = Alert(acknowledged: new Acknowledgement("maria", Fired.AddMinutes(2), "on it"));

        var json = PagerDutyEvent.Build(Message(NotificationKind.Acknowledged, "pagerduty", alert), "ROUTING-KEY", "wallboard", ConsoleUrl).ToJsonString(DeliveryRequest.Json);

        Assert.Equal("""{"routing_key":"ROUTING-KEY","event_action":"acknowledge","dedup_key":"service-level-queues|queue:sales|1795424460"}""", json);
    }

    [Fact]
    public void Build_Resolved_ResolveOnTheSameDedupKey()
    {
        var alert = Alert(value: 85, phase: "resolved", resolvedAt: Fired.AddMinutes(10));

        var json = PagerDutyEvent.Build(Message(NotificationKind.Resolved, "pagerduty", alert), "ROUTING-KEY", "wallboard", null).ToJsonString(DeliveryRequest.Json);

        Assert.Equal("""{"routing_key":"ROUTING-KEY","event_action":"resolve","dedup_key":"service-level-queues|queue:sales|1795424460"}""", json);
    }

    [Fact]
    public void Action_ReminderAndNoData_AreNotSentToPagerDuty()
    {
        Assert.Equal(
            ["trigger", "trigger", "acknowledge", null, "resolve", null, "trigger"],
            Enum.GetValues<NotificationKind>().Select(PagerDutyEvent.Action));
    }

    [Fact]
    public void DedupKey_LongerThan255_CutToLengthWithAStableHash()
    {
        var id = "rule|queue:" + new string('x', 300) + "|1795424460";
        var other = "rule|queue:" + new string('x', 300) + "|1795424461";

        var key = PagerDutyEvent.DedupKey(id);

        Assert.Equal(255, key.Length);
        Assert.Equal(key, PagerDutyEvent.DedupKey(id));
        Assert.NotEqual(key, PagerDutyEvent.DedupKey(other));
        Assert.Equal("short|queue:a|1", PagerDutyEvent.DedupKey("short|queue:a|1"));
    }
}
