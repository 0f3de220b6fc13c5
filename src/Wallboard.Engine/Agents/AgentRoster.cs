using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Agents;

/// <summary>
/// The agents the engine knows. An in-order state change is one derivation step; an out-of-order or
/// late one derives the agent again from its baseline, retracting and re-adding the occupancy changes
/// from the event's time (or the lateness boundary, for a late one) on. A late change still updates the
/// agent's current state, written as one change at the boundary, so that the occupancy sums always add
/// up to the agents' current states.
/// </summary>
internal sealed partial class AgentRoster
{
    private readonly Dictionary<string, AgentTimeline> _agents = new(StringComparer.Ordinal);
    private readonly ScopeRegistry _scopes;
    private readonly EngineClock _clock;
    private readonly AgentFold _fold;
    private readonly ContributionWriter _writer = new();
    private readonly ContributionWriter _discard = new ContributionWriter().Adding(long.MaxValue);

    // How many events an agent holds before they are folded into its baseline (see Compact).
    private const int CompactionBatch = 8;

    public AgentRoster(ScopeRegistry scopes, EngineClock clock)
    {
        _scopes = scopes;
        _clock = clock;
        _fold = new AgentFold(scopes);
    }

    public IEnumerable<AgentTimeline> Agents => _agents.Values;

    public ScopeState ScopeOf(string agentId) => GetOrAdd(agentId).AgentScope;

    public AgentTimeline GetOrAdd(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            var initial = _fold.Initial(agentId);
            agent = new AgentTimeline(agentId, initial, _scopes.GetOrAdd(ScopeId.Agent(agentId)))
            {
                BaselineMs = long.MinValue,
            };
            _agents.Add(agentId, agent);
            Count(initial, +1);
        }

        return agent;
    }

    public void Apply(AgentStateChanged change)
    {
        var agent = GetOrAdd(change.AgentId);
        var atMs = change.Timestamp.ToUnixTimeMilliseconds();
        var boundaryMs = _clock.LateBoundaryMs;
        var fromMs = Math.Max(atMs, boundaryMs);
        if (atMs >= boundaryMs && agent.IsInOrder(change))
        {
            // On time and in order (nearly every change): the baseline is not needed, and its time is before the
            // boundary, so the change cannot be older than it.
            agent.Append(change);
            agent.State = _fold.Step(agent.State, change, agent.AgentId, _writer.Adding(fromMs));
        }
        else
        {
            CatchUpCompaction(agent);
            if (atMs < agent.BaselineMs)
            {
                return;
            }

            Rederive(agent, change, fromMs);
        }

        UpdateGauges(agent, change);
        agent.CompactionDueMs = boundaryMs;
        if (agent.Events.Count > CompactionBatch)
        {
            Compact(agent, boundaryMs);
        }
    }

    private void Rederive(AgentTimeline agent, AgentStateChanged change, long fromMs)
    {
        var before = _fold.Replay(agent.Baseline, agent.Events, agent.AgentId, fromMs, _discard);
        _fold.Replay(agent.Baseline, agent.Events, agent.AgentId, long.MaxValue, _writer.Retraction(fromMs));
        agent.Insert(change);
        var after = _fold.Replay(agent.Baseline, agent.Events, agent.AgentId, fromMs, _discard);
        agent.State = _fold.Replay(agent.Baseline, agent.Events, agent.AgentId, long.MaxValue, _writer.Adding(fromMs));
        if (before != after)
        {
            AgentFold.Transition(before, after, fromMs, _writer.Adding(fromMs));
        }
    }

    private static void UpdateGauges(AgentTimeline agent, AgentStateChanged change)
    {
        var counted = agent.Counted;
        var now = agent.State;
        if (counted.State != now.State)
        {
            agent.StateSinceMs = change.Timestamp.ToUnixTimeMilliseconds();
        }

        if (counted.State == now.State && ReferenceEquals(counted.Scopes, now.Scopes))
        {
            return;
        }

        Count(counted, -1);
        Count(now, +1);
        agent.Counted = now;
    }

    private static void Count(AgentFoldState state, int delta)
    {
        foreach (var scope in state.Scopes)
        {
            scope.CountAgent(state.State, delta);
        }
    }

    /// <summary>Folds what <see cref="Apply"/> left to fold, so that the baseline and events are as if every change had compacted at once.</summary>
    private void CatchUpCompaction(AgentTimeline agent) => Compact(agent, agent.CompactionDueMs);

    // Events older than the lateness can no longer be re-ordered: fold them into the baseline. A change does
    // this only once the agent holds more than CompactionBatch events (and a late or out-of-order change, or a
    // checkpoint, catches up first): folding at every change read the oldest event, written minutes ago and out
    // of the cache, to fold about one event a time. Folding later folds the same events in the same order, so
    // the baseline is the same; the re-derivations in between replay a few more events, with the same result.
    private void Compact(AgentTimeline agent, long boundaryMs)
    {
        var old = 0;
        while (old < agent.Events.Count && agent.Events[old].Timestamp.ToUnixTimeMilliseconds() < boundaryMs)
        {
            old++;
        }

        if (old == 0)
        {
            return;
        }

        var baseline = agent.Baseline;
        for (var i = 0; i < old; i++)
        {
            baseline = _fold.Step(baseline, agent.Events[i], agent.AgentId, _discard);
        }

        agent.Baseline = baseline;
        agent.BaselineMs = agent.Events[old - 1].Timestamp.ToUnixTimeMilliseconds();
        agent.Events.RemoveRange(0, old);
    }
}
