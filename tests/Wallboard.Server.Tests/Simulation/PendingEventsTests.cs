using Wallboard.Engine.Events;
using Wallboard.Server.Simulation;

namespace Wallboard.Server.Tests.Simulation;

public sealed class PendingEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_WithinCapacity_KeepsEverythingInOrder()
    {
        var pending = new PendingEvents(5);

        Assert.Equal(0, pending.Add(Events(0, 3)));
        Assert.Equal(0, pending.Add(Events(3, 2)));

        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], pending.Snapshot().Select(evt => evt.Id));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest()
    {
        var pending = new PendingEvents(5);
        pending.Add(Events(0, 4));

        var dropped = pending.Add(Events(4, 3));

        Assert.Equal(2, dropped);
        Assert.Equal(["e2", "e3", "e4", "e5", "e6"], pending.Snapshot().Select(evt => evt.Id));
    }

    [Fact]
    public void Remove_SubmittedBatch_KeepsWhatCameAfter()
    {
        var pending = new PendingEvents(10);
        pending.Add(Events(0, 3));
        var batch = pending.Snapshot();
        pending.Add(Events(3, 2));

        pending.Remove(batch.Count);

        Assert.Equal(["e3", "e4"], pending.Snapshot().Select(evt => evt.Id));
        Assert.Equal(2, pending.Count);
    }

    private static List<WallboardEvent> Events(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => new ContactAbandoned($"e{i}", At.AddSeconds(i), $"c{i}"))];
}
