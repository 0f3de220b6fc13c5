namespace Wallboard.Engine.Kpis;

/// <summary>Whether a higher value is better, worse, or best inside a band.</summary>
public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
    Band,
}
