using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>occupancy</c>: busy + wrapup seconds over busy + wrapup + available seconds, clipped to the window.</summary>
public class OccupancyKpiTests
{
    [Fact]
    public void Occupancy_BusySinceBeforeTheWindow_IsClippedAtTheWindowStart()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available);
        harness.Agent(400, "a1", AgentState.Busy);

        harness.ClockTo(600);

        // Window [300, 600): available 100 s, busy 200 s.
        Assert.Equal(100.0 * 200 / 300, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(100.0 * 200 / 600, harness.Kpi(KpiId.Occupancy, "60m"));
    }

    [Fact]
    public void Occupancy_StateChangeExactlyAtTheWindowStart_FillsTheWindow()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available);
        harness.Agent(100, "a1", AgentState.Busy);

        harness.ClockTo(399);
        Assert.Equal(100.0 * 299 / 300, harness.Kpi(KpiId.Occupancy, "5m"));

        harness.ClockTo(400);
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m"));
    }

    [Fact]
    public void Occupancy_WrapupCountsAsOccupied()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available);
        harness.Agent(100, "a1", AgentState.Wrapup);

        harness.ClockTo(200);

        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "5m"));
    }

    [Fact]
    public void Occupancy_AwayAndOfflineTime_IsNotInTheDenominator()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available);
        harness.Agent(100, "a1", AgentState.Away);
        harness.Agent(200, "a1", AgentState.Busy);
        harness.Agent(250, "a1", AgentState.Offline);

        harness.ClockTo(290);

        // Staffed: available 0–100, busy 200–250.
        Assert.Equal(100.0 * 50 / 150, harness.Kpi(KpiId.Occupancy, "5m"));
    }

    [Fact]
    public void Occupancy_OnlyAwayOrOffline_IsNull()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Away, ["sales"]);
        harness.Agent(0, "a2", AgentState.Offline, ["sales"]);

        harness.ClockTo(100);

        Assert.Null(harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Null(harness.Kpi(KpiId.Occupancy, "today", "queue:sales"));
        Assert.Null(harness.Kpi(KpiId.Occupancy, "5m", "team:nobody"));
    }

    [Fact]
    public void Occupancy_SeveralAgents_SumsTheirSeconds()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Busy, team: "red");
        harness.Agent(0, "a2", AgentState.Available, team: "red");
        harness.Agent(0, "a3", AgentState.Wrapup, team: "blue");
        harness.Agent(150, "a2", AgentState.Busy);

        harness.ClockTo(300);

        // red: a1 300 busy, a2 150 available + 150 busy; blue: a3 300 wrap-up.
        Assert.Equal(100.0 * 450 / 600, harness.Kpi(KpiId.Occupancy, "5m", "team:red"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m", "team:blue"));
        Assert.Equal(100.0 * 750 / 900, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "5m", "agent:a2"));
    }

    [Fact]
    public void Occupancy_SubSecondChanges_TruncateToTheSecond()
    {
        var harness = new EngineHarness();
        harness.Agent(0.9, "a1", AgentState.Available);
        harness.Agent(10.7, "a1", AgentState.Busy);

        harness.ClockTo(20.3);

        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "5m"));
    }

    [Fact]
    public void Occupancy_MembershipChange_EachQueueSeesOnlyItsPart()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["q1"]);
        harness.Agent(100, "a1", AgentState.Busy, ["q2"]);

        harness.ClockTo(200);

        Assert.Equal(0, harness.Kpi(KpiId.Occupancy, "5m", "queue:q1"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m", "queue:q2"));
        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "5m", "agent:a1"));

        harness.ClockTo(400);
        Assert.Null(harness.Kpi(KpiId.Occupancy, "5m", "queue:q1"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m", "queue:q2"));
    }

    [Fact]
    public void Occupancy_MembershipChangeWithoutStateChange_MovesTheAvailableTime()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["q1"]);
        harness.Agent(0, "a2", AgentState.Busy, ["q1", "q2"]);

        harness.Agent(100, "a1", AgentState.Available, ["q2"]);
        harness.ClockTo(300);

        // q1: a1 available 0–100, a2 busy 0–300. q2: a1 available 100–300, a2 busy 0–300.
        Assert.Equal(75, harness.Kpi(KpiId.Occupancy, "5m", "queue:q1"));
        Assert.Equal(60, harness.Kpi(KpiId.Occupancy, "5m", "queue:q2"));
    }

    [Fact]
    public void Occupancy_Today_CountsFromTheReset()
    {
        var harness = new EngineHarness(start: new DateTimeOffset(2026, 11, 23, 23, 58, 0, TimeSpan.Zero));
        harness.Agent(0, "a1", AgentState.Available, ["sales"]);
        harness.Agent(60, "a1", AgentState.Busy);

        harness.ClockTo(150);

        // Today is [00:00:00, 00:00:30): busy all along. The 5-minute window holds 60 s available, 90 s busy.
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "today"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "today", "queue:sales"));
        Assert.Equal(60, harness.Kpi(KpiId.Occupancy, "5m"));
    }

    [Fact]
    public void Occupancy_Today_AvailableSinceYesterdayThenBusy()
    {
        var harness = new EngineHarness(start: new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero));
        harness.Agent(0, "a1", AgentState.Available);
        harness.Agent(3630, "a1", AgentState.Busy);

        harness.ClockTo(3660);

        // Today is [00:00:00, 00:01:00): 30 s available, 30 s busy.
        Assert.Equal(50, harness.Kpi(KpiId.Occupancy, "today"));
    }

    [Fact]
    public void Occupancy_TodayOfAQueueWithItsOwnReset_CountsFromThatReset()
    {
        // The harness starts at 09:00 UTC; the queue's day starts at 09:00, the site's at midnight.
        var harness = new EngineHarness(options =>
            options.Queues["night"] = new QueueSettingsOverride { DailyReset = TimeSpan.FromHours(9) });
        harness.Agent(-120, "a1", AgentState.Available, ["night"]);
        harness.Agent(-60, "a1", AgentState.Busy);

        harness.ClockTo(60);

        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "today", "queue:night"));
        Assert.Equal(100.0 * 120 / 180, harness.Kpi(KpiId.Occupancy, "today"));
    }

    [Fact]
    public void Occupancy_AllBusyNoChangeInTheWindow_IsHundred()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Busy);

        harness.ClockTo(5000);

        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "60m"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "today"));
    }

    [Fact]
    public void Occupancy_StateEventArrivesOutOfOrder_SameAsInOrder()
    {
        var inOrder = new EngineHarness();
        inOrder.Agent(0, "a1", AgentState.Available);
        inOrder.Agent(50, "a1", AgentState.Busy);
        inOrder.Agent(80, "a1", AgentState.Wrapup);
        inOrder.Agent(90, "a1", AgentState.Available);
        inOrder.ClockTo(200);

        var shuffled = new EngineHarness();
        shuffled.Agent(90, "a1", AgentState.Available);
        shuffled.Agent(0, "a1", AgentState.Available);
        shuffled.Agent(80, "a1", AgentState.Wrapup);
        shuffled.Agent(50, "a1", AgentState.Busy);
        shuffled.ClockTo(200);

        Assert.Equal(20, inOrder.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(20, shuffled.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(20, shuffled.Kpi(KpiId.Occupancy, "today", "agent:a1"));
    }
}
