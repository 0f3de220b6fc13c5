using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Tests.Windows;

public class SlidingMaximumTests
{
    [Fact]
    public void Window_ValueWindowMinusOneSecondOld_IsIn()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(100, 7);

        maximum.AdvanceTo(129, 0);
        Assert.Equal(7, maximum.Window(30));
        maximum.AdvanceTo(159, 0);
        Assert.Equal(7, maximum.Window(60));
    }

    [Fact]
    public void Remove_InSecondsThatReuseSealedSecondsLists_LeavesNoValueOfThoseSeconds()
    {
        // Every second holds two values, so its further values need a list; the lists of sealed seconds are
        // reused by later ones, and a retraction there must see only that second's values.
        var maximum = new SlidingMaximum(2, 60);
        for (var second = 100; second < 140; second++)
        {
            maximum.AdvanceTo(second, 0);
            maximum.Add(second, 7);
            maximum.Add(second, 50 + second);
            maximum.Remove(second, 50 + second);

            Assert.Equal(7, maximum.Window(1));
        }
    }

    [Fact]
    public void Window_ValueExactlyWindowOld_IsOut()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(100, 7);

        maximum.AdvanceTo(130, 0);
        Assert.Equal(-1, maximum.Window(30));
        Assert.Equal(7, maximum.Window(60));
        maximum.AdvanceTo(160, 0);
        Assert.Equal(-1, maximum.Window(60));
        Assert.Equal(7, maximum.Today());
    }

    [Fact]
    public void Window_LargestSlidesOut_SmallerNewerOneRemains()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(100, 50);
        maximum.AdvanceTo(120, 0);
        maximum.Add(120, 10);

        maximum.AdvanceTo(159, 0);
        Assert.Equal(50, maximum.Window(60));
        maximum.AdvanceTo(160, 0);
        Assert.Equal(10, maximum.Window(60));
        maximum.AdvanceTo(180, 0);
        Assert.Equal(-1, maximum.Window(60));
        Assert.Equal(50, maximum.Today());
    }

    [Fact]
    public void Window_OpenSeconds_AreVisibleBeforeSealing()
    {
        var maximum = new SlidingMaximum(300, 3600);
        maximum.AdvanceTo(100, 0);

        maximum.Add(95, 30);
        maximum.Add(98, 20);

        Assert.Equal(30, maximum.Window(60));
        Assert.Equal(20, maximum.Window(3));
        Assert.Equal(30, maximum.Today());
    }

    [Fact]
    public void Remove_MaximumOfAnOpenSecond_FallsBackToTheNextLargest()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(95, 30);
        maximum.Add(98, 20);

        maximum.Remove(95, 30);

        Assert.Equal(20, maximum.Window(60));
        Assert.Equal(20, maximum.Today());
    }

    [Fact]
    public void Remove_OneOfTwoEqualValues_KeepsTheOther()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(95, 30);
        maximum.Add(95, 30);

        maximum.Remove(95, 30);

        Assert.Equal(30, maximum.Window(60));
        maximum.Remove(95, 30);
        Assert.Equal(-1, maximum.Window(60));
    }

    [Fact]
    public void Remove_SmallerValueOfTheSameSecond_KeepsTheMaximum()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(95, 30);
        maximum.Add(95, 10);

        maximum.Remove(95, 10);
        Assert.Equal(30, maximum.Window(60));
        maximum.Remove(95, 30);
        Assert.Equal(-1, maximum.Window(60));
    }

    [Fact]
    public void Remove_ValueNeverAdded_ChangesNothing()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(95, 30);

        maximum.Remove(95, 31);
        maximum.Remove(96, 30);

        Assert.Equal(30, maximum.Window(60));
    }

    [Fact]
    public void Remove_MaximumOfOpenSecond_LeavesSealedSecondsAlone()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(80, 0);
        maximum.Add(80, 100);
        maximum.AdvanceTo(100, 0);
        maximum.Add(95, 30);
        maximum.Add(98, 20);

        maximum.Remove(95, 30);

        Assert.Equal(100, maximum.Window(60));
        Assert.Equal(20, maximum.Window(10));
        Assert.Equal(100, maximum.Today());
    }

    [Fact]
    public void Remove_SealedSecond_IsIgnored()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(80, 0);
        maximum.Add(80, 30);
        maximum.AdvanceTo(100, 0);

        maximum.Remove(80, 30);

        Assert.Equal(30, maximum.Window(60));
    }

    [Fact]
    public void Add_SecondAlreadySealed_IsIgnored()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);

        maximum.Add(89, 50);
        Assert.Equal(-1, maximum.Window(60));
        maximum.Add(90, 40);
        Assert.Equal(40, maximum.Window(60));
    }

    [Fact]
    public void Window_AfterSealing_KeepsSealedValuesUntilTheyExpire()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(80, 0);
        maximum.Add(80, 30);
        maximum.Add(80, 45);
        maximum.AdvanceTo(85, 0);
        maximum.Add(85, 40);

        maximum.AdvanceTo(120, 0);

        Assert.Equal(45, maximum.Window(60));
        Assert.Equal(-1, maximum.Window(35));
        maximum.AdvanceTo(140, 0);
        Assert.Equal(40, maximum.Window(60));
    }

    [Fact]
    public void Today_NewDay_ForgetsYesterdayButWindowsKeepIt()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(990, 0);
        maximum.Add(990, 50);

        maximum.AdvanceTo(1005, 1000);
        Assert.Equal(-1, maximum.Today());
        Assert.Equal(50, maximum.Window(60));

        maximum.Add(999, 70);
        maximum.Add(1001, 5);
        Assert.Equal(5, maximum.Today());
        Assert.Equal(70, maximum.Window(60));

        maximum.AdvanceTo(1100, 1000);
        Assert.Equal(5, maximum.Today());
        Assert.Equal(-1, maximum.Window(60));
    }

    [Fact]
    public void Today_SealedAndOpenSeconds_TakesTheLargest()
    {
        var maximum = new SlidingMaximum(10, 60);
        maximum.AdvanceTo(100, 0);
        maximum.Add(100, 80);
        maximum.AdvanceTo(500, 0);
        maximum.Add(500, 20);

        Assert.Equal(80, maximum.Today());
        Assert.Equal(20, maximum.Window(60));
    }

    // Read after every step, and only every 37th step, so that many seconds, seals and day resets pass
    // between two reads; a lateness under 64 s keeps the open seconds in part of one word of bits, one of
    // 150 s spreads them over four.
    [Theory]
    [InlineData(1, 20)]
    [InlineData(37, 20)]
    [InlineData(1, 150)]
    [InlineData(37, 150)]
    public void WindowAndToday_RandomAddRemoveAdvance_MatchBruteForce(int readEvery, long lateness)
    {
        const long Day = 400;
        long[] windows = [30, 60, 90, lateness * 2];
        var random = new Random(42);
        var maximum = new SlidingMaximum(lateness, windows.Max());
        var points = new List<(long Second, long Value)>();
        long now = 1000;
        maximum.AdvanceTo(now, now / Day * Day);

        for (var step = 0; step < 4000; step++)
        {
            var roll = random.Next(10);
            if (roll < 3)
            {
                now += random.Next(0, 8) == 0 ? random.Next(20, 100) : random.Next(0, 3);
                maximum.AdvanceTo(now, now / Day * Day);
            }
            else if (roll < 8)
            {
                var second = now - random.Next(0, (int)lateness + 1);
                long value = random.Next(0, 1000);
                maximum.Add(second, value);
                points.Add((second, value));
            }
            else
            {
                var open = points.Where(point => point.Second >= now - lateness).ToList();
                if (open.Count > 0)
                {
                    var removed = open[random.Next(open.Count)];
                    maximum.Remove(removed.Second, removed.Value);
                    points.Remove(removed);
                }
            }

            if (step % readEvery != 0)
            {
                continue;
            }

            foreach (var window in windows)
            {
                var expected = points.Where(point => point.Second > now - window).Select(point => point.Value).DefaultIfEmpty(-1).Max();
                Assert.Equal(expected, maximum.Window(window));
            }

            var todayStart = now / Day * Day;
            Assert.Equal(points.Where(point => point.Second >= todayStart).Select(point => point.Value).DefaultIfEmpty(-1).Max(), maximum.Today());
        }
    }

    // The image keeps the layout of a ring of one slot per second of the lateness (second modulo its size), so
    // that checkpoints written before the maxima held only the seconds that recorded something still load. The
    // clock runs far enough that the open seconds wrap round that ring many times.
    [Fact]
    public void Checkpoint_OpenSecondsAcrossTheRingsWrap_LoadsToMaximaThatBehaveTheSame()
    {
        const long Lateness = 20;
        var random = new Random(7);
        var original = new SlidingMaximum(Lateness, 90);
        var points = new List<(long Second, long Value)>();
        long now = 1000;
        original.AdvanceTo(now, 0);
        for (var step = 0; step < 3000; step++)
        {
            if (random.Next(4) == 0)
            {
                now += random.Next(1, 4);
                original.AdvanceTo(now, 0);
                points.RemoveAll(point => point.Second < now - Lateness);
            }

            var second = now - random.Next(0, (int)Lateness + 1);
            long value = random.Next(0, 1000);
            original.Add(second, value);
            points.Add((second, value));

            if (step % 97 != 0)
            {
                continue;
            }

            var (copy, openSeconds) = RoundTrip(original, Lateness);
            Assert.Equal(points.Select(point => point.Second).Distinct().Order(), openSeconds.Order());
            Assert.All(openSeconds, openSecond => Assert.InRange(openSecond, now - Lateness, now));

            // Retract every open value in a random order, moving both clocks on: the copy must hold the same values.
            foreach (var (pointSecond, pointValue) in points.OrderBy(_ => random.Next()).ToList())
            {
                original.Remove(pointSecond, pointValue);
                copy.Remove(pointSecond, pointValue);
                foreach (var window in new long[] { 5, 30, 90 })
                {
                    Assert.Equal(original.Window(window), copy.Window(window));
                }

                Assert.Equal(original.Today(), copy.Today());
            }

            points.Clear();
            now += 1;
            original.AdvanceTo(now, 0);
            copy.AdvanceTo(now, 0);
            Assert.Equal(original.Window(90), copy.Window(90));
        }
    }

    private static (SlidingMaximum Copy, List<long> OpenSeconds) RoundTrip(SlidingMaximum maximum, long lateness)
    {
        var numbers = new CaptureBuffer<long>();
        var image = maximum.Capture(numbers);
        Assert.Equal(maximum.CaptureLength, numbers.Count);
        using var stream = new MemoryStream();
        using (var writer = new CheckpointWriter(stream))
        {
            Assert.Equal(numbers.Count, image.WriteTo(writer, numbers.Items));
            writer.Flush();
        }

        // The open seconds as the image lays them out: each at its slot, the second modulo the ring's size.
        var slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(lateness + 1));
        var seconds = numbers.Items[..slots].ToArray();
        var openSeconds = new List<long>();
        for (var slot = 0; slot < slots; slot++)
        {
            if (seconds[slot] != long.MinValue)
            {
                Assert.Equal(slot, (int)(seconds[slot] & (slots - 1)));
                openSeconds.Add(seconds[slot]);
            }
        }

        var copy = new SlidingMaximum(lateness, 90);
        using var reader = new CheckpointReader(new MemoryStream(stream.ToArray()));
        copy.Load(reader);
        return (copy, openSeconds);
    }
}
