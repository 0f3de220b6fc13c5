using Wallboard.Server.Alerts;
using Wallboard.Server.Alerts.Delivery;
using static Wallboard.Server.Tests.Alerts.Delivery.Samples;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class AlertTextTests
{
    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(60, "1 min")]
    [InlineData(899, "14 min")]
    [InlineData(3600, "1 h")]
    [InlineData(7500, "2 h 5 min")]
    public void Duration_Span_InWords(int seconds, string expected)
    {
        Assert.Equal(expected, AlertText.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Threshold_BandsOfARule_InTheKpisUnit()
    {
        var occupancy = new AlertRuleOptions
        {
            Kpi = "occupancy",
            Warning = new AlertBandOptions { Above = 90, Below = 70 },
            Critical = new AlertBandOptions { Above = 95 },
        };
        var wait = new AlertRuleOptions { Kpi = "longestWait", Warning = new AlertBandOptions { Above = 60 } };

        Assert.Equal("outside 70 %–90 %", AlertText.Threshold(occupancy, "warning"));
        Assert.Equal("above 95 %", AlertText.Threshold(occupancy, "critical"));
        Assert.Equal("above 60 s", AlertText.Threshold(wait, "warning"));
        Assert.Null(AlertText.Threshold(wait, "critical"));
        Assert.Null(AlertText.Threshold(null, "warning"));
    }

    [Fact]
    public void Line_ResolvedWithoutAValue_SaysItCleared()
    {
        var alert = Alert(value: null, phase: "resolved", resolvedAt: Fired.AddMinutes(17).AddSeconds(10));

        Assert.Equal("Service level (15m) on queue:sales: no value now, cleared after 17 min", AlertText.Line(Notification(NotificationKind.Resolved, alert)));
    }

    [Fact]
    public void Header_UnacknowledgedGroup_SaysForHowLong()
    {
        var message = new OutboundMessage("m1", "oncall", "lead", NotificationKind.Unacknowledged,
            [Notification(NotificationKind.Unacknowledged, Alert("sales"), "lead", at: Fired.AddMinutes(15)), Notification(NotificationKind.Unacknowledged, Alert("vip"), "lead", at: Fired.AddMinutes(15))]);

        Assert.Equal("2 alerts unacknowledged for 15 min", AlertText.Header(message));
    }
}
