using System.Text;
using CsCheck;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Properties;

/// <summary>
/// Order and duplicate invariance (<c>spec/events.md</c>): events of a contact may arrive out of order within
/// the allowed lateness and the result must be the same as in <c>ts</c> order; a repeated id changes nothing.
/// </summary>
public class WallboardEngineTests
{
    // Below the 5-minute lateness with a minute to spare: an event never arrives after the clock has
    // passed its ts by more than this, so none is late.
    private const int MaxDelayMs = 240_000;

    [Fact]
    public void Ingest_EventsDisplacedWithinLateness_SameKpisAsInTsOrder()
    {
        var coverage = new Coverage();
        var gen = ScenarioGen.Scenario(ties: false).SelectMany(scenario =>
        {
            var events = scenario.Events();
            return Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[0, MaxDelayMs])).Array[events.Length]
                .Select(delays => new Displacement(scenario, events, delays));
        });

        DeterministicSample.Run(gen, trial =>
        {
            var arrival = Lockstep.OrderBy(trial.Events.Length, i => Ms(trial.Events[i]) + trial.Delays[i]);
            coverage.Displaced += Lockstep.Displaced(arrival);
            coverage.Checkpoints += Lockstep.Run(trial.Events, arrival, intermediateCheckpoints: 3);
            coverage.Record(trial.Scenario);
        }, seed: 20261123, iterations: 250, print: trial => Describe(trial.Events, trial.Delays));

        coverage.AssertExercised(iterations: 250);
    }

    [Fact]
    public void Ingest_RepeatedIdsWithAnyContent_ReportDuplicateAndChangeNothing()
    {
        var gen = ScenarioGen.Scenario(ties: false).SelectMany(scenario =>
        {
            var events = scenario.Events();
            return Gen.Select(
                Gen.Int[0, MaxDelayMs].Array[events.Length],
                Gen.Select(Gen.Int[0, events.Length - 1], Gen.Int[0, 600_000], Gen.Int[0, 4], Gen.Int[1, 600_000],
                    (original, laterMs, mutation, shiftMs) => new Copy(original, laterMs, mutation, shiftMs)).Array[1, 30],
                (delays, copies) => new Duplication(events, delays, copies));
        });
        var duplicatesSeen = 0;

        DeterministicSample.Run(gen, trial =>
        {
            var (plain, withCopies) = trial.Arrivals();
            var clean = Scenario.NewEngine();
            var resent = Scenario.NewEngine();
            foreach (var incoming in plain)
            {
                Lockstep.AssertAccepted(clean.Ingest(incoming), incoming);
            }

            foreach (var (incoming, isCopy) in withCopies)
            {
                var result = resent.Ingest(incoming);
                Assert.True(result.Status == (isCopy ? IngestStatus.Duplicate : IngestStatus.Accepted), $"{incoming} was {result.Status}");
                duplicatesSeen += isCopy ? 1 : 0;
            }

            EngineComparison.AssertSameKpis(clean, resent, "after every event and its copies");
            Lockstep.AdvanceBoth(clean, resent, trial.Events[^1].Timestamp + Lockstep.FinalAdvance);
            EngineComparison.AssertSameKpis(clean, resent, "7 minutes after the last event");
        }, seed: 4242, iterations: 150, print: trial => Describe(trial.Events, trial.Delays) + "\ncopies: " + string.Join(", ", trial.Copies));

        Assert.True(duplicatesSeen >= 150, $"only {duplicatesSeen} copies were sent");
    }

    [Fact]
    public void Ingest_SameMillisecondEventsInAnyOrder_SameKpisAsInLifecycleOrder()
    {
        var shuffledTies = 0;
        var gen = ScenarioGen.Scenario(ties: true).SelectMany(scenario =>
        {
            var events = scenario.Events();
            return Gen.Int.Array[events.Length].Select(ranks => new Displacement(scenario, events, ranks));
        });

        DeterministicSample.Run(gen, trial =>
        {
            var arrival = Lockstep.OrderBy(trial.Events.Length, i => Ms(trial.Events[i]), i => trial.Delays[i]);
            shuffledTies += SameContactTiesReordered(trial.Events, arrival);
            Lockstep.Run(trial.Events, arrival, intermediateCheckpoints: 3);
        }, seed: 777, iterations: 250, print: trial => Describe(trial.Events, trial.Delays));

        Assert.True(shuffledTies >= 250, $"only {shuffledTies} same-millisecond pairs of one contact arrived reversed");
    }

    // Found by the first property: a late measurement that is the first of its scope (so it gets a new
    // pane at the end of the ring) was already outside the 1-minute window, and was subtracted twice.
    [Fact]
    public void Ingest_DisplacedQueuedFirstOfItsScopeOutsideShortestWindow_CountsOnce()
    {
        var harness = new EngineHarness(options => options.Windows = ["1m", "5m"]);
        harness.Queued(68, "c9", "support", "chat");
        harness.Queued(0, "c0", "sales", "voice"); // 68 s late: outside 1m already, and the first event of queue:sales

        Assert.Equal(0, harness.Kpi(KpiId.Offered, "1m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "5m", "queue:sales"));
        harness.ClockTo(68 + 420);
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "1m", "queue:sales"));
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today", "queue:sales"));
    }

    // The same with the default windows: the shortest (5 minutes) equals the lateness, so only a
    // measurement exactly at its edge second can be late, in time, and already outside.
    [Fact]
    public void Ingest_DisplacedQueuedAtEdgeOfDefaultWindow_CountsOnce()
    {
        var harness = new EngineHarness();
        harness.ClockTo(300.5);
        harness.Queued(0.6, "c0", "sales", "voice"); // 299.9 s behind the clock: accepted, at second N − 300

        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "15m", "queue:sales"));
        harness.ClockTo(1000);
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m", "queue:sales"));
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "15m", "queue:sales"));
    }

    // Found by the third property: a contact queued in two queues in one millisecond takes its first queue
    // (and so its repeat horizon) from the event derived first, whichever arrived first.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ingest_TwoQueuedOfOneContactInOneMillisecond_RepeatHorizonOfFirstDerived(bool billingArrivesFirst)
    {
        var harness = new EngineHarness(options =>
            options.Queues["support"] = new QueueSettingsOverride { RepeatContactHorizon = TimeSpan.FromMinutes(10) });
        harness.Queued(0, "c8", "billing", "sms", "k2");
        var toSupport = new ContactQueued("e90", harness.At(28 * 60), "c28", "support", "sms", "k2"); // derived first: "e90" < "e91"
        var toBilling = new ContactQueued("e91", harness.At(28 * 60), "c28", "billing", "sms", "k2");
        harness.Send(billingArrivesFirst ? toBilling : toSupport);
        harness.Send(billingArrivesFirst ? toSupport : toBilling);

        // First queue support: the horizon is 10 minutes and c8 was 28 minutes before, so no repeat.
        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate, "60m"));
        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate, "today", "queue:support"));
    }

    private static long Ms(WallboardEvent incoming) => incoming.Timestamp.ToUnixTimeMilliseconds();

    // Pairs of events of one contact, in the same millisecond, that arrive in the reverse of their lifecycle order.
    private static int SameContactTiesReordered(WallboardEvent[] events, int[] arrival)
    {
        var position = new int[arrival.Length];
        for (var k = 0; k < arrival.Length; k++)
        {
            position[arrival[k]] = k;
        }

        var reordered = 0;
        for (var i = 1; i < events.Length; i++)
        {
            for (var j = i - 1; j >= 0 && Ms(events[j]) == Ms(events[i]); j--)
            {
                if (ContactOf(events[i]) is { } contact && contact == ContactOf(events[j]) && position[j] > position[i])
                {
                    reordered++;
                }
            }
        }

        return reordered;
    }

    private static string? ContactOf(WallboardEvent incoming) => incoming switch
    {
        ContactQueued e => e.ContactId,
        ContactAnswered e => e.ContactId,
        ContactAbandoned e => e.ContactId,
        ContactTransferred e => e.ContactId,
        ContactCompleted e => e.ContactId,
        _ => null,
    };

    private static string Describe(WallboardEvent[] events, int[] delays)
    {
        var text = new StringBuilder();
        for (var i = 0; i < events.Length; i++)
        {
            text.Append('+').Append(delays[i]).Append(" ms ").Append(events[i]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A scenario and, per event in ts order, its arrival delay (or, for ties, a random rank).</summary>
    private sealed record Displacement(Scenario Scenario, WallboardEvent[] Events, int[] Delays);

    /// <summary>A re-send of event <c>Original</c>, <c>LaterMs</c> after it arrived, altered by <c>Mutation</c>.</summary>
    private sealed record Copy(int Original, int LaterMs, int Mutation, int ShiftMs);

    private sealed record Duplication(WallboardEvent[] Events, int[] Delays, Copy[] Copies)
    {
        /// <summary>The arrival order without copies, and the same with each copy after its original.</summary>
        public (WallboardEvent[] Plain, (WallboardEvent Event, bool IsCopy)[] WithCopies) Arrivals()
        {
            var originals = Enumerable.Range(0, Events.Length)
                .Select(i => (Key: Ms(Events[i]) + Delays[i], Copy: 0, Order: i, Event: Events[i]));
            var copies = Copies.Select((copy, i) =>
                (Key: Ms(Events[copy.Original]) + Delays[copy.Original] + copy.LaterMs, Copy: 1, Order: i, Event: Mutate(Events[copy.Original], copy)));
            var all = originals.Concat(copies).OrderBy(item => item.Key).ThenBy(item => item.Copy).ThenBy(item => item.Order).ToList();
            return ([.. all.Where(item => item.Copy == 0).Select(item => item.Event)], [.. all.Select(item => (item.Event, item.Copy == 1))]);
        }

        // Same id, and sometimes other content: a time that would move the clock or be late, another type, other fields.
        private static WallboardEvent Mutate(WallboardEvent original, Copy copy) => copy.Mutation switch
        {
            0 => original with { },
            1 => original with { Timestamp = original.Timestamp.AddMilliseconds(copy.ShiftMs) },
            2 => original with { Timestamp = original.Timestamp.AddMilliseconds(-copy.ShiftMs) },
            3 => new ContactQueued(original.Id, original.Timestamp, "ghost", "ghosts", "fax", "k0"),
            _ => original switch
            {
                ContactQueued e => e with { Queue = "ghosts", CustomerId = "k0" },
                ContactAnswered e => e with { AgentId = "ghost" },
                ContactAbandoned e => new ContactAnswered(e.Id, e.Timestamp, e.ContactId, "ghost"),
                ContactTransferred e => e with { Escalation = !e.Escalation, ToQueue = "ghosts" },
                ContactCompleted e => e with { TalkSeconds = e.TalkSeconds + 60, Resolved = true },
                AgentStateChanged e => e with { State = AgentState.Busy, Queues = ["ghosts"], Team = "ghosts" },
                _ => original with { },
            },
        };
    }

    /// <summary>What the generated cases exercised, so that the property cannot pass vacuously.</summary>
    private sealed class Coverage
    {
        public int Displaced { get; set; }

        public int Checkpoints { get; set; }

        private int CrossedMidnight { get; set; }

        private int WithRepeats { get; set; }

        private int WithTransfers { get; set; }

        private int WithShortAbandons { get; set; }

        public void Record(Scenario scenario)
        {
            var engine = Scenario.NewEngine();
            var events = scenario.Events();
            engine.Ingest(events);
            var values = engine.Read(ScopeId.All, WindowId.Sliding(60));
            CrossedMidnight += scenario.Start.Date != events[^1].Timestamp.Date ? 1 : 0;
            WithRepeats += values[KpiId.RepeatContactRate] > 0 ? 1 : 0;
            WithTransfers += values[KpiId.EscalationRate] > 0 ? 1 : 0;
            WithShortAbandons += values[KpiId.ShortAbandoned] > 0 ? 1 : 0;
        }

        public void AssertExercised(int iterations)
        {
            Assert.True(Displaced > iterations * 10, $"only {Displaced} events arrived out of ts order");
            Assert.True(Checkpoints > iterations * 3, $"only {Checkpoints} checkpoints were compared");
            Assert.True(CrossedMidnight > iterations / 10, $"only {CrossedMidnight} scenarios crossed midnight");
            Assert.True(WithRepeats > iterations / 2, $"only {WithRepeats} scenarios had repeat contacts");
            Assert.True(WithTransfers > iterations / 2, $"only {WithTransfers} scenarios had escalations");
            Assert.True(WithShortAbandons > iterations / 2, $"only {WithShortAbandons} scenarios had short abandons");
        }
    }
}
