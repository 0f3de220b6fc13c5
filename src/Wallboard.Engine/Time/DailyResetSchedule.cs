namespace Wallboard.Engine.Time;

/// <summary>
/// When <c>today</c> starts: a local time of day in an IANA zone. On a DST change day the day is 23 or
/// 25 hours long; a reset time that falls in the spring-forward gap moves to the end of the gap, and
/// one that occurs twice in the fall-back overlap takes the first occurrence.
/// </summary>
internal sealed class DailyResetSchedule(TimeZoneInfo zone, TimeSpan resetTime)
{
    public TimeZoneInfo Zone { get; } = zone;

    public TimeSpan ResetTime { get; } = resetTime;

    /// <summary>The start (inclusive) and the next start of the day holding <paramref name="unixSecond"/>, in Unix seconds.</summary>
    public (long Start, long Next) DayContaining(long unixSecond)
    {
        var instant = DateTimeOffset.FromUnixTimeSeconds(unixSecond);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        var start = ResetOn(localDate);
        if (start > unixSecond)
        {
            localDate = localDate.AddDays(-1);
            start = ResetOn(localDate);
        }

        var next = ResetOn(localDate.AddDays(1));
        while (next <= unixSecond)
        {
            start = next;
            localDate = localDate.AddDays(1);
            next = ResetOn(localDate.AddDays(1));
        }

        return (start, next);
    }

    private long ResetOn(DateOnly localDate)
    {
        var local = localDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).Add(ResetTime);

        // The spring-forward gap has no such local time: the day starts when the clocks do. Gaps end on a
        // whole minute, so the search goes by whole minutes (a reset time's seconds would overshoot the end).
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        }

        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local)
            ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUnixTimeSeconds();
    }
}
