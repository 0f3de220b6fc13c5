using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>One agent of the simulated floor and what the model needs to know about it.</summary>
internal sealed class SimulatedAgent(string id, string name, string team, IReadOnlyList<int> queues, IReadOnlyList<string> queueNames, int rank)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string Team { get; } = team;

    /// <summary>Indexes of the queues the agent is skilled for, primary first.</summary>
    public IReadOnlyList<int> Queues { get; } = queues;

    public IReadOnlyList<string> QueueNames { get; } = queueNames;

    /// <summary>Shift order: the agents ranked below the staffing target are on shift.</summary>
    public int Rank { get; } = rank;

    public AgentState State { get; set; } = AgentState.Offline;

    /// <summary>Whether the agent's first event (the one that names its queues, team and name) has been emitted.</summary>
    public bool Introduced { get; set; }

    /// <summary>When the agent last became available: the longest idle agent takes the next contact.</summary>
    public long IdleSinceMs { get; set; }

    /// <summary>The shift is over: the agent logs off as soon as the current work is done.</summary>
    public bool Leaving { get; set; }

    /// <summary>A break is due: the agent goes away as soon as the current work is done.</summary>
    public bool BreakDue { get; set; }

    public bool HadLunch { get; set; }

    /// <summary>Bumped at every log-on, so that a break timer of an earlier shift does nothing.</summary>
    public int Shift { get; set; }

    public bool Online => State != AgentState.Offline;

    public bool IsSkilledFor(int queue) => Queues.Contains(queue);
}
