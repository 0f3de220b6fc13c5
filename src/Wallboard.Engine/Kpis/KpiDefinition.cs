using Wallboard.Engine.Events;

namespace Wallboard.Engine.Kpis;

/// <summary>Everything the catalog says of one KPI: its wire id, label, unit, windows, formula, thresholds and inputs.</summary>
public sealed record KpiDefinition(
    KpiId Id,
    string Name,
    string Label,
    KpiUnit Unit,
    KpiDirection Direction,
    bool IsGauge,
    string Formula,
    string MeasuredAt,
    KpiThresholds? Thresholds,
    IReadOnlyList<ScopeKind> ScopeKinds,
    IReadOnlyList<EventType> Feeds)
{
    /// <summary>Whether the KPI has a value in windows of this kind (gauges only in <c>now</c>, the rest only outside it).</summary>
    public bool AppliesTo(WindowKind window) => IsGauge == (window == WindowKind.Now);
}
