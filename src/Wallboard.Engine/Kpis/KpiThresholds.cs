namespace Wallboard.Engine.Kpis;

/// <summary>Default warning and critical levels of a KPI (from the KPI literature, <c>spec/kpis.md</c>).</summary>
public sealed record KpiThresholds(ThresholdLevel? Warning, ThresholdLevel? Critical)
{
    /// <summary>The state of a value: critical wins over warning; null (no data) is never a breach.</summary>
    public KpiState StateOf(double? value) => value switch
    {
        null => KpiState.NoData,
        { } v when Critical?.IsBreachedBy(v) == true => KpiState.Critical,
        { } v when Warning?.IsBreachedBy(v) == true => KpiState.Warning,
        _ => KpiState.Ok,
    };
}
