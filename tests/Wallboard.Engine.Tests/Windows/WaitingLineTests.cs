using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Tests.Windows;

public class WaitingLineTests
{
    [Fact]
    public void OldestQueuedMs_Empty_IsNull()
    {
        var line = new WaitingLine();

        Assert.Null(line.OldestQueuedMs);
        Assert.Equal(0, line.Count);
    }

    [Fact]
    public void Join_InOrder_OldestIsTheFirst()
    {
        var line = new WaitingLine();

        line.Join(new WaitingLineNode(), 1_000);
        line.Join(new WaitingLineNode(), 2_000);
        line.Join(new WaitingLineNode(), 3_000);

        Assert.Equal(3, line.Count);
        Assert.Equal(1_000, line.OldestQueuedMs);
    }

    [Fact]
    public void Join_OutOfOrder_WalksBackToItsPlace()
    {
        var line = new WaitingLine();
        var late = new WaitingLineNode();
        var first = new WaitingLineNode();
        line.Join(first, 2_000);
        line.Join(new WaitingLineNode(), 3_000);

        line.Join(late, 1_500);
        Assert.Equal(1_500, line.OldestQueuedMs);

        line.Leave(late);
        Assert.Equal(2_000, line.OldestQueuedMs);
        line.Leave(first);
        Assert.Equal(3_000, line.OldestQueuedMs);
        Assert.Equal(1, line.Count);
    }

    [Fact]
    public void Join_BetweenTwo_KeepsTheLineSorted()
    {
        var line = new WaitingLine();
        var oldest = new WaitingLineNode();
        var middle = new WaitingLineNode();
        line.Join(oldest, 1_000);
        line.Join(new WaitingLineNode(), 3_000);

        line.Join(middle, 2_000);
        line.Leave(oldest);

        Assert.Equal(2_000, line.OldestQueuedMs);
    }

    [Fact]
    public void Leave_Oldest_NextOldestTakesOver()
    {
        var line = new WaitingLine();
        var oldest = new WaitingLineNode();
        line.Join(oldest, 1_000);
        line.Join(new WaitingLineNode(), 2_000);

        line.Leave(oldest);

        Assert.Equal(2_000, line.OldestQueuedMs);
        Assert.Equal(1, line.Count);
        Assert.Null(oldest.Line);
    }

    [Fact]
    public void Leave_MiddleAndLast_OldestStays()
    {
        var line = new WaitingLine();
        var middle = new WaitingLineNode();
        var last = new WaitingLineNode();
        line.Join(new WaitingLineNode(), 1_000);
        line.Join(middle, 2_000);
        line.Join(last, 3_000);

        line.Leave(middle);
        line.Leave(last);

        Assert.Equal(1, line.Count);
        Assert.Equal(1_000, line.OldestQueuedMs);
        line.Join(new WaitingLineNode(), 4_000);
        Assert.Equal(2, line.Count);
    }

    [Fact]
    public void Leave_NodeOfAnotherLine_ChangesNothing()
    {
        var line = new WaitingLine();
        var other = new WaitingLine();
        var stranger = new WaitingLineNode();
        line.Join(new WaitingLineNode(), 1_000);
        other.Join(stranger, 500);

        line.Leave(stranger);
        line.Leave(new WaitingLineNode());

        Assert.Equal(1, line.Count);
        Assert.Equal(1, other.Count);
        Assert.Equal(500, other.OldestQueuedMs);
    }

    [Fact]
    public void Join_SameNodeAgain_MovesItToItsNewTime()
    {
        var line = new WaitingLine();
        var requeued = new WaitingLineNode();
        line.Join(requeued, 1_000);
        line.Join(new WaitingLineNode(), 2_000);

        line.Join(requeued, 5_000);

        Assert.Equal(2, line.Count);
        Assert.Equal(2_000, line.OldestQueuedMs);
    }

    [Fact]
    public void Join_NodeOfAnotherLine_LeavesTheOldLine()
    {
        var sales = new WaitingLine();
        var support = new WaitingLine();
        var moved = new WaitingLineNode();
        sales.Join(moved, 1_000);

        support.Join(moved, 6_000);

        Assert.Equal(0, sales.Count);
        Assert.Null(sales.OldestQueuedMs);
        Assert.Equal(1, support.Count);
        Assert.Same(support, moved.Line);
    }

    [Fact]
    public void Join_SameTime_KeepsArrivalOrder()
    {
        var line = new WaitingLine();
        var first = new WaitingLineNode();
        var second = new WaitingLineNode();
        line.Join(first, 1_000);
        line.Join(second, 1_000);

        Assert.Equal([first, second], line.InOrder());
    }

    // Small lines with narrow disorder; a line of thousands with joins up to a minute out of order and
    // runs of leaves (holes inside the line, compaction, growth); leaves as likely as joins (the line
    // empties and restarts).
    [Theory]
    [InlineData(11, 50, 5_000, 3)]
    [InlineData(12, 3_000, 60_000, 3)]
    [InlineData(13, 3_000, 60_000, 2)]
    [InlineData(14, 200, 0, 2)]
    public void OldestQueuedMs_RandomJoinsAndLeaves_MatchesBruteForce(int seed, int contacts, int disorderMs, int leaveOneIn)
    {
        var random = new Random(seed);
        var line = new WaitingLine();
        var nodes = Enumerable.Range(0, contacts).Select(_ => new WaitingLineNode()).ToArray();
        var waiting = new Dictionary<WaitingLineNode, long>();
        long newest = 0;

        for (var step = 0; step < 5000; step++)
        {
            var node = nodes[random.Next(nodes.Length)];
            if (random.Next(leaveOneIn) == 0)
            {
                line.Leave(node);
                waiting.Remove(node);
            }
            else
            {
                newest += random.Next(0, 1_000);
                var queuedMs = newest - random.Next(0, disorderMs + 1);
                line.Join(node, queuedMs);
                waiting[node] = queuedMs;
            }

            Assert.Equal(waiting.Count, line.Count);
            Assert.Equal(waiting.Count == 0 ? null : waiting.Values.Min(), line.OldestQueuedMs);
            AssertSorted(line, waiting);
        }
    }

    private static void AssertSorted(WaitingLine line, Dictionary<WaitingLineNode, long> waiting)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        var walked = 0;
        var previous = long.MinValue;
        foreach (var node in line.InOrder())
        {
            Assert.Same(line, node.Line);
            Assert.Equal(waiting[node], node.QueuedMs);
            Assert.True(node.QueuedMs >= previous);
            previous = node.QueuedMs;
            walked++;
        }

        Assert.Equal(waiting.Count, walked);
    }
}
