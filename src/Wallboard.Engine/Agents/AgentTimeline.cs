using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Agents;

/// <summary>
/// One agent: a baseline state folded from events older than the lateness, the newer events in
/// derivation order, the current state, and the membership its gauges are counted under.
/// </summary>
internal sealed class AgentTimeline(string agentId, AgentFoldState initial, ScopeState agentScope)
{
    public string AgentId { get; } = agentId;

    public ScopeState AgentScope { get; } = agentScope;

    public AgentFoldState Baseline { get; set; } = initial;

    /// <summary>Time (Unix ms) of the newest event folded into <see cref="Baseline"/>; older events change nothing.</summary>
    public long BaselineMs { get; set; }

    public List<AgentStateChanged> Events { get; } = [];

    public AgentFoldState State { get; set; } = initial;

    /// <summary>The state and scopes the "now" gauges currently count this agent under.</summary>
    public AgentFoldState Counted { get; set; } = initial;

    public long StateSinceMs { get; set; }

    public bool IsInOrder(AgentStateChanged change) =>
        Events.Count == 0 || EventOrder.Instance.Compare(Events[^1], change) < 0;

    public void Insert(AgentStateChanged change)
    {
        var index = Events.BinarySearch(change, EventOrder.Instance);
        Events.Insert(index < 0 ? ~index : index, change);
    }
}
