using System.Reactive.Concurrency;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Checkpoints;

public class WallboardEngineCheckpointTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 0.25)]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.9)]
    public void TryRestore_MidStream_ContinuesExactlyLikeAnUninterruptedEngine(int seed, double cut)
    {
        var events = Scenario(seed);
        var split = (int)(events.Count * cut);
        var uninterrupted = NewEngine();
        var first = NewEngine();
        Feed(uninterrupted, events.Take(split));
        Feed(first, events.Take(split));

        var restored = RestoredCopyOf(first);
        AssertSameKpis(uninterrupted, restored, "right after the restore");

        Feed(uninterrupted, events.Skip(split));
        Feed(restored, events.Skip(split));
        AssertSameKpis(uninterrupted, restored, "after the rest of the stream");
    }

    [Fact]
    public void TryRestore_DuplicateOfEventBeforeCheckpoint_IsStillADuplicate()
    {
        var events = Scenario(4);
        var engine = NewEngine();
        Feed(engine, events);
        using var checkpoint = new MemoryStream();
        engine.Checkpoint(checkpoint);
        checkpoint.Position = 0;
        var restored = NewEngine();

        Assert.True(restored.TryRestore(checkpoint, out _));

        Assert.Equal(Wallboard.Engine.Ingestion.IngestStatus.Duplicate, restored.Ingest(events[^1]).Status);
        Assert.Equal(Wallboard.Engine.Ingestion.IngestStatus.Duplicate, restored.Ingest(events[0]).Status);
    }

    [Fact]
    public void TryRestore_OtherWindows_RefusesAndKeepsState()
    {
        var engine = NewEngine();
        Feed(engine, Scenario(5));
        using var checkpoint = new MemoryStream();
        engine.Checkpoint(checkpoint);
        checkpoint.Position = 0;
        var other = new WallboardEngine(
            new EngineOptions { Clock = ClockMode.Event, Windows = ["5m", "90m"] }, new HistoricalScheduler(Start));
        other.Ingest(new ContactQueued("kept", Start, "c", "q", "voice", null));

        Assert.False(other.TryRestore(checkpoint, out var reason));

        Assert.Contains("other engine settings", reason, StringComparison.Ordinal);
        Assert.Equal(1, other.Read(ScopeId.All, WindowId.Sliding(5))[KpiId.Offered]);
    }

    [Fact]
    public void TryRestore_AgentChangesPastTheLatenessNotYetFolded_SupersedeALateChangeAsBefore()
    {
        // The roster folds an agent's old changes into its baseline in batches; the checkpoint must hold them as
        // folded, or a late queue change at 150 would count after the restore where the original ignores it.
        WallboardEvent[] before =
        [
            new AgentStateChanged("s1", Start.AddSeconds(100), "a1", AgentState.Available, ["sales"], null, null, null),
            new AgentStateChanged("s2", Start.AddSeconds(200), "a1", AgentState.Busy, null, null, null, null),
            new AgentStateChanged("s3", Start.AddSeconds(1000), "a1", AgentState.Available, null, null, null, null),
        ];
        var late = new AgentStateChanged("s4", Start.AddSeconds(150), "a1", AgentState.Away, ["support"], null, null, null);
        var original = NewEngine();
        Feed(original, before);
        var restored = RestoredCopyOf(original);

        original.Ingest(late);
        restored.Ingest(late);

        Assert.Equal(1, restored.Read(ScopeId.Queue("sales"), WindowId.Now)[KpiId.AgentsAvailable]);
        AssertSameKpis(original, restored, "after the late change");
    }

    [Theory]
    [InlineData(1, 0.25)]
    [InlineData(2, 0.5)]
    public void CaptureCheckpoint_EventsIngestedBeforeTheWrite_AreNotInTheCheckpoint(int seed, double cut)
    {
        var events = MixedScenario(seed);
        var split = (int)(events.Count * cut);
        var engine = NewShortMemoryEngine();
        var reference = NewShortMemoryEngine();
        Feed(engine, events.Take(split));
        Feed(reference, events.Take(split));

        // The rest of the stream forgets and reuses contacts, compacts agents, expires tickets, directory entries and
        // duplicate buckets (all on short settings here) between the capture and the write.
        using var image = engine.CaptureCheckpoint();
        Feed(engine, events.Skip(split));
        using var written = new MemoryStream();
        image.WriteTo(written);
        using var expected = new MemoryStream();
        reference.Checkpoint(expected);

        Assert.Equal(expected.ToArray(), written.ToArray());
        written.Position = 0;
        var restored = NewShortMemoryEngine();
        Assert.True(restored.TryRestore(written, out var reason), reason);
        AssertSameKpis(reference, restored, "right after the restore");
        Feed(reference, events.Skip(split));
        Feed(restored, events.Skip(split));
        AssertSameKpis(reference, restored, "after the rest of the stream");
        AssertSameKpis(engine, restored, "against the engine that was checkpointed");
    }

    [Fact]
    public void CaptureCheckpoint_SecondImageWhileTheFirstIsOut_BothWriteTheWholeState()
    {
        var engine = NewShortMemoryEngine();
        Feed(engine, MixedScenario(3));
        using var expected = new MemoryStream();
        engine.Checkpoint(expected);

        var first = engine.CaptureCheckpoint();
        var second = engine.CaptureCheckpoint();
        using var fromFirst = new MemoryStream();
        using var fromSecond = new MemoryStream();
        first.WriteTo(fromFirst);
        second.WriteTo(fromSecond);
        first.Dispose();
        second.Dispose();
        using var afterReuse = new MemoryStream();
        engine.Checkpoint(afterReuse);

        Assert.Equal(expected.ToArray(), fromFirst.ToArray());
        Assert.Equal(expected.ToArray(), fromSecond.ToArray());
        Assert.Equal(expected.ToArray(), afterReuse.ToArray());
    }

    [Fact]
    public void TryRestore_WallClockWithEventsHeldForTheFuture_AppliesThemWhenTheirTimeComes()
    {
        var options = new EngineOptions { Clock = ClockMode.Wall, Windows = ["5m"] };
        var scheduler = new HistoricalScheduler(Start);
        var engine = new WallboardEngine(options, scheduler);
        engine.Ingest(new ContactQueued("e1", Start, "c1", "sales", "voice", null));
        engine.Ingest(new ContactQueued("e2", Start.AddSeconds(20), "c2", "sales", "voice", null));
        engine.Ingest(new ContactAbandoned("e3", Start.AddSeconds(30), "c1"));
        using var checkpoint = new MemoryStream();
        engine.Checkpoint(checkpoint);
        checkpoint.Position = 0;
        var restoredScheduler = new HistoricalScheduler(Start);
        var restored = new WallboardEngine(options, restoredScheduler);

        Assert.True(restored.TryRestore(checkpoint, out var reason), reason);

        Assert.Equal(1, restored.Read(ScopeId.All, WindowId.Sliding(5))[KpiId.Offered]);
        restoredScheduler.AdvanceTo(Start.AddSeconds(30));
        Assert.Equal(2, restored.Read(ScopeId.All, WindowId.Sliding(5))[KpiId.Offered]);
        Assert.Equal(1, restored.Read(ScopeId.All, WindowId.Sliding(5))[KpiId.Abandoned]);
        Assert.Equal(Wallboard.Engine.Ingestion.IngestStatus.Duplicate, restored.Ingest(new ContactAbandoned("e3", Start.AddSeconds(30), "c1")).Status);
    }

    [Fact]
    public void TryRestore_CheckpointOfAnotherFormatVersion_RefusesWithTheVersions()
    {
        using var old = new MemoryStream();
        using (var writer = new BinaryWriter(old, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(3);
            writer.Write("clock=Event;...");
        }

        old.Position = 0;
        var engine = NewEngine();

        Assert.False(engine.TryRestore(old, out var reason));

        Assert.Equal($"The checkpoint was written by another version of the engine (format 3; this engine reads {KpiEngine.FormatVersion}).", reason);
    }

    [Fact]
    public void TryRestore_CheckpointCutShort_RefusesAndKeepsState()
    {
        var engine = NewEngine();
        Feed(engine, Scenario(6));
        using var checkpoint = new MemoryStream();
        engine.Checkpoint(checkpoint);
        var other = NewEngine();
        other.Ingest(new ContactQueued("kept", Start, "c", "q", "voice", null));

        Assert.False(other.TryRestore(new MemoryStream(checkpoint.ToArray(), 0, (int)checkpoint.Length - 1), out var reason));

        Assert.Equal("The checkpoint ends early.", reason);
        Assert.Equal(1, other.Read(ScopeId.All, WindowId.Sliding(5))[KpiId.Offered]);
    }

    private static WallboardEngine NewEngine() => new(
        new EngineOptions { Clock = ClockMode.Event, Windows = ["5m", "15m", "60m"] }, new HistoricalScheduler(Start));

    // Settings that make everything the engine forgets be forgotten within the scenarios' forty minutes.
    private static WallboardEngine NewShortMemoryEngine() => new(
        new EngineOptions
        {
            Clock = ClockMode.Event,
            Windows = ["5m", "15m", "60m"],
            DuplicateHorizon = TimeSpan.FromMinutes(1),
            InteractionMemory = TimeSpan.FromMinutes(10),
            Tickets = new TicketSettings { ResolvedRetention = TimeSpan.FromMinutes(10) },
        },
        new HistoricalScheduler(Start));

    // A new engine restored from a checkpoint of the given one; the restore must succeed.
    private static WallboardEngine RestoredCopyOf(WallboardEngine engine)
    {
        using var checkpoint = new MemoryStream();
        engine.Checkpoint(checkpoint);
        checkpoint.Position = 0;
        var restored = NewEngine();
        Assert.True(restored.TryRestore(checkpoint, out var reason), reason);
        return restored;
    }

    private static void Feed(WallboardEngine engine, IEnumerable<WallboardEvent> events)
    {
        foreach (var incoming in events)
        {
            engine.Ingest(incoming);
        }
    }

    private static void AssertSameKpis(WallboardEngine expected, WallboardEngine actual, string when)
    {
        Assert.Equal(expected.Scopes().Select(scope => scope.ToString()).Order(), actual.Scopes().Select(scope => scope.ToString()).Order());
        Assert.Equal(expected.Clock, actual.Clock);
        foreach (var scope in expected.Scopes())
        {
            foreach (var window in expected.Windows)
            {
                var left = expected.Read(scope, window);
                var right = actual.Read(scope, window);
                foreach (var kpi in KpiCatalog.All)
                {
                    Assert.True(left[kpi.Id] == right[kpi.Id], $"{kpi.Name} in {scope} {window} {when}: {left[kpi.Id]} vs {right[kpi.Id]}");
                }
            }
        }
    }

    // Forty minutes of contacts and agents, a few of them out of order, so that panes, maxima, waiting
    // lines, repeat customers and agent baselines all have something in them at the cut.
    private static List<WallboardEvent> Scenario(int seed)
    {
        var random = new Random(seed);
        var events = new List<(double At, WallboardEvent Event)>();
        var queues = new[] { "sales", "support", "billing" };
        var id = 0;
        string NextId() => "ev" + id++;
        for (var agent = 0; agent < 6; agent++)
        {
            var at = random.NextDouble() * 60;
            events.Add((at, new AgentStateChanged(NextId(), Start.AddSeconds(at), "a" + agent, AgentState.Available, [queues[agent % 3]], "t" + (agent % 2), null, null)));
            for (var change = 0; change < 12; change++)
            {
                at += 30 + (random.NextDouble() * 200);
                var state = (AgentState)random.Next(1, 5);
                events.Add((at, new AgentStateChanged(NextId(), Start.AddSeconds(at), "a" + agent, state, null, null, null, null)));
            }
        }

        for (var contact = 0; contact < 150; contact++)
        {
            var queued = random.NextDouble() * 2400;
            var name = "c" + contact;
            var queue = queues[random.Next(3)];
            var customer = random.Next(3) == 0 ? "cust" + random.Next(20) : null;
            events.Add((queued, new ContactQueued(NextId(), Start.AddSeconds(queued), name, queue, contact % 4 == 0 ? "chat" : "voice", customer)));
            var leave = queued + (random.NextDouble() * 90);
            if (random.Next(5) == 0)
            {
                events.Add((leave, new ContactAbandoned(NextId(), Start.AddSeconds(leave), name)));
                continue;
            }

            var agentId = "a" + random.Next(6);
            events.Add((leave, new ContactAnswered(NextId(), Start.AddSeconds(leave), name, agentId)));
            var done = leave + 20 + (random.NextDouble() * 300);
            if (random.Next(6) == 0)
            {
                events.Add((done - 10, new ContactTransferred(NextId(), Start.AddSeconds(done - 10), name, null, random.Next(2) == 0)));
            }

            events.Add((done, new ContactCompleted(
                NextId(), Start.AddSeconds(done), name, agentId, random.Next(20, 300), random.Next(0, 30), random.Next(0, 40), random.Next(4) != 0,
                new ContactOutcome(true, random.Next(3) == 0, false, false))));
        }

        // Arrival order: time plus up to two minutes of delay, well inside the five-minute lateness.
        return [.. events.OrderBy(pair => pair.At + (random.NextDouble() * 120)).Select(pair => pair.Event)];
    }

    // The contacts and agents of Scenario, plus tickets, surveys, sentiment, self-service sessions and outside
    // figures, so that every part of the checkpoint has something in it.
    private static List<WallboardEvent> MixedScenario(int seed)
    {
        var random = new Random(seed + 1000);
        var events = new List<(double At, WallboardEvent Event)>();
        var channels = new[] { "email", "chat", "sms" };
        var id = 0;
        string NextId() => "mx" + id++;
        for (var ticket = 0; ticket < 60; ticket++)
        {
            var at = random.NextDouble() * 2300;
            var name = "t" + ticket;
            events.Add((at, new TicketCreated(
                NextId(), Start.AddSeconds(at), name, channels[ticket % 3], ticket % 2 == 0 ? "support" : null, ticket % 5 == 0 ? "high" : null,
                ticket % 3 == 0 ? "billing" : "tech", ticket % 4 == 0 ? "cust" + ticket : null)));
            at += 10 + (random.NextDouble() * 60);
            events.Add((at, new TicketMessagePosted(NextId(), Start.AddSeconds(at), name, MessageAuthor.Agent, "a" + (ticket % 6))));
            if (ticket % 7 == 0)
            {
                at += 5;
                events.Add((at, new TicketEscalated(NextId(), Start.AddSeconds(at), name, "2")));
            }

            if (random.Next(3) != 0)
            {
                at += 30 + (random.NextDouble() * 200);
                events.Add((at, new TicketResolved(NextId(), Start.AddSeconds(at), name, "a" + (ticket % 6))));
                if (ticket % 4 == 1)
                {
                    at += 40;
                    events.Add((at, new TicketReopened(NextId(), Start.AddSeconds(at), name)));
                }
            }

            at += 20;
            events.Add((at, new SentimentScored(NextId(), Start.AddSeconds(at), random.Next(101), null, name, null, null)));
        }

        for (var survey = 0; survey < 80; survey++)
        {
            var at = 60 + (random.NextDouble() * 2300);
            events.Add((at, new SurveyResponded(
                NextId(), Start.AddSeconds(at), (SurveyKind)(survey % 3), 1 + random.Next(5), "c" + random.Next(150), null, null, null, null)));
            events.Add((at + 1, new SelfServiceSessionEnded(NextId(), Start.AddSeconds(at + 1), "s" + survey, channels[survey % 3], survey % 2 == 0)));
            if (survey % 10 == 0)
            {
                events.Add((at + 2, new MetricRecorded(NextId(), Start.AddSeconds(at + 2), "backlog", survey * 1.5, "tickets", "queue:support")));
            }
        }

        var mixed = events.OrderBy(pair => pair.At + (random.NextDouble() * 120)).Select(pair => pair.Event).ToList();
        var contacts = Scenario(seed);

        // Interleaved in time: both lists are in arrival order and span the same forty minutes.
        return [.. contacts.Concat(mixed).OrderBy(evt => evt.Timestamp.AddSeconds(random.NextDouble() * 60))];
    }
}
