using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>asa</c>, <c>avgAbandonTime</c>, <c>maxWait</c>: waits of contacts that left the queue.</summary>
public class WaitTimeKpiTests
{
    [Fact]
    public void Asa_TwoAnswers_IsTheMeanWait()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(5, "c2");

        harness.Answered(10, "c1");
        harness.Answered(30, "c2");

        Assert.Equal(17.5, harness.Kpi(KpiId.Asa));
        Assert.Equal(17.5, harness.Kpi(KpiId.Asa, "today", "queue:sales"));
    }

    [Fact]
    public void Asa_MillisecondWaits_AreExact()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0.25, "c2");

        harness.Answered(1.5, "c1");
        harness.Answered(2.5, "c2");

        Assert.Equal(1.875, harness.Kpi(KpiId.Asa));
    }

    [Fact]
    public void Asa_AbandonsOnly_IsNull()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Abandoned(40, "c1");

        Assert.Null(harness.Kpi(KpiId.Asa));
        Assert.Equal(40, harness.Kpi(KpiId.AvgAbandonTime));
    }

    [Fact]
    public void Asa_AgentScope_UsesThatAgentsAnswers()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Queued(0, "c3");

        harness.Answered(10, "c1", "a1");
        harness.Answered(30, "c2", "a2");
        harness.Answered(50, "c3", "a2");

        Assert.Equal(10, harness.Kpi(KpiId.Asa, "5m", "agent:a1"));
        Assert.Equal(40, harness.Kpi(KpiId.Asa, "60m", "agent:a2"));
        Assert.Equal(30, harness.Kpi(KpiId.Asa));
    }

    [Fact]
    public void AvgAbandonTime_ShortAbandonsIncluded_IsTheMeanOfAll()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Queued(0, "c3");

        harness.Abandoned(3, "c1");
        harness.Abandoned(30, "c2");
        harness.Answered(100, "c3");

        Assert.Equal(16.5, harness.Kpi(KpiId.AvgAbandonTime));
        Assert.Equal(16.5, harness.Kpi(KpiId.AvgAbandonTime, "today", "channel:voice"));
    }

    [Fact]
    public void AvgAbandonTime_NoAbandon_IsNull()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(4, "c1");

        Assert.Null(harness.Kpi(KpiId.AvgAbandonTime));
    }

    [Fact]
    public void MaxWait_AnswersAndAbandons_IsTheLargestWait()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Queued(0, "c3");

        harness.Answered(12.345, "c1");
        harness.Abandoned(40, "c2");
        harness.Answered(41, "c3", "a2");

        Assert.Equal(41, harness.Kpi(KpiId.MaxWait));
        Assert.Equal(12.345, harness.Kpi(KpiId.MaxWait, "5m", "agent:a1"));
        Assert.Equal(41, harness.Kpi(KpiId.MaxWait, "today", "queue:sales"));
    }

    [Fact]
    public void MaxWait_StillWaitingContact_IsNotCounted()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");

        harness.Answered(10, "c1");
        harness.ClockTo(200);

        Assert.Equal(10, harness.Kpi(KpiId.MaxWait));
    }

    [Fact]
    public void MaxWait_NobodyLeft_IsNull()
    {
        var harness = new EngineHarness();

        harness.Queued(0, "c1");

        Assert.Null(harness.Kpi(KpiId.MaxWait));
        Assert.Null(harness.Kpi(KpiId.MaxWait, "today"));
    }

    [Fact]
    public void MaxWait_LongestSlidesOut_SmallerOneStays()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Abandoned(100, "c1");
        harness.Queued(150, "c2");
        harness.Answered(160, "c2");

        harness.ClockTo(399);
        Assert.Equal(100, harness.Kpi(KpiId.MaxWait, "5m"));

        harness.ClockTo(400);
        Assert.Equal(10, harness.Kpi(KpiId.MaxWait, "5m"));
        Assert.Equal(100, harness.Kpi(KpiId.MaxWait, "60m"));

        harness.ClockTo(460);
        Assert.Null(harness.Kpi(KpiId.MaxWait, "5m"));
        Assert.Equal(100, harness.Kpi(KpiId.MaxWait, "today"));
    }

    [Fact]
    public void MaxWait_Today_StartsAgainAtMidnight()
    {
        var harness = new EngineHarness(start: new DateTimeOffset(2026, 11, 23, 23, 58, 0, TimeSpan.Zero));
        harness.Queued(0, "c1");
        harness.Abandoned(90, "c1");
        harness.Queued(110, "c2");

        harness.Answered(125, "c2");

        Assert.Equal(15, harness.Kpi(KpiId.MaxWait, "today"));
        Assert.Equal(90, harness.Kpi(KpiId.MaxWait, "5m"));
    }

    [Fact]
    public void MaxWait_AfterRequeue_UsesTheWaitInTheLatestQueue()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales");
        harness.Answered(8, "c1");
        harness.Transferred(60, "c1", "support");
        harness.Queued(60, "c1", "support");

        harness.Answered(95, "c1", "a2");

        Assert.Equal(35, harness.Kpi(KpiId.MaxWait));
        Assert.Equal(8, harness.Kpi(KpiId.MaxWait, "5m", "queue:sales"));
        Assert.Equal(35, harness.Kpi(KpiId.MaxWait, "5m", "queue:support"));
    }

    [Fact]
    public void MaxWait_AgentOnlyChangedStateSince_SlidesAsIfMovedEverySecond()
    {
        // After the answer the agent scope records occupancy only: its maxima and answer panes are moved to the
        // clock when read, and must read as if they had been moved at every second in between.
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["sales"]);
        harness.Queued(0, "c1");
        harness.Answered(40, "c1", "a1");
        harness.Agent(40, "a1", AgentState.Busy);
        harness.Agent(200, "a1", AgentState.Wrapup);

        harness.Agent(341, "a1", AgentState.Available);

        Assert.Null(harness.Kpi(KpiId.MaxWait, "5m", "agent:a1"));
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "5m", "agent:a1"));
        Assert.Equal(40, harness.Kpi(KpiId.MaxWait, "15m", "agent:a1"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "15m", "agent:a1"));
        Assert.Equal(40, harness.Kpi(KpiId.MaxWait, "today", "agent:a1"));
    }
}
