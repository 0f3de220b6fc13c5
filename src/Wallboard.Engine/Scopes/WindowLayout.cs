using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Scopes;

/// <summary>The configured sliding windows and the allowed lateness, shared by every scope.</summary>
internal sealed class WindowLayout
{
    public WindowLayout(IReadOnlyList<WindowId> slidingWindows, TimeSpan allowedLateness, TicketSettings? tickets = null)
    {
        tickets ??= new TicketSettings();
        AgedBacklogSeconds = (long)tickets.AgedBacklogAge.TotalSeconds;
        AtRiskSeconds = (long)tickets.AtRiskHorizon.TotalSeconds;
        SlidingWindows = slidingWindows;
        Seconds = [.. slidingWindows.Select(window => window.Seconds)];
        LongestSeconds = Seconds.Max();
        LatenessSeconds = (long)Math.Ceiling(allowedLateness.TotalSeconds);
        All = [WindowId.Now, .. slidingWindows, WindowId.Today];
    }

    public IReadOnlyList<WindowId> SlidingWindows { get; }

    /// <summary>Every window: <c>now</c>, the sliding ones, <c>today</c>.</summary>
    public IReadOnlyList<WindowId> All { get; }

    public long[] Seconds { get; }

    public long LongestSeconds { get; }

    public long LatenessSeconds { get; }

    public long AgedBacklogSeconds { get; }

    public long AtRiskSeconds { get; }

    /// <summary>Index of a sliding window in <see cref="Seconds"/>, or -1 when it is not configured.</summary>
    public int IndexOf(WindowId window)
    {
        for (var i = 0; i < SlidingWindows.Count; i++)
        {
            if (SlidingWindows[i] == window)
            {
                return i;
            }
        }

        return -1;
    }
}
