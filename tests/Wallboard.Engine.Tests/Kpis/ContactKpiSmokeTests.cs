using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

public class ContactKpiSmokeTests
{
    [Fact]
    public void Answered_AfterTenSeconds_CountsWithWait()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Answered(10, "c1");
        Assert.Equal(1, harness.Kpi(KpiId.Offered));
        Assert.Equal(1, harness.Kpi(KpiId.Answered));
        Assert.Equal(10, harness.Kpi(KpiId.Asa));
        Assert.Equal(100, harness.Kpi(KpiId.ServiceLevel));
        Assert.Equal(10, harness.Kpi(KpiId.MaxWait));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "60m", "agent:a1"));
        Assert.Null(harness.Kpi(KpiId.Aht));
    }

    [Fact]
    public void Occupancy_HalfBusy_IsFifty()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["sales"], "t1");
        harness.Agent(60, "a1", AgentState.Busy);
        harness.ClockTo(120);
        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "today", "team:t1"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsOnline, "now"));
    }

    [Fact]
    public void Waiting_OneContact_LongestWaitTicks()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.ClockTo(42.5);
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(42, harness.Kpi(KpiId.LongestWait, "now", "queue:sales"));
        harness.Abandoned(43, "c1");
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Null(harness.Kpi(KpiId.LongestWait, "now"));
        Assert.Equal(100, harness.Kpi(KpiId.AbandonRate));
    }
}
