using CsCheck;
using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Properties;

/// <summary>
/// Generators of valid contact-center traffic over 20 to 40 minutes. With <c>ties</c>, times sit on a
/// five-second grid and most gaps are zero, so that many events share a millisecond, within one contact
/// (queued and answered together, a transfer and its re-queue, an answer and its completion) and across entities.
/// </summary>
internal static class ScenarioGen
{
    public static Gen<Scenario> Scenario(bool ties) =>
        from start in Gen.Int[0, Properties.Scenario.Starts.Length - 1]
        from minutes in Gen.Int[20, 40]
        from contacts in Contact(ties, minutes * 60_000).Array[5, 40]
        from agents in Agent(ties, minutes * 60_000).Array[1, Properties.Scenario.AgentCount]
        select new Scenario(start, contacts, agents);

    private static Gen<ContactPlan> Contact(bool ties, int durationMs) =>
        from flow in Gen.Frequency(
            (5, ContactFlow.Completed), (4, ContactFlow.Abandoned), (2, ContactFlow.TransferredToQueue), (1, ContactFlow.TransferredToAgent),
            (1, ContactFlow.TransferredThenAbandoned), (1, ContactFlow.StillWaiting), (1, ContactFlow.AnsweredOpen), (1, ContactFlow.NeverQueued))
        from startMs in Offset(ties, durationMs)
        from queue in Gen.Int[0, Properties.Scenario.Queues.Length - 1]
        from channel in Gen.Int[0, Properties.Scenario.Channels.Length - 1]
        from customer in Gen.Frequency((1, Gen.Const(-1)), (3, Gen.Int[0, Properties.Scenario.CustomerCount - 1]))
        from first in Leg(ties)
        from transfer in Transfer(ties)
        from second in Leg(ties)
        from handling in Handling(ties)
        select new ContactPlan(flow, startMs, queue, channel, customer, first, transfer, second, handling);

    private static Gen<QueueLeg> Leg(bool ties) =>
        Gen.Select(ties ? Gap(ties, 30) : Wait, Gen.Int[0, Properties.Scenario.AgentCount - 1], (wait, agent) => new QueueLeg(wait, agent));

    // Waits around every threshold: T_short (5 s, exclusive), T_sl (20 s, and 30 s for support, inclusive).
    private static Gen<int> Wait { get; } = Gen.Frequency(
        (1, Gen.OneOf(0, 4_999, 5_000, 5_001, 19_999, 20_000, 20_001, 30_000, 30_001)),
        (3, Gen.Int[0, 8_000]),
        (4, Gen.Int[0, 150_000]));

    private static Gen<TransferPlan> Transfer(bool ties) =>
        Gen.Select(Gap(ties, 300), Gen.Bool, Gen.Int[0, 1], Gap(ties, 30),
            (after, escalation, shift, requeueGap) => new TransferPlan(after, escalation, shift, requeueGap));

    private static Gen<HandlingPlan> Handling(bool ties) =>
        Gen.Select(Gap(ties, 600), Gap(ties, 120), Gap(ties, 120), Gen.OneOf<bool?>(null, false, true), Outcome,
            (talk, hold, wrap, resolved, outcome) => new HandlingPlan(talk, hold, wrap, resolved, outcome));

    private static Gen<ContactOutcome> Outcome { get; } =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, (offered, accepted, cancel, saved) =>
            new ContactOutcome(offered, offered && accepted, cancel, cancel && saved));

    private static Gen<AgentPlan> Agent(bool ties, int durationMs) =>
        from startMs in Offset(ties, durationMs / 4)
        from state in Gen.Frequency((3, AgentState.Available), (1, AgentState.Busy), (1, AgentState.Away))
        from membership in Gen.Int[0, Properties.Scenario.Memberships.Length - 1]
        from team in Gen.Int[0, Properties.Scenario.Teams.Length - 1]
        from changes in Change(ties).Array[0, 14]
        select new AgentPlan(startMs, state, membership, team, changes);

    private static Gen<AgentChange> Change(bool ties) =>
        Gen.Select(
            ties ? Gap(ties, 120) : Gen.Frequency((1, Gen.Const(0)), (6, Gen.Int[1, 360_000])),
            Gen.Frequency((3, AgentState.Busy), (2, AgentState.Available), (2, AgentState.Wrapup), (1, AgentState.Away), (1, AgentState.Offline)),
            Gen.Frequency((5, Gen.Const(-1)), (1, Gen.Int[0, Properties.Scenario.Memberships.Length - 1])),
            Gen.Frequency((5, Gen.Const(-1)), (1, Gen.Int[0, Properties.Scenario.Teams.Length - 1])),
            (gap, state, membership, team) => new AgentChange(gap, state, membership, team));

    // A time within the scenario: any millisecond, or (ties) a multiple of five seconds.
    private static Gen<int> Offset(bool ties, int durationMs) =>
        ties ? Gen.Int[0, durationMs / 5_000].Select(step => step * 5_000) : Gen.Int[0, durationMs];

    // A gap of up to maxSeconds: often zero, and (ties) whole seconds.
    private static Gen<int> Gap(bool ties, int maxSeconds) => ties
        ? Gen.Frequency((3, Gen.Const(0)), (2, Gen.Int[1, maxSeconds].Select(seconds => seconds * 1_000)))
        : Gen.Frequency((1, Gen.Const(0)), (6, Gen.Int[1, maxSeconds * 1_000]));
}
