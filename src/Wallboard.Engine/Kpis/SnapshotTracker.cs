using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Kpis;

/// <summary>Computes every scope × window each tick and keeps the last values to tell what changed.</summary>
internal sealed class SnapshotTracker
{
    private readonly Dictionary<(ScopeId Scope, WindowId Window), KpiValues> _last = [];
    private long _sequence;

    /// <summary>
    /// Adds the rows of up to <paramref name="count"/> scopes from the scope with index <paramref name="first"/>
    /// on; true when scopes after them remain. Scopes only ever join at the end, so a pass in slices sees each
    /// scope once.
    /// </summary>
    public bool CollectSlice(KpiEngine engine, int first, int count, bool full, List<KpiRow> rows)
    {
        var scopes = engine.Scopes;
        var end = (int)Math.Min(scopes.Count, (long)first + count);
        for (var i = first; i < end; i++)
        {
            foreach (var window in engine.Layout.All)
            {
                Collect(engine, scopes[i], window, full, rows);
            }
        }

        return end < scopes.Count;
    }

    /// <summary>The snapshot of the rows collected, as of the engine clock now.</summary>
    public KpiSnapshot Complete(KpiEngine engine, List<KpiRow> rows, bool full)
    {
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
