using System.Globalization;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>Compares the engine's ticket KPIs with an oracle's <see cref="TicketReading"/>, value by value, keeping the differences.</summary>
internal sealed class TicketComparison(WallboardEngine engine, IReadOnlyList<WindowId> windows)
{
    private const int MaxKept = 40;

    public static readonly KpiId[] Gauges = [KpiId.Backlog, KpiId.BacklogAged, KpiId.TicketsBreached, KpiId.TicketsAtRisk];

    // What an agent's own work holds (spec/kpis.md, Tickets): replies, first reply, resolutions.
    private static readonly HashSet<KpiId> AgentKpis =
    [
        KpiId.TicketsResolved, KpiId.FirstReplyTime, KpiId.FirstReplyWithinTarget, KpiId.AvgReplyTime,
        KpiId.ResolutionTime, KpiId.TouchesPerResolution, KpiId.OneTouchRate, KpiId.ReopenRate,
    ];

    public long Compared { get; private set; }

    public long Mismatched { get; private set; }

    public List<string> Mismatches { get; } = [];

    /// <summary>Compares <paramref name="rolling"/> in every window and <paramref name="gauges"/> in <c>now</c> for each scope.</summary>
    public void Compare(TicketReading reading, IEnumerable<string> scopes, IReadOnlyList<KpiId> rolling, IReadOnlyList<KpiId> gauges, string label)
    {
        foreach (var scope in scopes)
        {
            Assert.True(ScopeId.TryParse(scope, out var scopeId));
            var agent = scopeId.Value.Kind == ScopeKind.Agent;
            for (var w = 0; w < windows.Count; w++)
            {
                var values = engine.Read(scopeId.Value, windows[w]);
                foreach (var kpi in rolling.Where(kpi => !agent || AgentKpis.Contains(kpi)))
                {
                    Check(label, scope, windows[w], kpi, values[kpi], reading.Value(scope, w, kpi));
                }
            }

            if (agent || gauges.Count == 0)
            {
                continue;
            }

            var now = engine.Read(scopeId.Value, WindowId.Now);
            foreach (var gauge in gauges)
            {
                Check(label, scope, WindowId.Now, gauge, now[gauge], reading.Gauge(scope, Array.IndexOf(Gauges, gauge)));
            }
        }
    }

    public string Report() => $"{Mismatched} of {Compared} values differ:{Environment.NewLine}{string.Join(Environment.NewLine, Mismatches)}";

    private void Check(string label, string scope, WindowId window, KpiId kpi, double? actual, double? expected)
    {
        Compared++;
        if (Nullable.Equals(actual, expected))
        {
            return;
        }

        Mismatched++;
        if (Mismatches.Count < MaxKept)
        {
            Mismatches.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {scope} {window} {kpi}: engine {Show(actual)}, oracle {Show(expected)}"));
        }
    }

    private static string Show(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
