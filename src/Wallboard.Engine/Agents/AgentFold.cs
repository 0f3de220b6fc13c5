using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Agents;

/// <summary>
/// Derives an agent's occupancy measurements from its state changes. Each change writes how many
/// agents became (or stopped being) occupied and staffed, and the same weighted by the second it
/// happened, per scope; <see cref="Kpis.KpiCalculator"/> turns window sums of these into seconds.
/// </summary>
internal sealed class AgentFold(ScopeRegistry scopes)
{
    public AgentFoldState Initial(string agentId) =>
        new(AgentState.Offline, [], null, null, [scopes.All, scopes.GetOrAdd(ScopeId.Agent(agentId))]);

    /// <summary>A state read back from a checkpoint, with its scopes resolved again.</summary>
    public AgentFoldState Restore(string agentId, AgentState state, IReadOnlyList<string> queues, string? team, string? name) =>
        new(state, queues, team, name, queues.Count == 0 && team is null ? Initial(agentId).Scopes : ScopesOf(agentId, queues, team));

    public AgentFoldState Replay(AgentFoldState baseline, List<AgentStateChanged> events, string agentId, long beforeMs, ContributionWriter writer)
    {
        var state = baseline;
        foreach (var change in events)
        {
            if (change.Timestamp.ToUnixTimeMilliseconds() >= beforeMs)
            {
                break;
            }

            state = Step(state, change, agentId, writer);
        }

        return state;
    }

    public AgentFoldState Step(AgentFoldState state, AgentStateChanged change, string agentId, ContributionWriter writer)
    {
        var queues = change.Queues is { } given && !given.SequenceEqual(state.Queues, StringComparer.Ordinal) ? given : state.Queues;
        var team = change.Team ?? state.Team;
        var scopesNow = ReferenceEquals(queues, state.Queues) && team == state.Team
            ? state.Scopes
            : ScopesOf(agentId, queues, team);
        var next = new AgentFoldState(change.State, queues, team, change.Name ?? state.Name, scopesNow);
        var atMs = change.Timestamp.ToUnixTimeMilliseconds();

        // The writer drops every measurement before its FromMs, so a change before it (compaction into the
        // baseline, the prefix of a re-derivation) skips the walk over the scopes altogether.
        if (atMs >= writer.FromMs)
        {
            Transition(state, next, atMs, writer);
        }

        return next;
    }

    /// <summary>Writes the change from one state (and membership) to another at <paramref name="atMs"/>.</summary>
    public static void Transition(AgentFoldState from, AgentFoldState to, long atMs, ContributionWriter writer)
    {
        var second = EngineClock.SecondOf(atMs);
        if (ReferenceEquals(from.Scopes, to.Scopes))
        {
            // Same membership, the usual case: one write per scope, and none at all when the change keeps the
            // agent as occupied and as staffed as before (busy to wrap-up).
            var after = Indicators(to.State, member: true);
            var before = Indicators(from.State, member: true);
            if (after != before)
            {
                foreach (var scope in to.Scopes)
                {
                    Write(scope, atMs, second, after, before, writer);
                }
            }

            return;
        }

        foreach (var scope in from.Scopes)
        {
            var stays = Array.IndexOf(to.Scopes, scope) >= 0;
            Write(scope, atMs, second, Indicators(to.State, stays), Indicators(from.State, member: true), writer);
        }

        foreach (var scope in to.Scopes)
        {
            if (Array.IndexOf(from.Scopes, scope) < 0)
            {
                Write(scope, atMs, second, Indicators(to.State, member: true), (0, 0), writer);
            }
        }
    }

    private ScopeState[] ScopesOf(string agentId, IReadOnlyList<string> queues, string? team)
    {
        var result = new List<ScopeState>(queues.Count + 3) { scopes.All, scopes.GetOrAdd(ScopeId.Agent(agentId)) };
        foreach (var queue in queues.Distinct(StringComparer.Ordinal))
        {
            result.Add(scopes.GetOrAdd(ScopeId.Queue(queue)));
        }

        if (team is not null)
        {
            result.Add(scopes.GetOrAdd(ScopeId.Team(team)));
        }

        return [.. result];
    }

    private static (int Occupied, int Staffed) Indicators(AgentState state, bool member) => member
        ? (AgentFoldState.IsOccupied(state) ? 1 : 0, AgentFoldState.IsStaffed(state) ? 1 : 0)
        : (0, 0);

    private static void Write(
        ScopeState scope, long atMs, long second, (int Occupied, int Staffed) after, (int Occupied, int Staffed) before, ContributionWriter writer)
    {
        var occupied = after.Occupied - before.Occupied;
        var staffed = after.Staffed - before.Staffed;
        Span<long> amounts = [occupied, occupied * second, staffed, staffed * second];
        writer.Count(scope, atMs, Counter.OccupiedDelta, amounts);
    }
}
