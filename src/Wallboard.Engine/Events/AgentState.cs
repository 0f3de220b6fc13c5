namespace Wallboard.Engine.Events;

/// <summary>The states an agent can be in.</summary>
public enum AgentState
{
    Offline,
    Available,
    Busy,
    Wrapup,
    Away,
}
