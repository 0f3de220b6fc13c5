using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>agentsAvailable</c>, <c>agentsBusy</c>, <c>agentsWrapup</c>, <c>agentsAway</c>, <c>agentsOnline</c>.</summary>
public class AgentGaugeKpiTests
{
    private static EngineHarness FiveAgents()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["sales"], "red");
        harness.Agent(1, "a2", AgentState.Busy, ["sales", "support"], "red");
        harness.Agent(2, "a3", AgentState.Wrapup, ["support"], "blue");
        harness.Agent(3, "a4", AgentState.Away, ["support"], "blue");
        harness.Agent(4, "a5", AgentState.Offline, ["sales"], "blue");
        return harness;
    }

    [Fact]
    public void Gauges_AllScope_CountEveryState()
    {
        var harness = FiveAgents();

        Assert.Equal(1, harness.Kpi(KpiId.AgentsAvailable, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsWrapup, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsAway, "now"));
        Assert.Equal(4, harness.Kpi(KpiId.AgentsOnline, "now"));
    }

    [Fact]
    public void Gauges_QueueScope_CountAgentsOfThatQueue()
    {
        var harness = FiveAgents();

        Assert.Equal(1, harness.Kpi(KpiId.AgentsAvailable, "now", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now", "queue:sales"));
        Assert.Equal(2, harness.Kpi(KpiId.AgentsOnline, "now", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now", "queue:support"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsWrapup, "now", "queue:support"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsAway, "now", "queue:support"));
        Assert.Equal(3, harness.Kpi(KpiId.AgentsOnline, "now", "queue:support"));
    }

    [Fact]
    public void Gauges_TeamAndAgentScopes_CountTheirAgents()
    {
        var harness = FiveAgents();

        Assert.Equal(2, harness.Kpi(KpiId.AgentsOnline, "now", "team:red"));
        Assert.Equal(2, harness.Kpi(KpiId.AgentsOnline, "now", "team:blue"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsAway, "now", "team:blue"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsWrapup, "now", "agent:a3"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsOnline, "now", "agent:a5"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsOnline, "now", "agent:nobody"));
    }

    [Fact]
    public void Gauges_StateChange_MovesTheAgent()
    {
        var harness = FiveAgents();

        harness.Agent(10, "a1", AgentState.Busy);
        harness.Agent(11, "a5", AgentState.Available);

        Assert.Equal(1, harness.Kpi(KpiId.AgentsAvailable, "now"));
        Assert.Equal(2, harness.Kpi(KpiId.AgentsBusy, "now"));
        Assert.Equal(5, harness.Kpi(KpiId.AgentsOnline, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsAvailable, "now", "team:blue"));
        Assert.Equal(2, harness.Kpi(KpiId.AgentsBusy, "now", "queue:sales"));
    }

    [Fact]
    public void Gauges_GoingOffline_LeavesOnline()
    {
        var harness = FiveAgents();

        harness.Agent(10, "a2", AgentState.Offline);

        Assert.Equal(0, harness.Kpi(KpiId.AgentsBusy, "now"));
        Assert.Equal(3, harness.Kpi(KpiId.AgentsOnline, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsOnline, "now", "queue:sales"));
    }

    [Fact]
    public void Gauges_MembershipChange_MovesTheAgentBetweenQueuesAndTeams()
    {
        var harness = FiveAgents();

        harness.Agent(10, "a1", AgentState.Available, ["support"], "blue");

        Assert.Equal(0, harness.Kpi(KpiId.AgentsAvailable, "now", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsAvailable, "now", "queue:support"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsOnline, "now", "team:red"));
        Assert.Equal(3, harness.Kpi(KpiId.AgentsOnline, "now", "team:blue"));
        Assert.Equal(4, harness.Kpi(KpiId.AgentsOnline, "now"));
    }

    [Fact]
    public void Gauges_QueuesAbsent_KeepTheLastKnownMembership()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["sales"], "red");

        harness.Agent(10, "a1", AgentState.Away);

        Assert.Equal(1, harness.Kpi(KpiId.AgentsAway, "now", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsAway, "now", "team:red"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsAvailable, "now", "queue:sales"));
    }

    [Fact]
    public void AgentsOnline_AgentOnlySeenAnsweringAContact_IsOffline()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(5, "c1", "ghost");

        Assert.Equal(0, harness.Kpi(KpiId.AgentsOnline, "now"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsOnline, "now", "agent:ghost"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "5m", "agent:ghost"));
    }

    [Fact]
    public void Gauges_StateEventsOutOfOrder_ShowTheLatestState()
    {
        var harness = new EngineHarness();
        harness.Agent(20, "a1", AgentState.Busy, ["sales"]);

        harness.Agent(10, "a1", AgentState.Available, ["sales"]);

        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now", "queue:sales"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsAvailable, "now", "queue:sales"));
    }
}
