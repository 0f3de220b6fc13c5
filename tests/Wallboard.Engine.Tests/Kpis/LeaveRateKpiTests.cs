using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>abandonRate</c>, <c>answerRate</c>, <c>serviceLevel</c>: over contacts that left the queue, short abandons excluded.</summary>
public class LeaveRateKpiTests
{
    [Fact]
    public void Rates_MixedLeaves_FollowTheFormulas()
    {
        var harness = new EngineHarness();
        for (var i = 1; i <= 5; i++)
        {
            harness.Queued(0, "c" + i);
        }

        harness.Answered(10, "c1");
        harness.Answered(20, "c2");
        harness.Answered(21, "c3");
        harness.Abandoned(30, "c4");
        harness.Abandoned(3, "c5");

        // answered 3, abandoned 2 of which 1 short: denominator 4; within T_sl: c1 and c2 (exactly 20 s).
        Assert.Equal(25, harness.Kpi(KpiId.AbandonRate));
        Assert.Equal(75, harness.Kpi(KpiId.AnswerRate));
        Assert.Equal(50, harness.Kpi(KpiId.ServiceLevel));
    }

    [Fact]
    public void ServiceLevel_WaitExactlyThreshold_CountsAsWithin()
    {
        var harness = new EngineHarness();
        harness.Queued(0.5, "c1");

        harness.Answered(20.5, "c1");

        Assert.Equal(100, harness.Kpi(KpiId.ServiceLevel));
    }

    [Fact]
    public void ServiceLevel_WaitOneMillisecondOverThreshold_CountsAsMiss()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(20.001, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.ServiceLevel));
        Assert.Equal(100, harness.Kpi(KpiId.AnswerRate));
    }

    [Fact]
    public void ServiceLevel_QueueOverride_UsesTheQueueThreshold()
    {
        var harness = new EngineHarness(options =>
            options.Queues["vip"] = new QueueSettingsOverride { ServiceLevelThreshold = TimeSpan.FromSeconds(30) });
        harness.Queued(0, "c1", "vip");
        harness.Queued(0, "c2", "sales");
        harness.Queued(0, "c3", "vip");

        harness.Answered(25, "c1");
        harness.Answered(25, "c2");
        harness.Answered(30.001, "c3");

        Assert.Equal(50, harness.Kpi(KpiId.ServiceLevel, "5m", "queue:vip"));
        Assert.Equal(0, harness.Kpi(KpiId.ServiceLevel, "5m", "queue:sales"));
        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.ServiceLevel, "5m"));
        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.ServiceLevel, "today", "channel:voice"));
    }

    [Fact]
    public void ServiceLevel_AbandonsInTheDenominator_LowerIt()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");

        harness.Answered(5, "c1");
        harness.Abandoned(10, "c2");

        Assert.Equal(50, harness.Kpi(KpiId.ServiceLevel));
    }

    [Fact]
    public void Rates_NoContactLeft_AreNull()
    {
        var harness = new EngineHarness();

        harness.Queued(0, "c1");

        Assert.Null(harness.Kpi(KpiId.AbandonRate));
        Assert.Null(harness.Kpi(KpiId.AnswerRate));
        Assert.Null(harness.Kpi(KpiId.ServiceLevel));
    }

    [Fact]
    public void Rates_OnlyShortAbandons_AreNull()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");

        harness.Abandoned(1, "c1");
        harness.Abandoned(4.999, "c2");

        Assert.Null(harness.Kpi(KpiId.AbandonRate));
        Assert.Null(harness.Kpi(KpiId.AnswerRate));
        Assert.Null(harness.Kpi(KpiId.ServiceLevel));
        Assert.Equal(2, harness.Kpi(KpiId.ShortAbandoned));
    }

    [Fact]
    public void AbandonRate_AbandonAtExactlyShortThreshold_Counts()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Queued(0, "c3");

        harness.Abandoned(5, "c1");
        harness.Answered(6, "c2");
        harness.Answered(7, "c3");

        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.AbandonRate));
        Assert.Equal(200.0 / 3, harness.Kpi(KpiId.AnswerRate));
    }

    [Fact]
    public void Rates_LeavesSlideOutOfTheWindow_FollowTheRemainingOnes()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Abandoned(30, "c1");
        harness.Queued(90, "c2");
        harness.Answered(100, "c2");

        harness.ClockTo(329);
        Assert.Equal(50, harness.Kpi(KpiId.AbandonRate));

        harness.ClockTo(330);
        Assert.Equal(0, harness.Kpi(KpiId.AbandonRate));
        Assert.Equal(100, harness.Kpi(KpiId.AnswerRate));
        Assert.Equal(100, harness.Kpi(KpiId.ServiceLevel));
        Assert.Equal(50, harness.Kpi(KpiId.AbandonRate, "60m"));
        Assert.Equal(50, harness.Kpi(KpiId.AbandonRate, "today"));
    }

    [Fact]
    public void Rates_PerQueueAndChannel_UseOnlyTheirContacts()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales", "voice");
        harness.Queued(0, "c2", "support", "chat");
        harness.Queued(0, "c3", "support", "voice");

        harness.Answered(10, "c1");
        harness.Abandoned(60, "c2");
        harness.Answered(40, "c3");

        Assert.Equal(0, harness.Kpi(KpiId.AbandonRate, "5m", "queue:sales"));
        Assert.Equal(50, harness.Kpi(KpiId.AbandonRate, "5m", "queue:support"));
        Assert.Equal(0, harness.Kpi(KpiId.ServiceLevel, "5m", "queue:support"));
        Assert.Equal(100, harness.Kpi(KpiId.AnswerRate, "60m", "channel:voice"));
        Assert.Equal(100, harness.Kpi(KpiId.AbandonRate, "today", "channel:chat"));
        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.ServiceLevel, "5m"));
    }
}
