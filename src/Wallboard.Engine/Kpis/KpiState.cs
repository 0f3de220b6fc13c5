namespace Wallboard.Engine.Kpis;

/// <summary>A KPI value's state against its thresholds.</summary>
public enum KpiState
{
    NoData,
    Ok,
    Warning,
    Critical,
}
