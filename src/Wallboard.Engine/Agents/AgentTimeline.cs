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

    /// <summary>The lateness boundary (Unix ms) the events before which are still to be folded into <see cref="Baseline"/>.</summary>
    public long CompactionDueMs { get; set; } = long.MinValue;

    public List<AgentStateChanged> Events { get; } = [];

    public AgentFoldState State { get; set; } = initial;

    /// <summary>The state and scopes the "now" gauges currently count this agent under.</summary>
    public AgentFoldState Counted { get; set; } = initial;

    public long StateSinceMs { get; set; }

    // The latest event time appended: an in-order change (nearly all) is recognised without reading the newest
    // event, written a minute or more ago and out of the cache. Never below the newest event's time.
    private long _newestTicks = long.MinValue;

    public bool IsInOrder(AgentStateChanged change) =>
        change.Timestamp.UtcTicks > _newestTicks || Events.Count == 0 || EventOrder.Instance.Compare(Events[^1], change) < 0;

    /// <summary>Adds a change that <see cref="IsInOrder"/> found in order.</summary>
    public void Append(AgentStateChanged change)
    {
        Events.Add(change);
        _newestTicks = Math.Max(_newestTicks, change.Timestamp.UtcTicks);
    }

    public void Insert(AgentStateChanged change)
    {
        var index = Events.BinarySearch(change, EventOrder.Instance);
        Events.Insert(index < 0 ? ~index : index, change);
        _newestTicks = Math.Max(_newestTicks, change.Timestamp.UtcTicks);
    }

    /// <summary>Takes note of events put in <see cref="Events"/> directly (from a checkpoint).</summary>
    public void NoteLoadedEvents()
    {
        foreach (var loaded in Events)
        {
            _newestTicks = Math.Max(_newestTicks, loaded.Timestamp.UtcTicks);
        }
    }
}
