using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Replay;

public class BankCallLogTests
{
    [Fact]
    public void EventsOf_AnsweredRow_QueuesAnswersAtQueueExitAndCompletesAtServiceExit()
    {
        var call = BankCallSamples.One(BankCallSamples.AnsweredPs);

        WallboardEvent[] expected =
        [
            new ContactQueued("AA0101-1/queued", BankCallSamples.At(10, 0, 5), "AA0101-1", "PS", "voice", "111"),
            new ContactAnswered("AA0101-1/answered", BankCallSamples.At(10, 0, 15), "AA0101-1", "DORIT"),
            new ContactCompleted("AA0101-1/completed", BankCallSamples.At(10, 2, 15), "AA0101-1", "DORIT", 121, 0, 0, null, ContactOutcome.None),
        ];
        Assert.Equal(expected, BankCallLog.EventsOf(call));
    }

    [Fact]
    public void EventsOf_HangRowWithoutCustomer_QueuesAndAbandonsWithNoCustomerId()
    {
        var call = BankCallSamples.One(BankCallSamples.AbandonNe);

        WallboardEvent[] expected =
        [
            new ContactQueued("AA0102-1/queued", BankCallSamples.At(10, 2, 10), "AA0102-1", "NE", "voice", null),
            new ContactAbandoned("AA0102-1/abandoned", BankCallSamples.At(10, 2, 40), "AA0102-1"),
        ];
        Assert.Equal(expected, BankCallLog.EventsOf(call));
    }

    [Fact]
    public void EventsOf_ServedWithoutQueue_CompletesOnly()
    {
        var call = BankCallSamples.One(BankCallSamples.ServedWithoutQueuePs);

        var completed = Assert.IsType<ContactCompleted>(Assert.Single(BankCallLog.EventsOf(call)));
        Assert.Equal(new ContactCompleted("AA0103-3/completed", BankCallSamples.At(10, 5, 8), "AA0103-3", "DORIT", 60, 0, 0, null, ContactOutcome.None), completed);
    }

    [Theory]
    [InlineData(BankCallSamples.AnsweredPs, nameof(BankCallFate.Answered))]
    [InlineData(BankCallSamples.ShortAbandonPs, nameof(BankCallFate.Abandoned))]
    [InlineData(BankCallSamples.ServedWithoutQueuePs, nameof(BankCallFate.ServedWithoutQueue))]
    [InlineData(BankCallSamples.PhantomPs, nameof(BankCallFate.Phantom))]
    [InlineData(BankCallSamples.LeftInVruNw, nameof(BankCallFate.LeftInVru))]
    [InlineData(BankCallSamples.QueueCrossesMidnightNw, nameof(BankCallFate.QueueCrossesMidnight))]
    [InlineData(BankCallSamples.ServiceCrossesMidnightPs, nameof(BankCallFate.ServiceCrossesMidnight))]
    [InlineData(BankCallSamples.NoServiceTimesPs, nameof(BankCallFate.NoServiceTimes))]
    [InlineData(BankCallSamples.ServiceEndsBeforeAnswerNe, nameof(BankCallFate.ServiceEndsBeforeAnswer))]
    [InlineData(BankCallSamples.QueueTimeMismatchPs, nameof(BankCallFate.InconsistentTimes))]
    public void Classify_SampleRow_GivesItsFate(string row, string fate)
    {
        var call = BankCallSamples.One(row);
        var expected = Enum.Parse<BankCallFate>(fate);

        Assert.Equal(expected, BankCallLog.Classify(call));
        Assert.Equal(BankCallLog.IsReplayed(expected), BankCallLog.EventsOf(call).Any());
    }

    [Fact]
    public void ToEvents_SeveralCalls_SortsByTimeKeepingEachCallsOrderOnTies()
    {
        var log = BankCallLog.Parse([BankCallLog.Header, BankCallSamples.AnsweredPs, BankCallSamples.ShortAbandonPs, BankCallSamples.ZeroWaitPs]);

        var events = BankCallLog.ToEvents(log.Calls);

        Assert.Equal(
            [
                "AA0101-1/queued", "AA0101-1/answered", "AA0106-1/queued", "AA0106-1/answered", "AA0106-1/completed",
                "AA0101-2/queued", "AA0101-2/abandoned", "AA0101-1/completed",
            ],
            events.Select(contactEvent => contactEvent.Id));
    }

    [Fact]
    public void Parse_WrongHeader_Throws()
    {
        Assert.Throws<FormatException>(() => BankCallLog.Parse(["call_id\tdate", BankCallSamples.AnsweredPs]));
    }

    // The expected counts come from a separate reading of the file (a Python script applying the rules of
    // docs/replay.md), not from this class.
    [Fact]
    public void CountByFate_FebruaryFile_MatchesIndependentCount()
    {
        var log = BankCallLog.Read(ResearchData.BankFileOrSkip());

        var counts = log.CountByFate();

        Assert.Equal(33_344, log.Calls.Count);
        Assert.Equal(14_050, counts[BankCallFate.Answered]);
        Assert.Equal(3_961, counts[BankCallFate.Abandoned]);
        Assert.Equal(13_032, counts[BankCallFate.ServedWithoutQueue]);
        Assert.Equal(278, counts[BankCallFate.Phantom]);
        Assert.Equal(1_941, counts[BankCallFate.LeftInVru]);
        Assert.Equal(2, counts[BankCallFate.QueueCrossesMidnight]);
        Assert.Equal(16, counts[BankCallFate.ServiceCrossesMidnight]);
        Assert.Equal(50, counts[BankCallFate.NoServiceTimes]);
        Assert.Equal(13, counts[BankCallFate.ServiceEndsBeforeAnswer]);
        Assert.Equal(1, counts[BankCallFate.InconsistentTimes]);
    }
}
