namespace Wallboard.Engine.Tests.Replay;

/// <summary>The oracle against figures worked out by hand from <see cref="BankCallSamples"/>.</summary>
public class BankCallOracleTests
{
    private static readonly long TenFiveEight = BankCallSamples.At(10, 5, 8).ToUnixTimeSeconds();

    [Fact]
    public void Tally_FifteenMinutesAtTenFiveEight_CountsEverySampleInAll()
    {
        var oracle = new BankCallOracle(BankCallSamples.Replayable().Calls);

        var all = oracle.Tally(TenFiveEight, 15)[BankCallOracle.All];

        Assert.Equal(4, all.Offered);
        Assert.Equal(2, all.Answered);
        Assert.Equal(2, all.Abandoned);
        Assert.Equal(1, all.ShortAbandoned);
        Assert.Equal(100.0 / 3, all.AbandonRate);
        Assert.Equal(200.0 / 3, all.AnswerRate);
        Assert.Equal(200.0 / 3, all.ServiceLevel);
        Assert.Equal(15, all.Asa);
        Assert.Equal(16.5, all.AvgAbandonTime);
        Assert.Equal(30, all.MaxWait);
        Assert.Equal(3, all.Completed);
        Assert.Equal(242.0 / 3, all.Aht);
    }

    [Fact]
    public void Tally_QueueScopes_LeaveTheUnqueuedCompletionOut()
    {
        var oracle = new BankCallOracle(BankCallSamples.Replayable().Calls);

        var tallies = oracle.Tally(TenFiveEight, 15);

        var ps = tallies["queue:PS"];
        Assert.Equal((2, 1, 1, 1), (ps.Offered, ps.Answered, ps.Abandoned, ps.ShortAbandoned));
        Assert.Equal(0, ps.AbandonRate);
        Assert.Equal(100, ps.ServiceLevel);
        Assert.Equal(10, ps.MaxWait);
        Assert.Equal((1, 121.0), (ps.Completed, ps.Aht));
        var ne = tallies["queue:NE"];
        Assert.Equal((2, 1, 1, 0), (ne.Offered, ne.Answered, ne.Abandoned, ne.ShortAbandoned));
        Assert.Equal(50, ne.AbandonRate);
        Assert.Equal(50, ne.ServiceLevel);
        Assert.Equal(20, ne.Asa);
        Assert.Equal(30, ne.MaxWait);
        Assert.Equal(61, ne.Aht);
        var voice = tallies[BankCallOracle.Voice];
        Assert.Equal((4, 2), (voice.Offered, voice.Completed));
    }

    [Fact]
    public void Tally_AgentScope_HoldsItsAnswersAndCompletionsOnly()
    {
        var oracle = new BankCallOracle(BankCallSamples.Replayable().Calls);

        var dorit = oracle.Tally(TenFiveEight, null)["agent:DORIT"];

        Assert.Equal((0, 1, 0), (dorit.Offered, dorit.Answered, dorit.Abandoned));
        Assert.Equal(10, dorit.Asa);
        Assert.Equal(0, dorit.AbandonRate);
        Assert.Equal((2, 90.5), (dorit.Completed, dorit.Aht));
        Assert.Equal(
            ["agent:DORIT", "agent:TOVA", BankCallOracle.All, BankCallOracle.Voice, "queue:NE", "queue:PS"],
            oracle.Scopes());
    }

    [Theory]
    [InlineData(14, 1)]
    [InlineData(15, 0)]
    public void Tally_AnswerOnTheWindowEdge_CountsOnlyWhenAfterNowMinusWindow(int second, int expectedFromFirstCall)
    {
        var oracle = new BankCallOracle(BankCallSamples.Replayable().Calls);
        var now = BankCallSamples.At(10, 5, second).ToUnixTimeSeconds();

        var all = oracle.Tally(now, 5)[BankCallOracle.All];

        // The first call was answered at 10:00:15: inside (N − 300 s, N] at 10:05:14, outside at 10:05:15.
        Assert.Equal(1 + expectedFromFirstCall, all.Answered);
        Assert.Equal(3, all.Offered);
    }

    [Fact]
    public void Tally_TodayAfterMidnight_IsEmpty()
    {
        var oracle = new BankCallOracle(BankCallSamples.Replayable().Calls);
        var nextMidnight = BankCallSamples.At(0, 0, 0).AddDays(1).ToUnixTimeSeconds();

        Assert.Empty(oracle.Tally(nextMidnight, null));
        Assert.Equal(4, oracle.Tally(nextMidnight - 1, null)[BankCallOracle.All].Offered);
        Assert.Equal(4, oracle.Tally(nextMidnight, 1440)[BankCallOracle.All].Offered);
    }
}
