using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>transferRate</c>, <c>escalationRate</c>, and how a re-queue after a transfer counts.</summary>
public class TransferKpiTests
{
    [Fact]
    public void TransferAndEscalationRates_OverAnswered_FollowTheFormulas()
    {
        var harness = new EngineHarness();
        for (var i = 1; i <= 4; i++)
        {
            harness.Queued(0, "c" + i);
            harness.Answered(5, "c" + i);
        }

        harness.Transferred(60, "c1");
        harness.Transferred(70, "c2", escalation: true);

        Assert.Equal(50, harness.Kpi(KpiId.TransferRate));
        Assert.Equal(25, harness.Kpi(KpiId.EscalationRate));
    }

    [Fact]
    public void TransferRate_NoAnswer_IsNull()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Abandoned(30, "c1");

        Assert.Null(harness.Kpi(KpiId.TransferRate));
        Assert.Null(harness.Kpi(KpiId.EscalationRate));
    }

    [Fact]
    public void TransferRate_AnswersWithoutTransfer_IsZero()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");

        harness.Answered(3, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.TransferRate));
        Assert.Equal(0, harness.Kpi(KpiId.EscalationRate));
    }

    [Fact]
    public void TransferRate_AgentScope_CountsTheTransferringAgent()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Answered(5, "c1", "a1");
        harness.Answered(5, "c2", "a2");

        harness.Transferred(30, "c1", escalation: true);

        Assert.Equal(100, harness.Kpi(KpiId.TransferRate, "5m", "agent:a1"));
        Assert.Equal(100, harness.Kpi(KpiId.EscalationRate, "5m", "agent:a1"));
        Assert.Equal(0, harness.Kpi(KpiId.TransferRate, "5m", "agent:a2"));
        Assert.Equal(50, harness.Kpi(KpiId.TransferRate, "today", "channel:voice"));
    }

    [Fact]
    public void Requeue_AfterTransfer_OfferedTwiceAnsweredInTheNewQueue()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales");
        harness.Answered(10, "c1", "a1");
        harness.Transferred(60, "c1", "support");
        harness.Queued(60, "c1", "support");

        harness.Answered(85, "c1", "a2");

        Assert.Equal(2, harness.Kpi(KpiId.Offered));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "5m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "5m", "queue:support"));
        Assert.Equal(2, harness.Kpi(KpiId.Answered));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "5m", "queue:support"));
        Assert.Equal(25, harness.Kpi(KpiId.Asa, "5m", "queue:support"));
        Assert.Equal(17.5, harness.Kpi(KpiId.Asa));
        Assert.Equal(50, harness.Kpi(KpiId.TransferRate));
        Assert.Equal(100, harness.Kpi(KpiId.TransferRate, "5m", "queue:sales"));
        Assert.Equal(0, harness.Kpi(KpiId.TransferRate, "5m", "queue:support"));
        Assert.Equal(100, harness.Kpi(KpiId.TransferRate, "5m", "agent:a1"));
        Assert.Equal(0, harness.Kpi(KpiId.TransferRate, "5m", "agent:a2"));
    }

    [Fact]
    public void Requeue_AfterTransfer_WaitsInTheNewQueueOnly()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales", "voice");
        harness.Answered(10, "c1");
        harness.Transferred(60, "c1", "support");

        harness.Queued(60, "c1", "support", "voice");
        harness.ClockTo(70);

        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now", "queue:support"));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(10, harness.Kpi(KpiId.LongestWait, "now", "channel:voice"));
    }

    [Fact]
    public void Requeue_AbandonedInTheNewQueue_CountsAgainstTheNewQueue()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales");
        harness.Answered(10, "c1");
        harness.Transferred(60, "c1", "support");
        harness.Queued(60, "c1", "support");

        harness.Abandoned(100, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.Abandoned, "5m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.Abandoned, "5m", "queue:support"));
        Assert.Equal(40, harness.Kpi(KpiId.AvgAbandonTime, "5m", "queue:support"));
        Assert.Equal(100, harness.Kpi(KpiId.AbandonRate, "5m", "queue:support"));
        Assert.Equal(50, harness.Kpi(KpiId.AbandonRate));
    }

    [Fact]
    public void Transfer_EventsOfTheSameMillisecond_AreDerivedTransferFirst()
    {
        // The re-queue arrives before the transfer it follows, both stamped the same millisecond.
        var harness = new EngineHarness();
        harness.Queued(0, "c1", "sales");
        harness.Answered(10, "c1");
        harness.Queued(60, "c1", "support");

        harness.Transferred(60, "c1", "support");

        Assert.Equal(100, harness.Kpi(KpiId.TransferRate, "5m", "queue:sales"));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now", "queue:support"));
    }
}
