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

        using var checkpoint = new MemoryStream();
        first.Checkpoint(checkpoint);
        checkpoint.Position = 0;
        var restored = NewEngine();
        Assert.True(restored.TryRestore(checkpoint, out var reason), reason);
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

    private static WallboardEngine NewEngine() => new(
        new EngineOptions { Clock = ClockMode.Event, Windows = ["5m", "15m", "60m"] }, new HistoricalScheduler(Start));

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
}
