namespace Wallboard.Engine.Kpis;

/// <summary>How a KPI's number reads: a count, a percentage (0–100) or seconds.</summary>
public enum KpiUnit
{
    Count,
    Percent,
    Seconds,
}
