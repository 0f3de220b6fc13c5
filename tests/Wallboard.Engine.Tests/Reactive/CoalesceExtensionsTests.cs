using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Wallboard.Engine.Reactive;

namespace Wallboard.Engine.Tests.Reactive;

public class CoalesceExtensionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void Coalesce_FirstItemAfterQuiet_GoesOutAtOnce()
    {
        var (scheduler, source, emitted) = Setup();

        source.OnNext(1);
        scheduler.AdvanceBy(TimeSpan.FromTicks(1));

        Assert.Equal([(Start, 1)], emitted);
    }

    [Fact]
    public void Coalesce_BurstWithinPeriod_EmitsLatestOnceAtPeriodEnd()
    {
        var (scheduler, source, emitted) = Setup();
        source.OnNext(1);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(10));

        source.OnNext(2);
        source.OnNext(3);
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(100));
        source.OnNext(4);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal([(Start, 1), (Start + Period, 4)], emitted);
    }

    [Fact]
    public void Coalesce_SteadyStream_EmitsOncePerPeriodNeverStarves()
    {
        var (scheduler, source, emitted) = Setup();

        for (var i = 0; i < 100; i++)
        {
            source.OnNext(i);
            scheduler.AdvanceBy(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(9, emitted.Count);
        Assert.All(emitted.Zip(emitted.Skip(1)), pair => Assert.Equal(Period, pair.Second.At - pair.First.At));
        Assert.Equal(Start + (8 * Period), emitted[^1].At);
    }

    [Fact]
    public void Coalesce_ItemAfterLongQuiet_GoesOutAtOnceAgain()
    {
        var (scheduler, source, emitted) = Setup();
        source.OnNext(1);
        scheduler.AdvanceBy(TimeSpan.FromSeconds(5));

        source.OnNext(2);
        scheduler.AdvanceBy(TimeSpan.FromTicks(1));

        Assert.Equal([(Start, 1), (Start.AddSeconds(5), 2)], emitted);
    }

    private static (HistoricalScheduler Scheduler, Subject<int> Source, List<(DateTimeOffset At, int Value)> Emitted) Setup()
    {
        var scheduler = new HistoricalScheduler(Start);
        var source = new Subject<int>();
        var emitted = new List<(DateTimeOffset, int)>();
        source.Coalesce(Period, scheduler).Subscribe(value => emitted.Add((scheduler.Now, value)));
        return (scheduler, source, emitted);
    }
}
