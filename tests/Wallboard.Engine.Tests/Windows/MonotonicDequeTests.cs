using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Tests.Windows;

public class MonotonicDequeTests
{
    [Fact]
    public void FirstAfter_Empty_IsMinusOne()
    {
        var deque = new MonotonicDeque(4);

        Assert.Equal(-1, deque.FirstAfter(long.MinValue / 2));
        Assert.Equal(0, deque.Count);
    }

    [Fact]
    public void Push_LargerValue_DropsSmallerAndEqualOlderEntries()
    {
        var deque = new MonotonicDeque(4);
        deque.Push(1, 5);
        deque.Push(2, 3);
        deque.Push(3, 3);
        deque.Push(4, 4);

        Assert.Equal(2, deque.Count);
        Assert.Equal(5, deque.FirstAfter(0));
        Assert.Equal(4, deque.FirstAfter(1));
        Assert.Equal(4, deque.FirstAfter(3));
        Assert.Equal(-1, deque.FirstAfter(4));
    }

    [Fact]
    public void Raise_InTheMiddle_ReplacesTheEntriesItDominates()
    {
        var deque = Deque((1, 9), (5, 6), (8, 2));

        deque.Raise(6, 7);

        Assert.Equal(3, deque.Count);
        Assert.Equal(9, deque.FirstAfter(0));
        Assert.Equal(7, deque.FirstAfter(1));
        Assert.Equal(7, deque.FirstAfter(5));
        Assert.Equal(2, deque.FirstAfter(6));
    }

    [Fact]
    public void Raise_DominatingSeveralEntries_ShiftsTheRestDown()
    {
        var deque = Deque((1, 9), (2, 5), (3, 4), (4, 3), (7, 1));

        deque.Raise(5, 6);

        Assert.Equal(3, deque.Count);
        Assert.Equal(9, deque.FirstAfter(0));
        Assert.Equal(6, deque.FirstAfter(1));
        Assert.Equal(6, deque.FirstAfter(4));
        Assert.Equal(1, deque.FirstAfter(5));
        Assert.Equal(-1, deque.FirstAfter(7));
    }

    [Fact]
    public void Raise_DominatingNothing_InsertsBetween()
    {
        var deque = Deque((1, 9), (5, 6));

        deque.Raise(3, 7);

        Assert.Equal(3, deque.Count);
        Assert.Equal(7, deque.FirstAfter(1));
        Assert.Equal(7, deque.FirstAfter(2));
        Assert.Equal(6, deque.FirstAfter(3));
    }

    [Fact]
    public void Raise_BelowANewerEntry_ChangesNothing()
    {
        var deque = Deque((1, 9), (5, 8));

        deque.Raise(3, 4);

        Assert.Equal(2, deque.Count);
        Assert.Equal(8, deque.FirstAfter(1));
    }

    [Fact]
    public void Raise_AtAnExistingSecond_ReplacesItsValue()
    {
        var deque = Deque((1, 9), (5, 6), (8, 2));

        deque.Raise(5, 7);

        Assert.Equal(3, deque.Count);
        Assert.Equal(7, deque.FirstAfter(4));
        Assert.Equal(2, deque.FirstAfter(5));
    }

    [Fact]
    public void Raise_LowerValueAtAnExistingSecond_KeepsTheHigherValue()
    {
        var deque = Deque((3, 10), (5, 2));

        deque.Raise(3, 4);

        Assert.Equal(10, deque.FirstAfter(0));
        Assert.Equal(2, deque.FirstAfter(3));
    }

    [Fact]
    public void Raise_NewerThanEverything_Appends()
    {
        var deque = Deque((1, 9), (5, 6));

        deque.Raise(8, 7);

        Assert.Equal(2, deque.Count);
        Assert.Equal(9, deque.FirstAfter(0));
        Assert.Equal(7, deque.FirstAfter(1));
    }

    [Fact]
    public void DropThrough_Second_RemovesEntriesAtOrBeforeIt()
    {
        var deque = Deque((1, 9), (5, 6), (8, 2));

        deque.DropThrough(5);

        Assert.Equal(1, deque.Count);
        Assert.Equal(2, deque.FirstAfter(long.MinValue / 2));
        deque.DropThrough(8);
        Assert.Equal(0, deque.Count);
        Assert.Equal(-1, deque.FirstAfter(long.MinValue / 2));
    }

    [Fact]
    public void Push_BeyondInitialCapacityAfterDrops_KeepsOrder()
    {
        var deque = new MonotonicDeque(4);
        for (var second = 0; second < 100; second++)
        {
            deque.Push(second, 1000 - second);
            if (second % 10 == 9)
            {
                deque.DropThrough(second - 5);
            }
        }

        Assert.Equal(5, deque.Count);
        Assert.Equal(905, deque.FirstAfter(93));
        Assert.Equal(901, deque.FirstAfter(98));
    }

    [Fact]
    public void Clear_Always_Empties()
    {
        var deque = Deque((1, 9), (5, 6));

        deque.Clear();

        Assert.Equal(0, deque.Count);
        Assert.Equal(-1, deque.FirstAfter(0));
    }

    [Fact]
    public void FirstAfter_RandomPushRaiseDrop_MatchesBruteForce()
    {
        var random = new Random(7);
        var deque = new MonotonicDeque(4);
        var points = new Dictionary<long, long>();
        long newest = 0;
        long dropped = -1;

        for (var step = 0; step < 4000; step++)
        {
            var roll = random.Next(10);
            if (roll < 4)
            {
                newest += random.Next(0, 3);
                long value = random.Next(0, 100);
                deque.Push(newest, value);
                points[newest] = Math.Max(points.GetValueOrDefault(newest, -1), value);
            }
            else if (roll < 8)
            {
                var second = Math.Max(dropped + 1, newest - random.Next(0, 15));
                long value = random.Next(0, 100);
                deque.Raise(second, value);
                points[second] = Math.Max(points.GetValueOrDefault(second, -1), value);
                newest = Math.Max(newest, second);
            }
            else if (roll == 8)
            {
                dropped = Math.Max(dropped, newest - random.Next(0, 20));
                deque.DropThrough(dropped);
                foreach (var second in points.Keys.Where(second => second <= dropped).ToList())
                {
                    points.Remove(second);
                }
            }

            for (var boundary = dropped; boundary <= newest; boundary++)
            {
                var expected = points.Where(point => point.Key > boundary).Select(point => point.Value).DefaultIfEmpty(-1).Max();
                Assert.Equal(expected, deque.FirstAfter(boundary));
            }
        }
    }

    private static MonotonicDeque Deque(params (long Second, long Value)[] entries)
    {
        var deque = new MonotonicDeque(4);
        foreach (var (second, value) in entries)
        {
            deque.Push(second, value);
        }

        return deque;
    }
}
