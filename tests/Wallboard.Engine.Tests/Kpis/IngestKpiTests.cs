using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary>What duplicates, late events and (in wall-clock mode) early events do to the KPIs.</summary>
public class IngestKpiTests
{
    [Fact]
    public void Ingest_SameIdTwice_IsDuplicateAndChangesNothing()
    {
        var harness = new EngineHarness();
        var queued = new ContactQueued("q-1", harness.At(0), "c1", "sales", "voice", null);
        Assert.Equal(IngestStatus.Accepted, harness.Send(queued).Status);

        var again = harness.Send(queued);

        Assert.Equal(IngestStatus.Duplicate, again.Status);
        Assert.Equal(1, harness.Kpi(KpiId.Offered));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
    }

    [Fact]
    public void Ingest_ReusedIdWithOtherContent_IsDuplicateAndIgnored()
    {
        var harness = new EngineHarness();
        harness.Send(new ContactQueued("x-1", harness.At(0), "c1", "sales", "voice", null));

        var result = harness.Send(new ContactAbandoned("x-1", harness.At(30), "c1"));

        Assert.Equal(IngestStatus.Duplicate, result.Status);
        Assert.Equal(0, harness.Kpi(KpiId.Abandoned));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(0, harness.Kpi(KpiId.LongestWait, "now"));
    }

    [Fact]
    public void Ingest_EventOlderThanTheLateness_IsLateAndChangesNoWindow()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.ClockTo(1000);

        var result = harness.Queued(699.999, "c2");

        Assert.Equal(IngestStatus.Late, result.Status);
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "60m"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today"));
        Assert.Equal(2, harness.Kpi(KpiId.ContactsWaiting, "now"));
    }

    [Fact]
    public void Ingest_EventExactlyTheLatenessBehind_IsAcceptedAndCounts()
    {
        var harness = new EngineHarness();
        harness.ClockTo(1000);

        var result = harness.Queued(700, "c1");

        // Accepted, and in the windows longer than the lateness (T = N − 300 is just out of the 5-minute one).
        Assert.Equal(IngestStatus.Accepted, result.Status);
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "60m"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today"));
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "5m"));
    }

    [Fact]
    public void Ingest_LateAbandon_LeavesTheWaitingLineButNoWindow()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.ClockTo(400);

        var result = harness.Abandoned(50, "c1");

        Assert.Equal(IngestStatus.Late, result.Status);
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Null(harness.Kpi(KpiId.LongestWait, "now"));
        Assert.Equal(0, harness.Kpi(KpiId.Abandoned, "60m"));
        Assert.Equal(0, harness.Kpi(KpiId.Abandoned, "today"));
        Assert.Null(harness.Kpi(KpiId.AbandonRate, "today"));
        Assert.Null(harness.Kpi(KpiId.MaxWait, "60m"));
        Assert.Null(harness.Kpi(KpiId.AvgAbandonTime, "today"));
    }

    [Fact]
    public void Ingest_LateAnswer_LeavesTheWaitingLineButNoWindow()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.ClockTo(400);

        var result = harness.Answered(20, "c1");

        Assert.Equal(IngestStatus.Late, result.Status);
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now", "queue:sales"));
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "today"));
        Assert.Null(harness.Kpi(KpiId.Asa, "60m"));
    }

    [Fact]
    public void Ingest_LateAgentState_UpdatesTheGaugesAndCountsFromTheLatenessBoundary()
    {
        var harness = new EngineHarness();
        harness.Agent(0, "a1", AgentState.Available, ["sales"]);
        harness.ClockTo(1000);
        Assert.Equal(0, harness.Kpi(KpiId.Occupancy, "5m"));

        var result = harness.Agent(600, "a1", AgentState.Busy);

        // Nothing before N − lateness (700) changes; from there on the windows follow the agent's known states.
        Assert.Equal(IngestStatus.Late, result.Status);
        Assert.Equal(1, harness.Kpi(KpiId.AgentsBusy, "now", "queue:sales"));
        Assert.Equal(0, harness.Kpi(KpiId.AgentsAvailable, "now"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(30, harness.Kpi(KpiId.Occupancy, "60m"));
        Assert.Equal(30, harness.Kpi(KpiId.Occupancy, "today", "queue:sales"));
    }

    [Fact]
    public void Ingest_WallClockEventSixtyOneSecondsAhead_IsRejectedWithAReason()
    {
        var harness = new EngineHarness(options => options.Clock = ClockMode.Wall);

        var result = harness.Queued(61, "c1");

        Assert.Equal(IngestStatus.Rejected, result.Status);
        Assert.Contains("ahead", result.Reason, StringComparison.Ordinal);
        harness.Scheduler.AdvanceBy(TimeSpan.FromSeconds(61));
        Assert.Equal(0, harness.Kpi(KpiId.Offered));
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
    }

    [Fact]
    public void Ingest_WallClockEventSixtySecondsAhead_IsAccepted()
    {
        var harness = new EngineHarness(options => options.Clock = ClockMode.Wall);

        var result = harness.Queued(60, "c1");

        Assert.Equal(IngestStatus.Accepted, result.Status);
    }

    [Fact]
    public void Ingest_WallClockEventThirtySecondsAhead_CountsOnlyOnceTheClockReachesIt()
    {
        var harness = new EngineHarness(options => options.Clock = ClockMode.Wall);

        var result = harness.Queued(30, "c1");

        Assert.Equal(IngestStatus.Accepted, result.Status);
        Assert.Equal(0, harness.Kpi(KpiId.Offered));
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
        harness.Scheduler.AdvanceBy(TimeSpan.FromSeconds(29.999));
        Assert.Equal(0, harness.Kpi(KpiId.Offered));
        harness.Scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, harness.Kpi(KpiId.Offered));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(0, harness.Kpi(KpiId.LongestWait, "now"));
    }

    [Fact]
    public void Ingest_WallClockAdvancing_SlidesTheWindowsOnItsOwn()
    {
        var harness = new EngineHarness(options => options.Clock = ClockMode.Wall);
        harness.Queued(0, "c1");
        harness.Queued(0, "c2");
        harness.Abandoned(0, "c2");

        harness.Scheduler.AdvanceBy(TimeSpan.FromSeconds(299));
        Assert.Equal(2, harness.Kpi(KpiId.Offered));
        Assert.Equal(0, harness.Kpi(KpiId.MaxWait));
        Assert.Equal(299, harness.Kpi(KpiId.LongestWait, "now"));

        harness.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.Equal(0, harness.Kpi(KpiId.Offered));
        Assert.Null(harness.Kpi(KpiId.MaxWait));
        Assert.Equal(2, harness.Kpi(KpiId.Offered, "60m"));
        Assert.Equal(300, harness.Kpi(KpiId.LongestWait, "now"));
    }

    [Fact]
    public void Ingest_WallClockOccupancy_GrowsWithTheClock()
    {
        var harness = new EngineHarness(options => options.Clock = ClockMode.Wall);
        harness.Agent(0, "a1", AgentState.Available);
        harness.Scheduler.AdvanceBy(TimeSpan.FromSeconds(100));
        harness.Agent(100, "a1", AgentState.Busy);

        harness.Scheduler.AdvanceBy(TimeSpan.FromSeconds(300));

        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "5m"));
        Assert.Equal(75, harness.Kpi(KpiId.Occupancy, "60m"));
    }

    [Fact]
    public void Ingest_WallClockEventBehindTheLateness_IsLate()
    {
        var harness = new EngineHarness(options => options.Clock = ClockMode.Wall);
        harness.Scheduler.AdvanceBy(TimeSpan.FromSeconds(400));

        var result = harness.Queued(50, "c1");

        Assert.Equal(IngestStatus.Late, result.Status);
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "60m"));
        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
    }
}
