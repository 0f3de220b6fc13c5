using System.Globalization;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Replay;

/// <summary>
/// Replays the real bank month (Anonymous Bank, February 1999) through the engine on the event clock and
/// checks every contact KPI against a brute-force oracle at many instants. Skipped, with the reason, when
/// the shared research data is not beside the clone.
/// </summary>
public class WallboardEngineReplayTests
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromMinutes(4);

    private static readonly TimeSpan[] BoundaryOffsets =
        [TimeSpan.Zero, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240)];

    [Theory]
    [InlineData("1999-02-16")]
    [InlineData("1999-02-02")]
    public void Read_DayReplayedInEventOrder_MatchesOracleAtEveryCheckpoint(string date)
    {
        var log = BankCallLog.Read(ResearchData.BankFileOrSkip());
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var calls = log.ReplayedOn(day);
        var events = BankCallLog.ToEvents(calls);
        var replay = new BankReplay(calls);
        var dayStart = StartOf(day);
        var lastSecond = dayStart.AddDays(1).AddSeconds(-1);

        var checkpoints = Hourly(dayStart, dayStart.AddDays(1))
            .Append(lastSecond)
            .Concat(EventAligned(events, dayStart.AddDays(1)));
        ReplayInOrder(replay, events, checkpoints, at =>
        {
            if (at == lastSecond)
            {
                WriteFigures(replay, $"{date}, today at 23:59:59", calls);
            }
        });

        AssertAllAccepted(replay);
        AssertNoMismatch(replay);
        Assert.True(calls.Count > 1000, $"only {calls.Count} calls replayed on {date}");
    }

    [Fact]
    public void Read_MonthReplayedInEventOrder_MatchesOracleHourly()
    {
        var log = BankCallLog.Read(ResearchData.BankFileOrSkip());
        var calls = log.Replayed();
        var events = BankCallLog.ToEvents(calls);
        var replay = new BankReplay(calls);
        var monthStart = new DateTimeOffset(1999, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var monthEnd = monthStart.AddMonths(1);
        var dayEnds = Enumerable.Range(1, 28).Select(days => monthStart.AddDays(days).AddSeconds(-1)).ToHashSet();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine("day | " + BankReplay.FiguresHeader);

        ReplayInOrder(replay, events, Hourly(monthStart, monthEnd).Concat(dayEnds), at =>
        {
            if (dayEnds.Contains(at))
            {
                output?.WriteLine($"{at:yyyy-MM-dd} | {replay.FiguresRow("all", ScopeId.All)}");
            }
        });

        AssertAllAccepted(replay);
        AssertNoMismatch(replay);
    }

    [Fact]
    public void Read_DayFedWithJitterWithinLateness_MatchesOracleWhenQuietAndAtEndOfDay()
    {
        var log = BankCallLog.Read(ResearchData.BankFileOrSkip());
        var day = new DateOnly(1999, 2, 16);
        var calls = log.ReplayedOn(day);
        var events = BankCallLog.ToEvents(calls);
        var replay = new BankReplay(calls);
        var dayStart = StartOf(day);

        var checkpoints = ReplayWithJitter(replay, events, Every(TimeSpan.FromMinutes(5), dayStart, dayStart.AddDays(1)), dayStart.AddDays(1).AddSeconds(-1), seed: 19990216);

        Assert.True(checkpoints >= 24, $"only {checkpoints} checkpoints");
        AssertAllAccepted(replay);
        AssertNoMismatch(replay);
    }

    [Fact]
    public void Read_MonthFedWithJitterWithinLateness_MatchesOracleWhenQuietAndAtEnd()
    {
        var log = BankCallLog.Read(ResearchData.BankFileOrSkip());
        var calls = log.Replayed();
        var events = BankCallLog.ToEvents(calls);
        var replay = new BankReplay(calls);
        var monthStart = new DateTimeOffset(1999, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var monthEnd = monthStart.AddMonths(1);

        var checkpoints = ReplayWithJitter(replay, events, Every(TimeSpan.FromHours(1), monthStart, monthEnd), monthEnd.AddSeconds(-1), seed: 199902);

        Assert.True(checkpoints >= 28 * 6, $"only {checkpoints} checkpoints");
        AssertAllAccepted(replay);
        AssertNoMismatch(replay);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static IEnumerable<DateTimeOffset> Hourly(DateTimeOffset from, DateTimeOffset to) => Every(TimeSpan.FromHours(1), from, to);

    private static IEnumerable<DateTimeOffset> Every(TimeSpan step, DateTimeOffset from, DateTimeOffset to)
    {
        for (var at = from + step; at <= to; at += step)
        {
            yield return at;
        }
    }

    // Instants where some measurement sits exactly on a window edge: T = N (inside) and T = N − W (outside).
    private static IEnumerable<DateTimeOffset> EventAligned(IReadOnlyList<WallboardEvent> events, DateTimeOffset end) =>
        events
            .Where((_, index) => index % 50 == 0)
            .SelectMany(contactEvent => BoundaryOffsets.Select(offset => contactEvent.Timestamp + offset))
            .Where(at => at <= end);

    // Feeds every event with ts ≤ the checkpoint, moves the clock to it, and compares.
    private static void ReplayInOrder(
        BankReplay replay, IReadOnlyList<WallboardEvent> events, IEnumerable<DateTimeOffset> checkpoints, Action<DateTimeOffset> atCheckpoint)
    {
        var next = 0;
        foreach (var checkpoint in checkpoints.Distinct().Order())
        {
            while (next < events.Count && events[next].Timestamp <= checkpoint)
            {
                replay.Feed(events[next++]);
            }

            replay.Tick(checkpoint);
            replay.CompareAt(checkpoint);
            atCheckpoint(checkpoint);
        }

        Assert.Equal(events.Count, next);
    }

    // Each event arrives up to MaxJitter after its ts, less than the 5-minute allowed lateness: the arrival
    // order changes (within a contact too) but no event is late, so the windows must be as in ts order.
    // A candidate instant is compared only when quiet (no event in the last MaxJitter before it), because
    // then exactly the events up to it have arrived; the end is compared after every event has arrived.
    // Returns the number of instants compared.
    private static int ReplayWithJitter(
        BankReplay replay, IReadOnlyList<WallboardEvent> events, IEnumerable<DateTimeOffset> candidates, DateTimeOffset end, int seed)
    {
        var random = new Random(seed);
        var arrivals = events
            .Select(contactEvent => (Event: contactEvent, Arrival: contactEvent.Timestamp.AddMilliseconds(random.Next(0, (int)MaxJitter.TotalMilliseconds))))
            .OrderBy(pair => pair.Arrival)
            .ToList();
        var times = events.Select(contactEvent => contactEvent.Timestamp).ToList();
        var quiet = candidates.Where(at => at < end && !AnyIn(times, at - MaxJitter, at)).ToList();
        var next = 0;
        var outOfOrder = 0;
        var latest = DateTimeOffset.MinValue;
        void FeedUpTo(DateTimeOffset arrival)
        {
            for (; next < arrivals.Count && arrivals[next].Arrival <= arrival; next++)
            {
                var contactEvent = arrivals[next].Event;
                outOfOrder += contactEvent.Timestamp < latest ? 1 : 0;
                latest = contactEvent.Timestamp > latest ? contactEvent.Timestamp : latest;
                replay.Feed(contactEvent);
            }
        }

        foreach (var checkpoint in quiet)
        {
            FeedUpTo(checkpoint);
            replay.Tick(checkpoint);
            replay.CompareAt(checkpoint);
        }

        FeedUpTo(DateTimeOffset.MaxValue);
        replay.Tick(end);
        replay.CompareAt(end);
        Assert.True(outOfOrder > events.Count / 4, $"only {outOfOrder} of {events.Count} events arrived out of order");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{outOfOrder} of {events.Count} events arrived after a later one; compared at {quiet.Count} quiet instants and at {end:yyyy-MM-dd HH:mm:ss}");
        return quiet.Count + 1;
    }

    // Whether some time of the sorted list is in (from, to].
    private static bool AnyIn(List<DateTimeOffset> sortedTimes, DateTimeOffset from, DateTimeOffset to)
    {
        var index = sortedTimes.BinarySearch(from);
        index = index < 0 ? ~index : index;
        while (index < sortedTimes.Count && sortedTimes[index] == from)
        {
            index++;
        }

        return index < sortedTimes.Count && sortedTimes[index] <= to;
    }

    private static void AssertAllAccepted(BankReplay replay)
    {
        Assert.Equal(0, replay.Statuses[IngestStatus.Late]);
        Assert.Equal(0, replay.Statuses[IngestStatus.Duplicate]);
        Assert.Equal(0, replay.Statuses[IngestStatus.Rejected]);
    }

    private static void AssertNoMismatch(BankReplay replay)
    {
        Assert.True(replay.Comparisons > 0);
        Assert.True(
            replay.MismatchCount == 0,
            $"{replay.MismatchCount} of {replay.Comparisons} comparisons differ; first ones:\n{string.Join('\n', replay.Mismatches)}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{replay.Comparisons} comparisons, all equal");
    }

    private static void WriteFigures(BankReplay replay, string title, IReadOnlyList<BankCall> calls)
    {
        var output = TestContext.Current.TestOutputHelper;
        if (output is null)
        {
            return;
        }

        output.WriteLine(title);
        output.WriteLine(BankReplay.FiguresHeader);
        output.WriteLine(replay.FiguresRow("all", ScopeId.All));
        foreach (var queue in calls.Where(call => call.HasQueue).Select(call => call.Service).Distinct().Order(StringComparer.Ordinal))
        {
            output.WriteLine(replay.FiguresRow("queue:" + queue, ScopeId.Queue(queue)));
        }
    }
}
