using System.Reactive.Concurrency;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Reactive;

public class WallboardEngineSnapshotsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Snapshots_WallClock_EmitOnlyChangedRowsEachTick()
    {
        var scheduler = new HistoricalScheduler(Start);
        var engine = new WallboardEngine(new EngineOptions { Clock = ClockMode.Wall, SnapshotInterval = TimeSpan.FromSeconds(1) }, scheduler);
        var snapshots = new List<KpiSnapshot>();
        using var subscription = engine.Snapshots.Subscribe(snapshots.Add);

        engine.Ingest(new ContactQueued("e1", Start, "c1", "sales", "voice", null));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        var first = Assert.Single(snapshots);
        Assert.Contains(first.Rows, row => row.Scope == ScopeId.Queue("sales") && row.Window == WindowId.Now && row.Values[KpiId.ContactsWaiting] == 1);

        // A second later only the longest wait has moved: the now rows change, the windows do not.
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        var second = snapshots[^1];
        Assert.Equal(2, snapshots.Count);
        Assert.All(second.Rows, row => Assert.Equal(WindowId.Now, row.Window));
        Assert.Equal(2, second.Rows.Single(row => row.Scope == ScopeId.All).Values[KpiId.LongestWait]);
    }

    [Fact]
    public void Snapshots_EventClockWithoutEvents_EmitNothing()
    {
        var scheduler = new HistoricalScheduler(Start);
        var engine = new WallboardEngine(new EngineOptions { Clock = ClockMode.Event, SnapshotInterval = TimeSpan.FromSeconds(1) }, scheduler);
        var snapshots = new List<KpiSnapshot>();
        using var subscription = engine.Snapshots.Subscribe(snapshots.Add);
        engine.Ingest(new ContactQueued("e1", Start, "c1", "sales", "voice", null));
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        scheduler.AdvanceBy(TimeSpan.FromSeconds(10));

        Assert.Single(snapshots);
    }

    // More scopes than a snapshot slice (32): the pass in slices must still give every row once, as read.
    [Fact]
    public void TakeSnapshot_ManyScopes_EveryRowOnceWithTheValuesARead()
    {
        var scheduler = new HistoricalScheduler(Start);
        var engine = new WallboardEngine(new EngineOptions { Clock = ClockMode.Wall }, scheduler);
        for (var i = 0; i < 150; i++)
        {
            engine.Ingest(new ContactQueued($"e{i}", Start, $"c{i}", $"q{i:000}", i % 2 == 0 ? "voice" : "chat", null));
        }

        var full = engine.TakeSnapshot(full: true);

        var scopes = 1 + 150 + 2;
        Assert.Equal(scopes * engine.Windows.Count, full.Rows.Count);
        Assert.Equal(full.Rows.Count, full.Rows.Select(row => (row.Scope, row.Window)).Distinct().Count());
        Assert.All(full.Rows, row => Assert.True(row.Values.SameAs(engine.Read(row.Scope, row.Window)), $"{row.Scope} {row.Window}"));
        Assert.Equal(1, full.Rows.Single(row => row.Scope == ScopeId.Queue("q149") && row.Window == WindowId.Now).Values[KpiId.ContactsWaiting]);
    }

    [Fact]
    public void TakeSnapshot_ChangesInOneOfManyScopes_GivesOnlyThatScopesRows()
    {
        var scheduler = new HistoricalScheduler(Start);
        var engine = new WallboardEngine(new EngineOptions { Clock = ClockMode.Wall }, scheduler);
        for (var i = 0; i < 100; i++)
        {
            engine.Ingest(new AgentStateChanged($"e{i}", Start, $"a{i:000}", AgentState.Busy, ["sales"], "t1", null, null));
        }

        engine.TakeSnapshot(full: false);
        // Same instant as the log-ins (the clock stays put, so no time-driven value moves); ordered after them by id.
        engine.Ingest(new AgentStateChanged("z-last", Start, "a077", AgentState.Away, null, null, null, null));

        var changed = engine.TakeSnapshot(full: false);

        Assert.Equal(
            ["agent:a077", "all", "queue:sales", "team:t1"],
            changed.Rows.Select(row => row.Scope.ToString()).Distinct().Order(StringComparer.Ordinal).ToArray());
    }
}
