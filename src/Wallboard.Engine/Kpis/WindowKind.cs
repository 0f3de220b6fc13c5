namespace Wallboard.Engine.Kpis;

/// <summary>Instantaneous gauges, a sliding window of whole minutes, or since the daily reset.</summary>
public enum WindowKind
{
    Now,
    Sliding,
    Today,
}
