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
}
