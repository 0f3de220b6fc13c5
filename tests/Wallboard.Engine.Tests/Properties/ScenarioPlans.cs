using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Properties;

/// <summary>How a generated contact goes through the contact center.</summary>
internal enum ContactFlow
{
    /// <summary>queued → answered → completed.</summary>
    Completed,

    /// <summary>queued → abandoned (short or long wait).</summary>
    Abandoned,

    /// <summary>queued → answered → transferred to another queue → queued there → answered → completed.</summary>
    TransferredToQueue,

    /// <summary>queued → answered → transferred to another agent (no queue) → completed by that agent.</summary>
    TransferredToAgent,

    /// <summary>queued → answered → transferred to another queue → queued there → abandoned.</summary>
    TransferredThenAbandoned,

    /// <summary>queued and still waiting at the end.</summary>
    StillWaiting,

    /// <summary>queued → answered, still being handled at the end.</summary>
    AnsweredOpen,

    /// <summary>answered → completed with no queued event (an outbound call): counts only as handled.</summary>
    NeverQueued,
}

/// <summary>One wait in a queue: how long, and which agent answers it.</summary>
internal readonly record struct QueueLeg(int WaitMs, int Agent);

/// <summary>A transfer: how long after the answer, whether it escalates, and the pause before the re-queue.</summary>
internal readonly record struct TransferPlan(int AfterAnswerMs, bool Escalation, int ToQueueShift, int RequeueGapMs);

/// <summary>What the ACD reports on completion.</summary>
internal readonly record struct HandlingPlan(int TalkMs, int HoldMs, int WrapMs, bool? Resolved, ContactOutcome Outcome)
{
    public int TotalMs => TalkMs + HoldMs + WrapMs;
}

/// <summary>A contact's whole life, as offsets from its first event; indexes pick names from <see cref="Scenario"/>.</summary>
internal sealed record ContactPlan(
    ContactFlow Flow, int StartMs, int Queue, int Channel, int Customer, QueueLeg First, TransferPlan Transfer, QueueLeg Second, HandlingPlan Handling);

/// <summary>One agent state change after the first; -1 keeps the agent's queues or team.</summary>
internal readonly record struct AgentChange(int GapMs, AgentState State, int Membership, int Team);

/// <summary>An agent's log-in (with queues and team) and its later state changes.</summary>
internal sealed record AgentPlan(int StartMs, AgentState FirstState, int Membership, int Team, AgentChange[] Changes);
