namespace Wallboard.Server.Simulation;

/// <summary>One simulated ticket and its conversation so far.</summary>
internal sealed class SimulatedTicket(string id, string owner)
{
    public string Id { get; } = id;

    /// <summary>The agent who answers it (a second-tier agent after an escalation).</summary>
    public string Owner { get; set; } = owner;

    /// <summary>Agent replies so far.</summary>
    public int Replies { get; set; }

    public bool Escalated { get; set; }

    public bool Reopened { get; set; }
}
