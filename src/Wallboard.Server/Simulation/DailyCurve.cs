namespace Wallboard.Server.Simulation;

/// <summary>
/// The share of the peak arrival rate at a local time of day: a late-morning peak (10:45), a slightly lower
/// mid-afternoon one (15:00) with a lunchtime dip between, and a floor of 35% so that a demo at night still moves.
/// </summary>
internal static class DailyCurve
{
    public const double Floor = 0.35;

    public static double At(double localHour)
    {
        var morning = Bump(localHour, 10.75, 1.9);
        var afternoon = 0.92 * Bump(localHour, 15.0, 2.1);
        return Floor + ((1 - Floor) * Math.Max(morning, afternoon));
    }

    private static double Bump(double hour, double centre, double width)
    {
        var distance = (hour - centre) / width;
        return Math.Exp(-0.5 * distance * distance);
    }
}
