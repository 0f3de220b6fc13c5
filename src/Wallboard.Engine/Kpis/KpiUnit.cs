namespace Wallboard.Engine.Kpis;

/// <summary>How a KPI's number reads: a count, a percentage (0–100), seconds, a score on a survey scale, or an average of counts.</summary>
public enum KpiUnit
{
    Count,
    Percent,
    Seconds,
    Score,
    Average,
}
