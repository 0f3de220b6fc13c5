using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>
/// The simulated agents: who is on shift (the head count follows the daily curve, as a workforce plan
/// would), breaks and lunches, and every <c>agent.state</c> change. Contacts are routed by
/// <see cref="ContactFlow"/>; this class only hands a ready agent to it.
/// </summary>
internal sealed class AgentFloor
{
    private static readonly TimeSpan RosterPeriod = TimeSpan.FromMinutes(1);

    private readonly SimulationKernel _kernel;
    private readonly Func<SimulatedAgent, bool> _takeWork;
    private readonly SimulatedAgent[] _agents;

    // takeWork gives a ready agent a waiting contact, and says false when none waits for the agent's queues.
    public AgentFloor(SimulationKernel kernel, IReadOnlyList<QueueProfile> queues, int headCount, IReadOnlyList<string> teams, Func<SimulatedAgent, bool> takeWork)
    {
        _kernel = kernel;
        _takeWork = takeWork;
        _agents = [.. AgentCast.Create(kernel.Random, queues, headCount, teams)];
    }

    public IReadOnlyList<SimulatedAgent> Agents => _agents;

    /// <summary>Every agent states where it starts (naming its queues, team and name), then the roster runs each minute.</summary>
    public void Start()
    {
        var target = StaffTarget();
        foreach (var agent in _agents)
        {
            if (agent.Rank < target)
            {
                LogOn(agent, firstBreakWithin: TimeSpan.FromMinutes(120));
            }
            else
            {
                Emit(agent, AgentState.Offline);
            }
        }

        _kernel.After(RosterPeriod, Roster);
    }

    /// <summary>The available agent skilled for the queue who has waited longest for a contact.</summary>
    public SimulatedAgent? LongestIdle(int queue)
    {
        SimulatedAgent? best = null;
        foreach (var agent in _agents)
        {
            if (agent.State == AgentState.Available && agent.IsSkilledFor(queue) && (best is null || agent.IdleSinceMs < best.IdleSinceMs))
            {
                best = agent;
            }
        }

        return best;
    }

    public void SetBusy(SimulatedAgent agent) => Emit(agent, AgentState.Busy);

    public void SetWrapup(SimulatedAgent agent) => Emit(agent, AgentState.Wrapup);

    /// <summary>The agent's work is done: off shift, on a break, or ready for the next contact.</summary>
    public void Release(SimulatedAgent agent)
    {
        if (agent.Leaving)
        {
            LogOff(agent);
        }
        else if (agent.BreakDue)
        {
            GoAway(agent);
        }
        else
        {
            MakeReady(agent);
        }
    }

    /// <summary>Everyone logs off (the simulator stops).</summary>
    public void Close()
    {
        foreach (var agent in _agents.Where(agent => agent.Online))
        {
            LogOff(agent);
        }
    }

    // About as many agents on shift as the load needs, plus a margin: small night teams need more slack for the same service level.
    private int StaffTarget() => Math.Clamp((int)Math.Ceiling(_agents.Length * Math.Min(1, (_kernel.Load * 0.94) + 0.04)), 1, _agents.Length);

    private void Roster()
    {
        var target = StaffTarget();
        foreach (var agent in _agents)
        {
            if (agent.Rank < target)
            {
                agent.Leaving = false;
                if (!agent.Online)
                {
                    LogOn(agent, firstBreakWithin: TimeSpan.FromMinutes(150));
                }
            }
            else if (agent.State == AgentState.Available)
            {
                LogOff(agent);
            }
            else if (agent.Online)
            {
                agent.Leaving = true;
            }
        }

        _kernel.After(RosterPeriod, Roster);
    }

    private void LogOn(SimulatedAgent agent, TimeSpan firstBreakWithin)
    {
        agent.Shift++;
        agent.HadLunch = false;
        ScheduleBreak(agent, _kernel.Random.Between(0.25, 1) * firstBreakWithin);
        MakeReady(agent);
    }

    private void LogOff(SimulatedAgent agent)
    {
        agent.Shift++;
        agent.Leaving = false;
        agent.BreakDue = false;
        Emit(agent, AgentState.Offline);
    }

    private void MakeReady(SimulatedAgent agent)
    {
        agent.State = AgentState.Available;
        agent.IdleSinceMs = _kernel.NowMs;
        if (!_takeWork(agent))
        {
            Emit(agent, AgentState.Available);
        }
    }

    private void ScheduleBreak(SimulatedAgent agent, TimeSpan after)
    {
        var shift = agent.Shift;
        _kernel.After(after, () =>
        {
            if (agent.Shift != shift)
            {
                return;
            }

            if (agent.State == AgentState.Available)
            {
                GoAway(agent);
            }
            else if (agent.State is AgentState.Busy or AgentState.Wrapup)
            {
                agent.BreakDue = true;
            }
        });
    }

    private void GoAway(SimulatedAgent agent)
    {
        agent.BreakDue = false;
        var lunch = !agent.HadLunch && _kernel.Random.Chance(0.35);
        agent.HadLunch |= lunch;
        var length = TimeSpan.FromMinutes(lunch ? _kernel.Random.Between(25, 35) : _kernel.Random.Between(8, 15));
        Emit(agent, AgentState.Away, lunch ? "lunch" : "break");
        var shift = agent.Shift;
        _kernel.After(length, () =>
        {
            if (agent.Shift != shift || agent.State != AgentState.Away)
            {
                return;
            }

            if (agent.Leaving)
            {
                LogOff(agent);
                return;
            }

            ScheduleBreak(agent, TimeSpan.FromMinutes(_kernel.Random.Between(75, 135)));
            MakeReady(agent);
        });
    }

    private void Emit(SimulatedAgent agent, AgentState state, string? reason = null)
    {
        agent.State = state;
        var introduce = !agent.Introduced;
        agent.Introduced = true;
        var queues = introduce ? agent.QueueNames : null;
        _kernel.Emit((id, ts) => new AgentStateChanged(
            id, ts, agent.Id, state, queues, introduce ? agent.Team : null, introduce ? agent.Name : null, reason));
    }
}
