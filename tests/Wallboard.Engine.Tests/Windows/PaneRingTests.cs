using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Tests.Windows;

public class PaneRingTests
{
    private const int Field = 0;

    [Fact]
    public void WindowSum_MeasurementWindowMinusOneSecondOld_IsIn()
    {
        var ring = new PaneRing(1, [60]);
        ring.AdvanceTo(100, 0);
        ring.Add(100, Field, 5);

        ring.AdvanceTo(159, 0);

        Assert.Equal(5, ring.WindowSum(0, Field));
    }

    [Fact]
    public void WindowSum_MeasurementExactlyWindowOld_IsOut()
    {
        var ring = new PaneRing(1, [60]);
        ring.AdvanceTo(100, 0);
        ring.Add(100, Field, 5);
        ring.AdvanceTo(159, 0);

        ring.AdvanceTo(160, 0);

        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(5, ring.Total(Field));
        Assert.Equal(5, ring.TodaySum(Field));
    }

    [Fact]
    public void WindowSum_SeveralWindows_EachExpiresAtItsOwnBoundary()
    {
        var ring = new PaneRing(1, [10, 60]);
        ring.AdvanceTo(100, 0);
        ring.Add(100, Field, 1);
        ring.AdvanceTo(105, 0);
        ring.Add(105, Field, 10);

        ring.AdvanceTo(110, 0);
        Assert.Equal(10, ring.WindowSum(0, Field));
        Assert.Equal(11, ring.WindowSum(1, Field));

        ring.AdvanceTo(115, 0);
        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(11, ring.WindowSum(1, Field));

        ring.AdvanceTo(160, 0);
        Assert.Equal(10, ring.WindowSum(1, Field));

        ring.AdvanceTo(165, 0);
        Assert.Equal(0, ring.WindowSum(1, Field));
    }

    [Fact]
    public void WindowSum_ClockJumpsFarAhead_EverythingExpiresAndOnlyTheStartPaneStays()
    {
        var ring = new PaneRing(1, [10, 60]);
        for (var second = 100; second < 110; second++)
        {
            ring.AdvanceTo(second, 0);
            ring.Add(second, Field, 1);
        }

        ring.AdvanceTo(10_000, 0);

        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(0, ring.WindowSum(1, Field));
        Assert.Equal(1, ring.PaneCount);
        Assert.Equal(10, ring.Total(Field));
    }

    [Fact]
    public void Add_OutOfOrderPane_IsInsertedInTimeOrderAndExpiresOnTime()
    {
        var ring = new PaneRing(1, [60]);
        ring.AdvanceTo(110, 0);
        ring.Add(100, Field, 1);
        ring.Add(110, Field, 100);

        ring.Add(105, Field, 10);

        Assert.Equal(3, ring.PaneCount);
        Assert.Equal(111, ring.WindowSum(0, Field));
        ring.AdvanceTo(160, 0);
        Assert.Equal(110, ring.WindowSum(0, Field));
        ring.AdvanceTo(165, 0);
        Assert.Equal(100, ring.WindowSum(0, Field));
        ring.AdvanceTo(170, 0);
        Assert.Equal(0, ring.WindowSum(0, Field));
    }

    [Fact]
    public void Add_OutOfOrderIntoExistingPane_ReusesThePane()
    {
        var ring = new PaneRing(1, [60]);
        ring.AdvanceTo(110, 0);
        ring.Add(100, Field, 1);
        ring.Add(105, Field, 2);
        ring.Add(110, Field, 4);

        ring.Add(105, Field, 8);

        Assert.Equal(3, ring.PaneCount);
        ring.AdvanceTo(165, 0);
        Assert.Equal(4, ring.WindowSum(0, Field));
    }

    [Fact]
    public void Add_OutOfOrderBeforeWindowCursor_CountsAsAlreadyExpiredInThatWindowOnly()
    {
        // Window 10 at now 200 has slid past the panes 150 and 185; its cursor sits on 195.
        var ring = new PaneRing(1, [10, 60]);
        ring.AdvanceTo(200, 0);
        ring.Add(150, Field, 1);
        ring.Add(185, Field, 2);
        ring.Add(195, Field, 4);

        ring.Add(190, Field, 8);
        ring.Add(191, Field, 16);

        Assert.Equal(20, ring.WindowSum(0, Field));
        Assert.Equal(31, ring.WindowSum(1, Field));

        // The cursor must now sit on 191: 191 expires at 201, 195 at 205.
        ring.AdvanceTo(201, 0);
        Assert.Equal(4, ring.WindowSum(0, Field));
        ring.AdvanceTo(205, 0);
        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(31, ring.WindowSum(1, Field));
        ring.AdvanceTo(210, 0);
        Assert.Equal(30, ring.WindowSum(1, Field));
    }

    [Fact]
    public void Add_NewestPaneAlreadyOutsideShortWindow_ExpiresOnlyOnce()
    {
        // The first measurement of a quiet scope, inside the lateness but already out of the short window.
        var ring = new PaneRing(1, [10, 60]);
        ring.AdvanceTo(200, 0);

        ring.Add(185, Field, 2);
        ring.AdvanceTo(201, 0);

        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(2, ring.WindowSum(1, Field));
        ring.Add(201, Field, 1);
        ring.AdvanceTo(245, 0);
        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(1, ring.WindowSum(1, Field));
    }

    [Fact]
    public void Add_OutOfOrderExactlyAtCursorBoundary_IsExpired()
    {
        var ring = new PaneRing(1, [10, 60]);
        ring.AdvanceTo(200, 0);
        ring.Add(195, Field, 4);

        ring.Add(190, Field, 8);

        Assert.Equal(4, ring.WindowSum(0, Field));
        Assert.Equal(12, ring.WindowSum(1, Field));
        ring.AdvanceTo(204, 0);
        Assert.Equal(4, ring.WindowSum(0, Field));
        ring.AdvanceTo(205, 0);
        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(12, ring.WindowSum(1, Field));
    }

    [Fact]
    public void Add_OlderThanLongestWindow_CountsOnlyInTotalAndToday()
    {
        var ring = new PaneRing(1, [10, 60]);
        ring.AdvanceTo(200, 100);
        ring.Add(140, Field, 3);
        ring.Add(99, Field, 5);

        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(0, ring.WindowSum(1, Field));
        Assert.Equal(8, ring.Total(Field));
        Assert.Equal(3, ring.TodaySum(Field));
        Assert.Equal(0, ring.PaneCount);
    }

    [Fact]
    public void Add_NegativeAmount_RetractsAnEarlierMeasurement()
    {
        var ring = new PaneRing(2, [10, 60]);
        ring.AdvanceTo(100, 0);
        ring.Add(95, 0, 7);
        ring.Add(95, 1, 3);
        ring.Add(80, 0, 2);

        ring.Add(95, 0, -7);
        ring.Add(80, 0, -2);

        Assert.Equal(0, ring.WindowSum(0, 0));
        Assert.Equal(0, ring.WindowSum(1, 0));
        Assert.Equal(0, ring.TodaySum(0));
        Assert.Equal(3, ring.WindowSum(0, 1));
        ring.AdvanceTo(200, 0);
        Assert.Equal(0, ring.WindowSum(1, 0));
        Assert.Equal(0, ring.WindowSum(1, 1));
    }

    [Fact]
    public void Add_RetractionAfterExpiryFromShortWindow_KeepsBothWindowsExact()
    {
        var ring = new PaneRing(1, [10, 60]);
        ring.AdvanceTo(100, 0);
        ring.Add(95, Field, 7);
        ring.AdvanceTo(106, 0);

        ring.Add(95, Field, -7);

        Assert.Equal(0, ring.WindowSum(0, Field));
        Assert.Equal(0, ring.WindowSum(1, Field));
        ring.AdvanceTo(160, 0);
        Assert.Equal(0, ring.WindowSum(1, Field));
    }

    [Fact]
    public void Add_FieldsAreIndependent()
    {
        var ring = new PaneRing(3, [60]);
        ring.AdvanceTo(10, 0);
        ring.Add(10, 0, 1);
        ring.Add(10, 2, 100);

        Assert.Equal(1, ring.WindowSum(0, 0));
        Assert.Equal(0, ring.WindowSum(0, 1));
        Assert.Equal(100, ring.WindowSum(0, 2));
    }

    [Fact]
    public void Add_BeyondInitialCapacityAfterWrapAround_KeepsEveryPaneInOrder()
    {
        var ring = new PaneRing(1, [60], initialCapacity: 2);
        for (var second = 0; second < 80; second += 2)
        {
            ring.AdvanceTo(second, 0);
            ring.Add(second, Field, 1);
        }

        // 20..78 (even) remain, with 18 as the window's start, and the ring's head is past slot 0: new panes land
        // in the middle and force a growth.
        Assert.Equal(31, ring.PaneCount);
        ring.Add(41, Field, 100);
        ring.Add(43, Field, 100);
        ring.Add(45, Field, 100);
        Assert.Equal(34, ring.PaneCount);
        Assert.Equal(330, ring.WindowSum(0, Field));

        ring.AdvanceTo(101, 0);
        Assert.Equal(219, ring.WindowSum(0, Field));
        Assert.Equal(22, ring.PaneCount);

        ring.AdvanceTo(105, 0);
        Assert.Equal(17, ring.WindowSum(0, Field));
        Assert.Equal(18, ring.PaneCount);
    }

    [Fact]
    public void TodaySum_NewDay_ResetsTodayButNotWindows()
    {
        var ring = new PaneRing(1, [60]);
        ring.AdvanceTo(990, 0);
        ring.Add(990, Field, 5);

        ring.AdvanceTo(1010, 1000);
        Assert.Equal(0, ring.TodaySum(Field));
        Assert.Equal(5, ring.WindowSum(0, Field));
        Assert.Equal(1000, ring.TodayStart);

        ring.Add(1000, Field, 2);
        ring.Add(999, Field, 4);
        Assert.Equal(2, ring.TodaySum(Field));
        Assert.Equal(11, ring.WindowSum(0, Field));
    }

    [Fact]
    public void Ctor_NoWindow_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PaneRing(1, []));
    }

    [Fact]
    public void Sums_RandomOperations_MatchBruteForce()
    {
        long[] windows = [7, 30, 60];
        const long Day = 500;
        var random = new Random(20261123);
        var ring = new PaneRing(2, windows, initialCapacity: 2);
        var measurements = new List<(long Second, int Field, long Amount)>();
        long now = 1000;
        ring.AdvanceTo(now, now / Day * Day);

        for (var step = 0; step < 5000; step++)
        {
            var roll = random.Next(10);
            if (roll < 3)
            {
                now += random.Next(0, 4) == 0 ? random.Next(20, 90) : random.Next(0, 3);
                ring.AdvanceTo(now, now / Day * Day);
            }
            else if (roll < 9 || measurements.Count == 0)
            {
                var second = now - random.Next(0, 80);
                var field = random.Next(2);
                long amount = random.Next(-3, 50);
                ring.Add(second, field, amount);
                measurements.Add((second, field, amount));
            }
            else
            {
                // Retract an earlier measurement, as a contact's re-derivation does.
                var (second, field, amount) = measurements[random.Next(measurements.Count)];
                ring.Add(second, field, -amount);
                measurements.Add((second, field, -amount));
            }

            AssertMatches(ring, windows, measurements, now, now / Day * Day);
        }
    }

    private static void AssertMatches(PaneRing ring, long[] windows, List<(long Second, int Field, long Amount)> measurements, long now, long todayStart)
    {
        for (var field = 0; field < 2; field++)
        {
            for (var w = 0; w < windows.Length; w++)
            {
                var expected = measurements
                    .Where(m => m.Field == field && m.Second > now - windows[w] && m.Second <= now)
                    .Sum(m => m.Amount);
                Assert.Equal(expected, ring.WindowSum(w, field));
            }

            Assert.Equal(measurements.Where(m => m.Field == field && m.Second >= todayStart).Sum(m => m.Amount), ring.TodaySum(field));
            Assert.Equal(measurements.Where(m => m.Field == field).Sum(m => m.Amount), ring.Total(field));
        }

        // A pane per second inside the longest window, and at most one before it: the start windows subtract.
        var longest = windows.Max();
        var inside = measurements.Where(m => m.Second > now - longest).Select(m => m.Second).Distinct().Count();
        Assert.InRange(ring.PaneCount, inside, inside + 1);
    }
}
