using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>An oracle's tallies at one instant: per scope, per window (the sliding ones, then <c>today</c>), and the <c>now</c> gauges.</summary>
internal sealed class TicketReading(int windowCount, long now, long todayStart, IReadOnlyList<long> windowSeconds)
{
    public const int Backlog = 0;
    public const int Aged = 1;
    public const int Breached = 2;
    public const int AtRisk = 3;

    private readonly Dictionary<string, TicketTally[]> _tallies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _gauges = new(StringComparer.Ordinal);

    public long Now => now;

    public IEnumerable<string> Scopes => _tallies.Keys.Concat(_gauges.Keys).Distinct();

    public void Measure(List<string> scopes, long second, Action<TicketTally> count)
    {
        if (second <= now - windowSeconds.Max() && second < todayStart)
        {
            // In no window at all (most of a month's measurements): nothing to count.
            return;
        }

        foreach (var scope in scopes)
        {
            var tallies = TalliesOf(scope);
            for (var w = 0; w < windowSeconds.Count; w++)
            {
                if (now - windowSeconds[w] < second && second <= now)
                {
                    count(tallies[w]);
                }
            }

            if (second >= todayStart && second <= now)
            {
                count(tallies[windowCount - 1]);
            }
        }
    }

    public int[] GaugesOf(string scope)
    {
        if (!_gauges.TryGetValue(scope, out var gauges))
        {
            gauges = new int[4];
            _gauges.Add(scope, gauges);
        }

        return gauges;
    }

    /// <summary>The value of a rolling KPI in window index <paramref name="window"/>; <c>channelShare</c> needs <c>all</c>.</summary>
    public double? Value(string scope, int window, KpiId kpi)
    {
        var tally = TalliesOf(scope)[window];
        if (kpi != KpiId.ChannelShare)
        {
            return tally.Value(kpi);
        }

        var all = TalliesOf("all")[window].Created;
        return !scope.StartsWith("channel:", StringComparison.Ordinal) || all == 0 ? null : 100.0 * tally.Created / all;
    }

    public double Gauge(string scope, int gauge) => _gauges.TryGetValue(scope, out var gauges) ? gauges[gauge] : 0;

    private TicketTally[] TalliesOf(string scope)
    {
        if (!_tallies.TryGetValue(scope, out var tallies))
        {
            tallies = [.. Enumerable.Range(0, windowCount).Select(_ => new TicketTally())];
            _tallies.Add(scope, tallies);
        }

        return tallies;
    }
}
