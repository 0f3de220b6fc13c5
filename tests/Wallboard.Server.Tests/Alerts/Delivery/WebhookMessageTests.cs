using Wallboard.Server.Alerts.Delivery;
using static Wallboard.Server.Tests.Alerts.Delivery.Samples;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class WebhookMessageTests
{
    [Fact]
    public void Build_TwoAlertsFired_ChangeFirstAlertRouteAndGroup()
    {
        var json = WebhookMessage.Build(Message(NotificationKind.Fired, "hook", Alert("sales", "warning", 78), Alert("vip", "critical", 61))).ToJsonString(DeliveryRequest.Json);

        Assert.Equal(
            """{"change":"fired","alert":{"id":"service-level-queues|queue:sales|1795424460","ruleId":"service-level-queues","scope":"queue:sales","kpi":"serviceLevel","kpiLabel":"Service level","window":"15m","phase":"firing","severity":"warning","value":78,"breachedSince":"2026-11-23T09:00:00+00:00","firedAt":"2026-11-23T09:01:00+00:00","resolvedAt":null,"acknowledged":null,"timeline":[{"kind":"fired","at":"2026-11-23T09:01:00+00:00","severity":"warning","value":78,"by":null,"note":null}]},"route":"oncall","group":[{"id":"service-level-queues|queue:sales|1795424460","ruleId":"service-level-queues","scope":"queue:sales","kpi":"serviceLevel","kpiLabel":"Service level","window":"15m","phase":"firing","severity":"warning","value":78,"breachedSince":"2026-11-23T09:00:00+00:00","firedAt":"2026-11-23T09:01:00+00:00","resolvedAt":null,"acknowledged":null,"timeline":[{"kind":"fired","at":"2026-11-23T09:01:00+00:00","severity":"warning","value":78,"by":null,"note":null}]},{"id":"service-level-queues|queue:vip|1795424460","ruleId":"service-level-queues","scope":"queue:vip","kpi":"serviceLevel","kpiLabel":"Service level","window":"15m","phase":"firing","severity":"critical","value":61,"breachedSince":"2026-11-23T09:00:00+00:00","firedAt":"2026-11-23T09:01:00+00:00","resolvedAt":null,"acknowledged":null,"timeline":[{"kind":"fired","at":"2026-11-23T09:01:00+00:00","severity":"critical","value":61,"by":null,"note":null}]}]}""",
            json);
    }
}
