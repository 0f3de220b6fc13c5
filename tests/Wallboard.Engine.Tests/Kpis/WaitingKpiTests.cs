using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>contactsWaiting</c> and <c>longestWait</c>, the <c>now</c> gauges of the queue.</summary>
public class WaitingKpiTests
{
    [Fact]
    public void LongestWait_SeveralWaiting_IsTheOldestOne()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "q1");
        harness.Queued(10, "c2", "q2");
        harness.Queued(20, "c3", "q2");

        harness.ClockTo(30.7);

        Assert.Equal(3, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(30, harness.Kpi(KpiId.LongestWait, "now"));
        Assert.Equal(30, harness.Kpi(KpiId.LongestWait, "now", "queue:q1"));
        Assert.Equal(20, harness.Kpi(KpiId.LongestWait, "now", "queue:q2"));
        Assert.Equal(2, harness.Kpi(KpiId.ContactsWaiting, "now", "queue:q2"));
    }

    [Fact]
    public void LongestWait_OldestLeaves_NextOldestTakesOver()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(10, "c2");
        harness.Queued(20, "c3");

        harness.Answered(40, "c1");

        Assert.Equal(2, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(30, harness.Kpi(KpiId.LongestWait, "now"));
        harness.Abandoned(45, "c2");
        Assert.Equal(25, harness.Kpi(KpiId.LongestWait, "now"));
    }

    [Fact]
    public void LongestWait_MiddleOneLeaves_OldestStays()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(10, "c2");

        harness.Answered(40, "c2");

        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(40, harness.Kpi(KpiId.LongestWait, "now"));
    }

    [Fact]
    public void LongestWait_TruncatesBothEndsToSeconds()
    {
        var harness = new EngineHarness();
        harness.Queued(0.9, "c1");

        harness.ClockTo(10.2);

        Assert.Equal(10, harness.Kpi(KpiId.LongestWait, "now"));
    }

    [Fact]
    public void LongestWait_NobodyWaiting_IsNullAndWaitingIsZero()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(5, "c1");

        Assert.Null(harness.Kpi(KpiId.LongestWait, "now"));
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Null(harness.Kpi(KpiId.LongestWait, "now", "queue:unknown"));
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now", "queue:unknown"));
    }

    [Fact]
    public void LongestWait_GrowsWithTheClock()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", channel: "chat");

        harness.ClockTo(100);
        Assert.Equal(100, harness.Kpi(KpiId.LongestWait, "now", "channel:chat"));
        harness.ClockTo(500);
        Assert.Equal(500, harness.Kpi(KpiId.LongestWait, "now", "channel:chat"));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now", "channel:chat"));
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now", "channel:voice"));
    }

    [Fact]
    public void LongestWait_ContactQueuedOutOfOrder_TakesItsPlaceInLine()
    {
        var harness = new EngineHarness();
        harness.Queued(100, "c1");

        harness.Queued(50, "c2");
        harness.ClockTo(120);

        Assert.Equal(70, harness.Kpi(KpiId.LongestWait, "now"));
        harness.Answered(130, "c2");
        Assert.Equal(30, harness.Kpi(KpiId.LongestWait, "now"));
    }

    [Fact]
    public void ContactsWaiting_AnswerArrivesBeforeItsQueued_NeverWaits()
    {
        var harness = new EngineHarness();
        harness.Answered(30, "c1");

        harness.Queued(10, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered));
        Assert.Equal(20, harness.Kpi(KpiId.Asa));
    }

    [Fact]
    public void Gauges_AreOnlyInTheNowWindow()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.ClockTo(10);

        Assert.Null(harness.Kpi(KpiId.ContactsWaiting, "5m"));
        Assert.Null(harness.Kpi(KpiId.LongestWait, "today"));
        Assert.Null(harness.Kpi(KpiId.Offered, "now"));
    }
}
