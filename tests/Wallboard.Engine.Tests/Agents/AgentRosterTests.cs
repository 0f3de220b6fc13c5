using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Agents;

/// <summary>The agent roster through the engine: re-derivation, lateness, baseline compaction, occupancy against a brute force.</summary>
public class AgentRosterTests
{
    private static readonly string[] Queues = ["q1", "q2"];
    private static readonly string[] Teams = ["red", "blue"];

    [Fact]
    public void Apply_LateChangeThenInWindowChange_KeepsOccupancyConsistent()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available);
        harness.ClockTo(1000);
        Assert.Equal(IngestStatus.Late, harness.Agent(600, "a1", AgentState.Busy).Status);

        harness.Agent(800, "a1", AgentState.Away);

        // Available until the lateness boundary (700), then busy 700–800, then away.
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(12.5, harness.Kpi(KpiId.Occupancy, "60m"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsAway, "now"));
    }

    [Fact]
    public void Apply_LateChangeOlderThanANewerKnownState_KeepsTheNewerState()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["sales"]);
        harness.Agent(900, "a1", AgentState.Busy);
        harness.ClockTo(1000);

        Assert.Equal(IngestStatus.Late, harness.Agent(650, "a1", AgentState.Away).Status);

        // From the boundary (700) to 900 the agent is away now, not available; busy from 900 on.
        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now", "queue:sales"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(100.0 * 100 / 800, harness.Kpi(KpiId.Occupancy, "today"));
    }

    [Fact]
    public void Apply_ChangeOlderThanTheCompactedBaseline_IsIgnored()
    {
        // The change at 1000 folds the one at 100 into the baseline; a change before 100 is superseded by it.
        var harness = new EngineHarness();
        harness.Agent(100, "a1", AgentState.Available);
        harness.Agent(1000, "a1", AgentState.Busy);

        Assert.Equal(IngestStatus.Late, harness.Agent(50, "a1", AgentState.Offline).Status);
        harness.ClockTo(1100);

        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsOnline, "now"));
        Assert.Equal(10, harness.Kpi(KpiId.Occupancy, "60m"));
    }

    [Fact]
    public void Apply_MembershipChangeOlderThanTheFoldedChanges_IsIgnored()
    {
        // At 1000 the changes at 100 and 200 are past the lateness and belong to the baseline, whether or not the
        // roster has folded them yet: a queue change at 150 is superseded by them and must not move the agent.
        var harness = new EngineHarness();
        harness.Agent(100, "a1", AgentState.Available, ["sales"]);
        harness.Agent(200, "a1", AgentState.Busy);
        harness.Agent(1000, "a1", AgentState.Available);

        Assert.Equal(IngestStatus.Late, harness.Agent(150, "a1", AgentState.Away, ["support"]).Status);

        Assert.Equal(1, harness.Kpi(KpiId.AgentsAvailable, "now", "queue:sales"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsOnline, "now", "queue:support"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsAway, "now"));
    }

    [Fact]
    public void Apply_MembershipChangeArrivesFirst_SameAsInOrder()
    {
        var harness = new EngineHarness();
        harness.Agent(100, "a1", AgentState.Busy, ["q2"], "blue");

        harness.Agent(0, "a1", AgentState.Available, ["q1"], "red");
        harness.ClockTo(200);

        Assert.Equal(0, harness.Kpi(KpiId.Occupancy, "5m", "queue:q1"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m", "queue:q2"));
        Assert.Equal(0, harness.Kpi(KpiId.Occupancy, "5m", "team:red"));
        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now", "team:blue"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsOnline, "now", "queue:q1"));
    }

    [Fact]
    public void Occupancy_RandomStatesShuffledWithinLateness_MatchesBruteForce()
    {
        var random = new Random(2026);
        var changes = RandomChanges(random);
        var harness = new EngineHarness();
        var received = new List<Change>();
        var arrivals = changes.Select(change => (Change: change, Arrival: change.Second + random.Next(0, 250)))
            .OrderBy(pair => pair.Arrival)
            .ToList();

        for (var i = 0; i < arrivals.Count; i++)
        {
            var change = arrivals[i].Change;
            Assert.Equal(IngestStatus.Accepted, harness.Agent(change.Second, change.Agent, change.State, [change.Queue], change.Team).Status);
            received.Add(change);
            if (i % 10 != 9)
            {
                continue;
            }

            var now = received.Max(c => c.Second);
            foreach (var scope in new[] { "all", "queue:q1", "queue:q2", "team:red", "team:blue", "agent:a2" })
            {
                Assert.Equal(Expected(received, scope, now - 300, now), harness.Kpi(KpiId.Occupancy, "5m", scope));
                Assert.Equal(Expected(received, scope, now - 3600, now), harness.Kpi(KpiId.Occupancy, "60m", scope));
                Assert.Equal(Expected(received, scope, -9 * 3600, now), harness.Kpi(KpiId.Occupancy, "today", scope));
            }
        }
    }

    private static List<Change> RandomChanges(Random random)
    {
        AgentState[] states = [AgentState.Available, AgentState.Busy, AgentState.Wrapup, AgentState.Away, AgentState.Offline];
        var changes = new List<Change>();
        foreach (var agent in new[] { "a1", "a2", "a3" })
        {
            var second = random.Next(0, 60);
            while (second < 3000)
            {
                var state = states[random.Next(states.Length)];
                changes.Add(new Change(second, agent, state, Queues[random.Next(Queues.Length)], Teams[random.Next(Teams.Length)]));
                second += random.Next(1, 120);
            }
        }

        return changes;
    }

    // Time-weighted occupancy in [from, to) from the changes known: each state lasts until the agent's next change.
    private static double? Expected(List<Change> received, string scope, long from, long to)
    {
        long occupied = 0;
        long staffed = 0;
        foreach (var agentChanges in received.GroupBy(change => change.Agent))
        {
            var ordered = agentChanges.OrderBy(change => change.Second).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var current = ordered[i];
                var until = i + 1 < ordered.Count ? ordered[i + 1].Second : to;
                var seconds = Math.Max(0, Math.Min(until, to) - Math.Max(current.Second, from));
                if (!IsMember(current, scope))
                {
                    continue;
                }

                occupied += current.State is AgentState.Busy or AgentState.Wrapup ? seconds : 0;
                staffed += current.State is AgentState.Busy or AgentState.Wrapup or AgentState.Available ? seconds : 0;
            }
        }

        return staffed == 0 ? null : 100.0 * occupied / staffed;
    }

    private static bool IsMember(Change change, string scope) => scope switch
    {
        "all" => true,
        _ when scope.StartsWith("queue:", StringComparison.Ordinal) => change.Queue == scope[6..],
        _ when scope.StartsWith("team:", StringComparison.Ordinal) => change.Team == scope[5..],
        _ => change.Agent == scope[6..],
    };

    private sealed record Change(long Second, string Agent, AgentState State, string Queue, string Team);
}
