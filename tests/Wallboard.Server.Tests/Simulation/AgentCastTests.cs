using Wallboard.Server.Simulation;

namespace Wallboard.Server.Tests.Simulation;

public sealed class AgentCastTests
{
    [Theory]
    [InlineData(new[] { 3.0, 1.0 }, 4, new[] { 3, 1 })]
    [InlineData(new[] { 1.0, 1.0, 1.0 }, 4, new[] { 2, 1, 1 })]
    [InlineData(new[] { 100.0, 0.1 }, 3, new[] { 2, 1 })]
    [InlineData(new[] { 1.0, 0.0 }, 3, new[] { 3, 0 })]
    public void Apportion_Weights_LargestRemainderWithOnePerWeightedQueue(double[] weights, int headCount, int[] expected) =>
        Assert.Equal(expected, AgentCast.Apportion(weights, headCount));

    [Fact]
    public void Create_DemoCentre_EveryAgentHasOneToThreeQueuesAndATeamInTurn()
    {
        var queues = SimulatorOptions.DemoQueues();

        var agents = AgentCast.Create(new Random(1), queues, 40, SimulatorOptions.DemoTeams).ToList();

        Assert.Equal(Enumerable.Range(1, 40).Select(n => $"a{n:D2}"), agents.Select(agent => agent.Id));
        Assert.Equal(Enumerable.Range(0, 40), agents.Select(agent => agent.Rank));
        Assert.All(agents, agent => Assert.InRange(agent.Queues.Count, 1, 3));
        Assert.All(agents, agent => Assert.Equal(agent.Queues.Count, agent.Queues.Distinct().Count()));
        Assert.All(agents, agent => Assert.Equal(agent.Queues.Select(queue => queues[queue].Name), agent.QueueNames));
        Assert.Equal(["alpha", "bravo", "charlie", "delta", "alpha"], agents.Take(5).Select(agent => agent.Team));
        Assert.Equal(40, agents.Select(agent => agent.Name).Distinct().Count());
    }

    [Fact]
    public void Create_DemoCentre_TheNightShiftCoversEveryQueueSeveralTimes()
    {
        var queues = SimulatorOptions.DemoQueues();

        var nightShift = AgentCast.Create(new Random(1), queues, 40, SimulatorOptions.DemoTeams).Take(14).ToList();

        Assert.All(Enumerable.Range(0, queues.Count), queue => Assert.True(nightShift.Count(agent => agent.IsSkilledFor(queue)) >= 2));
    }

    [Fact]
    public void Create_FewerAgentsThanQueues_StillCoversEveryQueue()
    {
        var queues = SimulatorOptions.DemoQueues();

        var agents = AgentCast.Create(new Random(1), queues, 2, ["solo"]).ToList();

        Assert.All(Enumerable.Range(0, queues.Count), queue => Assert.Contains(agents, agent => agent.IsSkilledFor(queue)));
    }
}
