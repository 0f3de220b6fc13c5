using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>offered</c>, <c>answered</c>, <c>abandoned</c>, <c>shortAbandoned</c>.</summary>
public class ContactCountKpiTests
{
    [Fact]
    public void Offered_EveryQueuedContact_CountsInAllItsQueueAndItsChannel()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales", "voice");
        harness.Queued(1, "c2", "sales", "chat");
        harness.Queued(2, "c3", "support", "voice");

        Assert.Equal(3, harness.Kpi(KpiId.Offered));
        Assert.Equal(2, harness.Kpi(KpiId.Offered, "5m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "5m", "queue:support"));
        Assert.Equal(2, harness.Kpi(KpiId.Offered, "60m", "channel:voice"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today", "channel:chat"));
    }

    [Fact]
    public void Offered_NothingQueued_IsZeroNotNull()
    {
        var harness = new EngineHarness();
        harness.ClockTo(10);

        Assert.Equal(0, harness.Kpi(KpiId.Offered));
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "today"));
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m", "queue:nowhere"));
    }

    [Fact]
    public void Offered_MeasurementWindowMinusOneSecondOld_IsIn()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.ClockTo(299.999);

        Assert.Equal(1, harness.Kpi(KpiId.Offered, "5m"));
    }

    [Fact]
    public void Offered_MeasurementExactlyWindowOld_IsOut()
    {
        var harness = new EngineHarness();
        harness.Queued(0.999, "c1");

        harness.ClockTo(300);

        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "60m"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today"));
    }

    [Fact]
    public void Offered_SixtyMinuteWindow_ExpiresAtExactlyOneHour()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(10, "c2");

        harness.ClockTo(3599);
        Assert.Equal(2, harness.Kpi(KpiId.Offered, "60m"));
        harness.ClockTo(3600);
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "60m"));
        harness.ClockTo(3610);
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "60m"));
        Assert.Equal(2, harness.Kpi(KpiId.Offered, "today"));
    }

    [Fact]
    public void Offered_Today_StartsAgainAtMidnight()
    {
        var harness = new EngineHarness(start: new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.Zero));
        harness.Queued(0, "c1");
        harness.Queued(59.999, "c2");

        harness.Queued(60, "c3");

        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today"));
        Assert.Equal(3, harness.Kpi(KpiId.Offered, "5m"));
    }

    [Fact]
    public void Offered_TodayWithQueueReset_FollowsTheQueueSetting()
    {
        var harness = new EngineHarness(options =>
            options.Queues["night"] = new QueueSettingsOverride { DailyReset = TimeSpan.FromHours(9) });
        harness.Queued(-1, "c1", "night");
        harness.Queued(-1, "c2", "sales");
        harness.Queued(0, "c3", "night");

        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today", "queue:night"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today", "queue:sales"));
        Assert.Equal(3, harness.Kpi(KpiId.Offered, "today"));
    }

    [Fact]
    public void Answered_AnsweringAgent_CountsInTheAgentScopeToo()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Answered(5, "c1", "a1");
        harness.Answered(6, "c2", "a2");

        Assert.Equal(2, harness.Kpi(KpiId.Answered));
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "5m", "queue:sales"));
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "5m", "channel:voice"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "5m", "agent:a1"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today", "agent:a2"));
    }

    [Fact]
    public void Answered_IsMeasuredAtTheAnswer()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Answered(100, "c1");

        harness.ClockTo(300);
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "5m"));
        harness.ClockTo(400);
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "5m"));
    }

    [Fact]
    public void Answered_WithoutAnEarlierQueued_CountsNothing()
    {
        var harness = new EngineHarness();

        harness.Answered(5, "ghost", "a1");
        harness.Abandoned(6, "ghost2");

        Assert.Equal(0, harness.Kpi(KpiId.Answered));
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "5m", "agent:a1"));
        Assert.Equal(0, harness.Kpi(KpiId.Abandoned));
        Assert.Null(harness.Kpi(KpiId.Asa));
    }

    [Fact]
    public void Answered_Twice_CountsOnce()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(5, "c1");
        harness.Answered(7, "c1");
        harness.Abandoned(8, "c1");

        Assert.Equal(1, harness.Kpi(KpiId.Answered));
        Assert.Equal(0, harness.Kpi(KpiId.Abandoned));
        Assert.Equal(5, harness.Kpi(KpiId.Asa));
    }

    [Fact]
    public void Abandoned_CountsInQueueScopesButNoAgentScope()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["sales"]);
        harness.Queued(0, "c1", "sales", "chat");

        harness.Abandoned(30, "c1");

        Assert.Equal(1, harness.Kpi(KpiId.Abandoned));
        Assert.Equal(1, harness.Kpi(KpiId.Abandoned, "60m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Abandoned, "today", "channel:chat"));
        Assert.Equal(0, harness.Kpi(KpiId.Abandoned, "5m", "agent:a1"));
    }

    [Fact]
    public void ShortAbandoned_WaitJustUnderThreshold_IsShort()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Abandoned(4.999, "c1");

        Assert.Equal(1, harness.Kpi(KpiId.ShortAbandoned));
        Assert.Equal(1, harness.Kpi(KpiId.Abandoned));
    }

    [Fact]
    public void ShortAbandoned_WaitExactlyThreshold_IsNotShort()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Abandoned(5, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.ShortAbandoned));
        Assert.Equal(1, harness.Kpi(KpiId.Abandoned));
    }

    [Fact]
    public void ShortAbandoned_QueueOverride_UsesTheQueueThreshold()
    {
        var harness = new EngineHarness(options =>
            options.Queues["patient"] = new QueueSettingsOverride { ShortAbandonThreshold = TimeSpan.FromSeconds(10) });
        harness.Queued(0, "c1", "patient");
        harness.Queued(0, "c2", "sales");

        harness.Abandoned(8, "c1");
        harness.Abandoned(8, "c2");

        Assert.Equal(1, harness.Kpi(KpiId.ShortAbandoned, "5m", "queue:patient"));
        Assert.Equal(0, harness.Kpi(KpiId.ShortAbandoned, "5m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.ShortAbandoned, "5m"));
        Assert.Equal(2, harness.Kpi(KpiId.Abandoned, "5m"));
    }
}
