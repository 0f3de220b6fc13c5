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
    /// <summary>For a sampled value (CSAT, NPS…): the KPI counting its answers, below the minimum sample it is not significant.</summary>
    public KpiId? SampleKpi { get; init; }

    /// <summary>Whether the KPI has a value in windows of this kind (gauges only in <c>now</c>, the rest only outside it).</summary>
    public bool AppliesTo(WindowKind window) => IsGauge == (window == WindowKind.Now);
}
