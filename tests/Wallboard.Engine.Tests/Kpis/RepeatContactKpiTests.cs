using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>repeatContactRate</c> (measured at the first queue) and <c>fcr</c> (measured at the completion).</summary>
public class RepeatContactKpiTests
{
    private static EngineHarness TenMinuteHorizon() =>
        new(options => options.Defaults.RepeatContactHorizon = TimeSpan.FromMinutes(10));

    [Fact]
    public void RepeatContactRate_SecondContactOfACustomer_IsARepeat()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", customer: "x");
        harness.Queued(100, "c2", customer: "x");
        harness.Queued(100, "c3", customer: "y");
        harness.Queued(100, "c4");

        // Contacts with a customer: 3; repeats: c2.
        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.RepeatContactRate));
        Assert.Equal(4, harness.Kpi(KpiId.Offered));
    }

    [Fact]
    public void RepeatContactRate_NoCustomerIds_IsNull()
    {
        var harness = new EngineHarness();

        harness.Queued(0, "c1");

        Assert.Null(harness.Kpi(KpiId.RepeatContactRate));
    }

    [Fact]
    public void RepeatContactRate_ExactlyTheHorizonBefore_IsARepeat()
    {
        var harness = TenMinuteHorizon();
        harness.Queued(0, "c1", customer: "x");

        harness.Queued(600, "c2", customer: "x");

        Assert.Equal(50, harness.Kpi(KpiId.RepeatContactRate, "60m"));
        Assert.Equal(100, harness.Kpi(KpiId.RepeatContactRate, "5m"));
    }

    [Fact]
    public void RepeatContactRate_OneSecondBeyondTheHorizon_IsNotARepeat()
    {
        var harness = TenMinuteHorizon();
        harness.Queued(0, "c1", customer: "x");

        harness.Queued(601, "c2", customer: "x");

        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate, "60m"));
    }

    [Fact]
    public void RepeatContactRate_QueueOverride_UsesTheHorizonOfTheRepeatContactsQueue()
    {
        var harness = new EngineHarness(options =>
            options.Queues["quick"] = new QueueSettingsOverride { RepeatContactHorizon = TimeSpan.FromSeconds(30) });
        harness.Queued(0, "c1", "sales", customer: "x");
        harness.Queued(31, "c2", "quick", customer: "x");
        harness.Queued(31, "c3", "sales", customer: "x");

        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate, "5m", "queue:quick"));
        Assert.Equal(50, harness.Kpi(KpiId.RepeatContactRate, "5m", "queue:sales"));
    }

    [Fact]
    public void RepeatContactRate_SameFirstQueuedTime_NeitherIsARepeat()
    {
        var harness = new EngineHarness();
        harness.Queued(10, "c1", customer: "x");

        harness.Queued(10, "c2", customer: "x");

        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate));
    }

    [Fact]
    public void RepeatContactRate_RequeueAfterTransfer_IsNotANewContact()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales", customer: "x");
        harness.Answered(5, "c1");
        harness.Transferred(60, "c1", "support");

        harness.Queued(60, "c1", "support", customer: "x");

        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate));
        Assert.Equal(2, harness.Kpi(KpiId.Offered));
        Assert.Null(harness.Kpi(KpiId.RepeatContactRate, "5m", "queue:support"));
    }

    [Fact]
    public void RepeatContactRate_EarlierContactArrivesLate_MakesTheLaterOneARepeat()
    {
        var harness = new EngineHarness();
        harness.Queued(100, "c2", "q2", customer: "x");
        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate));

        harness.Queued(50, "c1", "q1", customer: "x");

        Assert.Equal(50, harness.Kpi(KpiId.RepeatContactRate));
        Assert.Equal(100, harness.Kpi(KpiId.RepeatContactRate, "5m", "queue:q2"));
        Assert.Equal(0, harness.Kpi(KpiId.RepeatContactRate, "5m", "queue:q1"));
    }

    [Fact]
    public void RepeatContactRate_IsMeasuredAtTheFirstQueue()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", customer: "x");
        harness.Queued(10, "c2", customer: "x");

        harness.ClockTo(300);
        Assert.Equal(100, harness.Kpi(KpiId.RepeatContactRate, "5m"));
        harness.ClockTo(310);
        Assert.Null(harness.Kpi(KpiId.RepeatContactRate, "5m"));
        Assert.Equal(50, harness.Kpi(KpiId.RepeatContactRate, "today"));
    }

    [Fact]
    public void Fcr_ResolvedNeverTransferredNotARepeat_Counts()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", customer: "x");
        harness.Answered(5, "c1");

        harness.Completed(60, "c1", resolved: true);

        Assert.Equal(100, harness.Kpi(KpiId.Fcr));
        Assert.Equal(100, harness.Kpi(KpiId.Fcr, "5m", "agent:a1"));
        Assert.Equal(100, harness.Kpi(KpiId.Fcr, "today", "queue:sales"));
    }

    [Fact]
    public void Fcr_UnresolvedOrResolutionUnknown_DoesNotCount()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Queued(0, "c3");
        harness.Answered(5, "c1");
        harness.Answered(5, "c2");
        harness.Answered(5, "c3");

        harness.Completed(60, "c1", resolved: true);
        harness.Completed(60, "c2", resolved: false);
        harness.Completed(60, "c3");

        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.Fcr));
    }

    [Fact]
    public void Fcr_TransferredBeforeCompletion_DoesNotCount()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales");
        harness.Answered(5, "c1", "a1");
        harness.Transferred(30, "c1", "support");
        harness.Queued(30, "c1", "support");
        harness.Answered(40, "c1", "a2");
        harness.Queued(0, "c2");
        harness.Answered(6, "c2", "a1");

        harness.Completed(90, "c1", "a2", resolved: true);
        harness.Completed(91, "c2", "a1", resolved: true);

        Assert.Equal(50, harness.Kpi(KpiId.Fcr));
        Assert.Equal(0, harness.Kpi(KpiId.Fcr, "5m", "agent:a2"));
        Assert.Equal(0, harness.Kpi(KpiId.Fcr, "5m", "queue:support"));
        Assert.Equal(100, harness.Kpi(KpiId.Fcr, "5m", "agent:a1"));
    }

    [Fact]
    public void Fcr_TransferAfterCompletion_StillCounts()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Answered(5, "c1");
        harness.Completed(60, "c1", resolved: true);

        harness.Transferred(70, "c1");

        Assert.Equal(100, harness.Kpi(KpiId.Fcr));
    }

    [Fact]
    public void Fcr_RepeatContact_DoesNotCount()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", customer: "x");
        harness.Answered(5, "c1");
        harness.Completed(50, "c1", resolved: true);
        harness.Queued(100, "c2", customer: "x");
        harness.Answered(105, "c2");

        harness.Completed(150, "c2", resolved: true);

        Assert.Equal(50, harness.Kpi(KpiId.Fcr));
    }

    [Fact]
    public void Fcr_RepeatBeyondTheHorizon_Counts()
    {
        var harness = TenMinuteHorizon();
        harness.Queued(0, "c1", customer: "x");
        harness.Answered(5, "c1");
        harness.Completed(50, "c1", resolved: true);
        harness.Queued(601, "c2", customer: "x");
        harness.Answered(605, "c2");

        harness.Completed(650, "c2", resolved: true);

        Assert.Equal(100, harness.Kpi(KpiId.Fcr, "60m"));
    }

    [Fact]
    public void Fcr_EarlierContactOfTheCustomerArrivesLate_TurnsTheCompletionIntoARepeat()
    {
        var harness = new EngineHarness();
        harness.Queued(100, "c2", customer: "x");
        harness.Answered(105, "c2");
        harness.Completed(150, "c2", resolved: true);
        Assert.Equal(100, harness.Kpi(KpiId.Fcr));

        harness.Queued(20, "c1", customer: "x");

        Assert.Equal(0, harness.Kpi(KpiId.Fcr));
        Assert.Equal(50, harness.Kpi(KpiId.RepeatContactRate));
    }

    [Fact]
    public void Fcr_NothingCompleted_IsNull()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(5, "c1");

        Assert.Null(harness.Kpi(KpiId.Fcr));
    }

    // A customer's history is dropped once it holds nothing within the horizon, and the object is reused. Here x's
    // first history (h1) is dropped while the queue of expiries still holds an entry for it (contact c3 turned out to
    // be y's), and x's next contact gets z's dropped history (h2). When h1's stale entry comes up, x's registration
    // (h2) must stay: x's contact at 1100 s is a repeat of the one at 920 s.
    [Fact]
    public void RepeatContactRate_StaleExpiryOfADroppedHistory_KeepsTheCustomersCurrentHistory()
    {
        var harness = TenMinuteHorizon();
        harness.Queued(0, "c1", customer: "x");
        harness.Abandoned(1, "c1");
        harness.Queued(10, "c2", customer: "z");
        harness.Abandoned(11, "c2");
        harness.Queued(100, "c3", customer: "x");
        harness.Abandoned(101, "c3");
        harness.Queued(90, "c3", customer: "y");

        // Expiries run 15 minutes (horizon and lateness) after each first queue: x's h1 at 900 s, z's h2 at 910 s.
        harness.ClockTo(905);
        harness.ClockTo(915);
        harness.Queued(920, "c4", customer: "x");
        harness.ClockTo(1005);
        harness.Queued(1100, "c5", customer: "x");

        // In the last 5 minutes: c4 and c5 carry a customer, and c5 repeats c4.
        Assert.Equal(50, harness.Kpi(KpiId.RepeatContactRate));
    }
}
