namespace Wallboard.Engine.Time;

/// <summary>The engine's "now" in Unix milliseconds; it never goes backwards.</summary>
internal sealed class EngineClock(long latenessMs)
{
    public long NowMs { get; private set; } = long.MinValue / 4;

    public long NowSecond { get; private set; } = long.MinValue / 4000;

    public bool HasStarted => NowMs > long.MinValue / 4;

    /// <summary>Events older than this (Unix ms) are late.</summary>
    public long LateBoundaryMs => NowMs - latenessMs;

    public bool AdvanceTo(long unixMs)
    {
        if (unixMs <= NowMs)
        {
            return false;
        }

        NowMs = unixMs;
        NowSecond = Math.DivRem(unixMs, 1000, out var remainder) - (remainder < 0 ? 1 : 0);
        return true;
    }

    public static long SecondOf(long unixMs) => Math.DivRem(unixMs, 1000, out var remainder) - (remainder < 0 ? 1 : 0);
}
