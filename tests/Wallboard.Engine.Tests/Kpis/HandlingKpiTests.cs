using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>handled</c>, <c>aht</c>, <c>avgTalk</c>, <c>avgHold</c>, <c>avgWrap</c>: measured at the completion.</summary>
public class HandlingKpiTests
{
    [Fact]
    public void HandleTimes_TwoCompletions_AreTheMeans()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Answered(5, "c1");
        harness.Answered(5, "c2");

        harness.Completed(200, "c1", talk: 100, hold: 20, wrap: 30);
        harness.Completed(250, "c2", talk: 200, hold: 0, wrap: 10);

        Assert.Equal(2, harness.Kpi(KpiId.Handled));
        Assert.Equal(180, harness.Kpi(KpiId.Aht));
        Assert.Equal(150, harness.Kpi(KpiId.AvgTalk));
        Assert.Equal(10, harness.Kpi(KpiId.AvgHold));
        Assert.Equal(20, harness.Kpi(KpiId.AvgWrap));
    }

    [Fact]
    public void HandleTimes_FractionalSeconds_AreKeptToTheMillisecond()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Answered(1, "c1");

        harness.Completed(20, "c1", talk: 10.5, hold: 0.25, wrap: 0.125);

        Assert.Equal(10.875, harness.Kpi(KpiId.Aht));
        Assert.Equal(10.5, harness.Kpi(KpiId.AvgTalk));
        Assert.Equal(0.25, harness.Kpi(KpiId.AvgHold));
        Assert.Equal(0.125, harness.Kpi(KpiId.AvgWrap));
    }

    [Fact]
    public void HandleTimes_AnsweredButNotCompleted_AreNull()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(5, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.Handled));
        Assert.Null(harness.Kpi(KpiId.Aht));
        Assert.Null(harness.Kpi(KpiId.AvgTalk));
        Assert.Null(harness.Kpi(KpiId.AvgHold));
        Assert.Null(harness.Kpi(KpiId.AvgWrap));
    }

    [Fact]
    public void Handled_CompletingAgent_GetsTheCompletionInItsScope()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales", "chat");
        harness.Queued(0, "c2", "support", "voice");
        harness.Answered(5, "c1", "a1");
        harness.Answered(5, "c2", "a2");

        harness.Completed(60, "c1", "a1", talk: 40);
        harness.Completed(90, "c2", "a2", talk: 80);

        Assert.Equal(1, harness.Kpi(KpiId.Handled, "5m", "agent:a1"));
        Assert.Equal(40, harness.Kpi(KpiId.Aht, "5m", "agent:a1"));
        Assert.Equal(80, harness.Kpi(KpiId.AvgTalk, "today", "agent:a2"));
        Assert.Equal(40, harness.Kpi(KpiId.Aht, "60m", "queue:sales"));
        Assert.Equal(80, harness.Kpi(KpiId.Aht, "5m", "channel:voice"));
        Assert.Equal(60, harness.Kpi(KpiId.Aht, "today"));
    }

    [Fact]
    public void Handled_IsMeasuredAtTheCompletion()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Answered(5, "c1");
        harness.Completed(250, "c1", talk: 200, wrap: 45);

        harness.ClockTo(549);
        Assert.Equal(1, harness.Kpi(KpiId.Handled, "5m"));
        Assert.Equal(245, harness.Kpi(KpiId.Aht, "5m"));

        harness.ClockTo(550);
        Assert.Equal(0, harness.Kpi(KpiId.Handled, "5m"));
        Assert.Null(harness.Kpi(KpiId.Aht, "5m"));
        Assert.Equal(245, harness.Kpi(KpiId.Aht, "60m"));
    }
}
