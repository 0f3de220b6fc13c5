using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Agents;

/// <summary>An agent's state and membership (queues, team) after deriving its events in order.</summary>
internal readonly record struct AgentFoldState(AgentState State, IReadOnlyList<string> Queues, string? Team, string? Name, ScopeState[] Scopes)
{
    public static bool IsOccupied(AgentState state) => state is AgentState.Busy or AgentState.Wrapup;

    public static bool IsStaffed(AgentState state) => state is AgentState.Busy or AgentState.Wrapup or AgentState.Available;
}
