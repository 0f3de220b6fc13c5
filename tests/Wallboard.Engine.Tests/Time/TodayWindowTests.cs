using System.Globalization;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Time;

/// <summary>
/// The <c>today</c> window through the engine on daylight-saving change days in the site's time zone
/// (Europe/Berlin: 29 March 2026 has 23 hours, 25 October 2026 has 25), and per-queue daily resets.
/// </summary>
public class TodayWindowTests
{
    [Fact]
    public void Today_BerlinShortDay_CountsAnswerAfterLocalMidnightOnly()
    {
        var harness = Berlin();
        Contact(harness, "c1", queuedAt: "2026-03-28T22:58:00Z", answeredAt: "2026-03-28T22:59:00Z"); // 23:59 CET on 28 March
        Contact(harness, "c2", queuedAt: "2026-03-28T23:29:50Z", answeredAt: "2026-03-28T23:30:00Z"); // 00:30 CET on 29 March

        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today", "queue:sales"));
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "60m"));

        ClockTo(harness, "2026-03-29T01:30:00Z"); // 03:30 CEST, after the clocks jumped
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today"));
        Assert.Equal(10, harness.Kpi(KpiId.Asa, "today"));
    }

    [Fact]
    public void Today_BerlinShortDay_OccupancyCountsTwentyThreeHours()
    {
        var harness = Berlin();
        Agent(harness, "2026-03-28T20:00:00Z", AgentState.Busy); // busy since the evening before
        Agent(harness, "2026-03-29T07:00:00Z", AgentState.Available); // 8 hours after local midnight (23:00Z)
        ClockTo(harness, "2026-03-29T21:59:59.999Z"); // the last millisecond of the day: N is 23 h − 1 s after the reset

        var expected = 100.0 * (8 * 3600) / ((23 * 3600) - 1);
        Assert.Equal(expected, harness.Kpi(KpiId.Occupancy, "today"));
        Assert.Equal(expected, harness.Kpi(KpiId.Occupancy, "today", "team:night"));
        Assert.Equal(expected, harness.Kpi(KpiId.Occupancy, "today", "queue:sales"));
    }

    [Fact]
    public void Today_BerlinLongDay_OccupancyCountsTwentyFiveHours()
    {
        var harness = Berlin();
        Agent(harness, "2026-10-24T20:00:00Z", AgentState.Busy);
        Agent(harness, "2026-10-25T06:00:00Z", AgentState.Available); // 8 hours after local midnight (22:00Z)
        ClockTo(harness, "2026-10-25T22:59:59.999Z"); // N is 25 h − 1 s after the reset

        Assert.Equal(100.0 * (8 * 3600) / ((25 * 3600) - 1), harness.Kpi(KpiId.Occupancy, "today"));
    }

    [Fact]
    public void Today_AgentAvailableAllShortDay_StaffedSecondsAreTwentyThreeHours()
    {
        var harness = Berlin();
        Agent(harness, "2026-03-28T20:00:00Z", AgentState.Available, "a1");
        Agent(harness, "2026-03-28T20:00:00Z", AgentState.Busy, "a2");
        Agent(harness, "2026-03-29T10:00:00Z", AgentState.Offline, "a2"); // busy 11 of the day's 23 hours
        ClockTo(harness, "2026-03-29T21:59:59.999Z");

        Assert.Equal(100.0 * (11 * 3600) / ((11 * 3600) + (23 * 3600) - 1), harness.Kpi(KpiId.Occupancy, "today"));
        Assert.Equal(0, harness.Kpi(KpiId.Occupancy, "today", "agent:a1"));
        Assert.Equal(100, harness.Kpi(KpiId.Occupancy, "today", "agent:a2"));
    }

    [Fact]
    public void Today_BerlinLongDay_ResetsAtLocalMidnightAfterTwentyFiveHours()
    {
        var harness = Berlin(options => options.Windows = ["120m"]);
        Contact(harness, "c1", queuedAt: "2026-10-25T21:29:50Z", answeredAt: "2026-10-25T21:30:00Z"); // 22:30 CET

        ClockTo(harness, "2026-10-25T22:30:00Z"); // 23:30 CET: 24.5 hours into the day, still today
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today"));
        ClockTo(harness, "2026-10-25T22:59:59.999Z");
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today"));

        ClockTo(harness, "2026-10-25T23:00:00Z"); // 00:00 CET on 26 October
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "today"));
        Assert.Null(harness.Kpi(KpiId.Asa, "today"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "120m"));
    }

    [Fact]
    public void Today_QueueResetAtSix_ResetsThatQueueAtSixLocalAndAllAtMidnight()
    {
        var harness = Berlin(options => options.Queues["support"] = new QueueSettingsOverride { DailyReset = TimeSpan.FromHours(6) });
        Contact(harness, "c1", "2026-03-28T22:30:00Z", "2026-03-28T22:30:10Z", "support"); // 23:30 CET on 28 March
        Contact(harness, "c2", "2026-03-29T02:00:00Z", "2026-03-29T02:00:10Z", "sales"); // 04:00 CEST
        Contact(harness, "c3", "2026-03-29T03:00:00Z", "2026-03-29T03:00:10Z", "support"); // 05:00 CEST

        ClockTo(harness, "2026-03-29T03:59:59.999Z"); // 05:59:59 CEST
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "today", "queue:support"));
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "today"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today", "queue:sales"));

        ClockTo(harness, "2026-03-29T04:00:00Z"); // 06:00 CEST
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "today", "queue:support"));
        Assert.Null(harness.Kpi(KpiId.ServiceLevel, "today", "queue:support"));
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "today"));
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "today", "channel:voice"));
        Assert.Equal(2, harness.Kpi(KpiId.Answered, "today", "agent:a1"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today", "queue:sales"));

        Contact(harness, "c4", "2026-03-29T04:10:00Z", "2026-03-29T04:10:30Z", "support");
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today", "queue:support"));
        Assert.Equal(3, harness.Kpi(KpiId.Answered, "today"));
    }

    [Fact]
    public void Today_SantiagoMidnightMissing_DayStartsAtFirstValidInstant()
    {
        var harness = new EngineHarness(options => options.TimeZone = "America/Santiago", start: At("2026-09-05T12:00:00Z"));
        Contact(harness, "c1", "2026-09-06T03:59:00Z", "2026-09-06T03:59:30Z"); // 23:59:30 −04 on 5 September
        Contact(harness, "c2", "2026-09-06T04:00:00Z", "2026-09-06T04:00:10Z"); // 01:00:10 −03 on 6 September

        Assert.Equal(1, harness.Kpi(KpiId.Answered, "today"));
        Assert.Equal(1, harness.Kpi(KpiId.Offered, "today"));
        Assert.Equal(10, harness.Kpi(KpiId.Asa, "today"));
    }

    private static EngineHarness Berlin(Action<EngineOptions>? configure = null) =>
        new(options =>
        {
            options.TimeZone = "Europe/Berlin";
            configure?.Invoke(options);
        }, start: At("2026-03-01T00:00:00Z"));

    private static void Contact(EngineHarness harness, string contact, string queuedAt, string answeredAt, string queue = "sales")
    {
        Accepted(harness.Send(new ContactQueued(harness.NextId(), At(queuedAt), contact, queue, "voice", null)));
        Accepted(harness.Send(new ContactAnswered(harness.NextId(), At(answeredAt), contact, "a1")));
    }

    private static void Agent(EngineHarness harness, string at, AgentState state, string agent = "a1") =>
        Accepted(harness.Send(new AgentStateChanged(harness.NextId(), At(at), agent, state, ["sales"], "night", null, null)));

    private static void ClockTo(EngineHarness harness, string at) =>
        Accepted(harness.Send(new MetricRecorded(harness.NextId(), At(at), "clock", 0, null, null)));

    private static void Accepted(IngestResult result) => Assert.Equal(IngestStatus.Accepted, result.Status);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
}
