using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Time;

/// <summary>
/// Where <c>today</c> starts on daylight-saving change days. The 2026 changes used here (checked with
/// <see cref="TimeZoneInfo"/>): Europe/Berlin 29 March 02:00→03:00 and 25 October 03:00→02:00;
/// America/New_York 8 March 02:00→03:00 and 1 November 02:00→01:00; America/Santiago 6 September
/// 00:00→01:00 (local midnight does not exist) and 5 April 00:00→4 April 23:00 (the last hour of 4 April happens twice).
/// </summary>
public class DailyResetScheduleTests
{
    [Theory]
    [InlineData("2026-03-28T23:00:00Z")]
    [InlineData("2026-03-29T00:59:59Z")] // 01:59:59 CET, the last second before the change
    [InlineData("2026-03-29T01:00:00Z")] // 03:00:00 CEST, the first second after it
    [InlineData("2026-03-29T21:59:59Z")]
    public void DayContaining_BerlinSpringForward_DayIsTwentyThreeHours(string instant)
    {
        var day = Midnight("Europe/Berlin").DayContaining(Seconds(instant));

        Assert.Equal(Seconds("2026-03-28T23:00:00Z"), day.Start); // 00:00 CET
        Assert.Equal(Seconds("2026-03-29T22:00:00Z"), day.Next); // 00:00 CEST on 30 March
        Assert.Equal(23 * 3600, day.Next - day.Start);
    }

    [Fact]
    public void DayContaining_BerlinAroundSpringForwardDay_NeighbouringDaysAreTwentyFourHours()
    {
        var schedule = Midnight("Europe/Berlin");

        var before = schedule.DayContaining(Seconds("2026-03-28T22:59:59Z"));
        var after = schedule.DayContaining(Seconds("2026-03-29T22:00:00Z"));

        Assert.Equal((Seconds("2026-03-27T23:00:00Z"), Seconds("2026-03-28T23:00:00Z")), before);
        Assert.Equal((Seconds("2026-03-29T22:00:00Z"), Seconds("2026-03-30T22:00:00Z")), after);
    }

    [Theory]
    [InlineData("2026-10-24T22:00:00Z")]
    [InlineData("2026-10-25T00:30:00Z")] // 02:30 CEST, the first 02:30
    [InlineData("2026-10-25T01:30:00Z")] // 02:30 CET, the second 02:30
    [InlineData("2026-10-25T22:59:59Z")] // 23:59:59 CET
    public void DayContaining_BerlinFallBack_DayIsTwentyFiveHours(string instant)
    {
        var day = Midnight("Europe/Berlin").DayContaining(Seconds(instant));

        Assert.Equal(Seconds("2026-10-24T22:00:00Z"), day.Start); // 00:00 CEST
        Assert.Equal(Seconds("2026-10-25T23:00:00Z"), day.Next); // 00:00 CET on 26 October
        Assert.Equal(25 * 3600, day.Next - day.Start);
    }

    [Theory]
    [InlineData("2026-03-08T06:59:59Z", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z")] // 01:59:59 EST
    [InlineData("2026-03-08T07:00:00Z", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z")] // 03:00:00 EDT
    [InlineData("2026-11-01T05:30:00Z", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z")] // 01:30 EDT
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z")] // 01:30 EST
    [InlineData("2026-11-02T04:59:59Z", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z")] // 23:59:59 EST
    [InlineData("2026-11-02T05:00:00Z", "2026-11-02T05:00:00Z", "2026-11-03T05:00:00Z")]
    public void DayContaining_NewYorkChangeDays_StartAtLocalMidnight(string instant, string start, string next)
    {
        var day = Midnight("America/New_York").DayContaining(Seconds(instant));

        Assert.Equal((Seconds(start), Seconds(next)), day);
    }

    [Fact]
    public void DayContaining_SantiagoMidnightInGap_DayStartsAtOneLocal()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        Assert.True(zone.IsInvalidTime(new DateTime(2026, 9, 6, 0, 0, 0, DateTimeKind.Unspecified)));
        var schedule = new DailyResetSchedule(zone, TimeSpan.Zero);

        var lastOfPrevious = schedule.DayContaining(Seconds("2026-09-06T03:59:59Z")); // 23:59:59 −04 on 5 September
        var firstOfDay = schedule.DayContaining(Seconds("2026-09-06T04:00:00Z")); // 01:00:00 −03, the first valid instant of 6 September

        Assert.Equal((Seconds("2026-09-05T04:00:00Z"), Seconds("2026-09-06T04:00:00Z")), lastOfPrevious);
        Assert.Equal((Seconds("2026-09-06T04:00:00Z"), Seconds("2026-09-07T03:00:00Z")), firstOfDay);
        Assert.Equal(23 * 3600, firstOfDay.Next - firstOfDay.Start);
    }

    [Theory]
    [InlineData("2026-04-05T02:30:00Z")] // 23:30 −03 on 4 April, the first time
    [InlineData("2026-04-05T03:30:00Z")] // 23:30 −04 on 4 April, the second time
    [InlineData("2026-04-05T03:59:59Z")]
    public void DayContaining_SantiagoRepeatedLastHour_DayIsTwentyFiveHours(string instant)
    {
        var day = Midnight("America/Santiago").DayContaining(Seconds(instant));

        Assert.Equal((Seconds("2026-04-04T03:00:00Z"), Seconds("2026-04-05T04:00:00Z")), day);
    }

    [Fact]
    public void DayContaining_ResetTimeInSpringForwardGap_MovesToEndOfGap()
    {
        var schedule = new DailyResetSchedule(Zone("Europe/Berlin"), new TimeSpan(2, 30, 0));

        var day = schedule.DayContaining(Seconds("2026-03-29T12:00:00Z"));

        Assert.Equal(Seconds("2026-03-29T01:00:00Z"), day.Start); // 03:00 CEST
        Assert.Equal(Seconds("2026-03-30T00:30:00Z"), day.Next); // 02:30 CEST
    }

    [Fact]
    public void DayContaining_ResetTimeWithSecondsInGap_MovesToEndOfGapExactly()
    {
        var schedule = new DailyResetSchedule(Zone("Europe/Berlin"), new TimeSpan(2, 0, 30));

        var day = schedule.DayContaining(Seconds("2026-03-29T12:00:00Z"));

        Assert.Equal(Seconds("2026-03-29T01:00:00Z"), day.Start); // 03:00:00 CEST, not 03:00:30
    }

    [Fact]
    public void DayContaining_ResetTimeInFallBackOverlap_TakesFirstOccurrence()
    {
        var schedule = new DailyResetSchedule(Zone("Europe/Berlin"), new TimeSpan(2, 30, 0));

        var day = schedule.DayContaining(Seconds("2026-10-25T01:00:00Z")); // 02:00 CET, after the first 02:30

        Assert.Equal(Seconds("2026-10-25T00:30:00Z"), day.Start); // 02:30 CEST
        Assert.Equal(Seconds("2026-10-26T01:30:00Z"), day.Next); // 02:30 CET
        Assert.Equal(25 * 3600, day.Next - day.Start);
    }

    [Fact]
    public void DayContaining_MorningResetTime_DayRunsFromResetToReset()
    {
        var schedule = new DailyResetSchedule(Zone("Europe/Berlin"), TimeSpan.FromHours(6));

        var beforeReset = schedule.DayContaining(Seconds("2026-03-29T03:59:59Z")); // 05:59:59 CEST
        var atReset = schedule.DayContaining(Seconds("2026-03-29T04:00:00Z")); // 06:00 CEST

        Assert.Equal((Seconds("2026-03-28T05:00:00Z"), Seconds("2026-03-29T04:00:00Z")), beforeReset);
        Assert.Equal((Seconds("2026-03-29T04:00:00Z"), Seconds("2026-03-30T04:00:00Z")), atReset);
    }

    private static DailyResetSchedule Midnight(string zone) => new(Zone(zone), TimeSpan.Zero);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static long Seconds(string instant) =>
        DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
}
