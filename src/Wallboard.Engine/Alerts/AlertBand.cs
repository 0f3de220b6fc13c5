namespace Wallboard.Engine.Alerts;

/// <summary>
/// One severity's levels: breached above <see cref="Above"/> or below <see cref="Below"/> (or outside a band
/// with both); cleared only back at or below <see cref="ClearBelow"/> / at or above <see cref="ClearAbove"/>,
/// which gives the hysteresis that keeps a value wobbling around a threshold from firing again and again.
/// </summary>
public sealed record AlertBand(double? Above = null, double? Below = null, double? ClearBelow = null, double? ClearAbove = null)
{
    public bool IsBreachedBy(double value) => value > Above || value < Below;

    /// <summary>Whether a value is back on the good side of the clear levels (the trigger levels when none is set).</summary>
    public bool IsClearedBy(double value) =>
        (Above is null || value <= (ClearBelow ?? Above)) && (Below is null || value >= (ClearAbove ?? Below));
}
