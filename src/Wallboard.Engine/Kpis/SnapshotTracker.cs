using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Kpis;

/// <summary>Computes every scope × window each tick and keeps the last values to tell what changed.</summary>
internal sealed class SnapshotTracker
{
    private readonly Dictionary<(ScopeId Scope, WindowId Window), KpiValues> _last = [];
    private long _sequence;

    public KpiSnapshot Take(KpiEngine engine, bool full)
    {
        var rows = new List<KpiRow>();
        foreach (var scope in engine.Scopes)
        {
            foreach (var window in engine.Layout.All)
            {
                Collect(engine, scope, window, full, rows);
            }
        }

        var asOf = engine.HasStarted ? DateTimeOffset.FromUnixTimeMilliseconds(engine.NowMs) : DateTimeOffset.UnixEpoch;
        return new KpiSnapshot(++_sequence, asOf, rows, full);
    }

    private void Collect(KpiEngine engine, ScopeState scope, WindowId window, bool full, List<KpiRow> rows)
    {
        var values = engine.Evaluate(scope, window);
        var key = (scope.Id, window);
        var changed = !values.SameAs(_last.GetValueOrDefault(key));
        if (changed)
        {
            _last[key] = values;
        }

        if (changed || full)
        {
            rows.Add(new KpiRow(scope.Id, window, values));
        }
    }
}
