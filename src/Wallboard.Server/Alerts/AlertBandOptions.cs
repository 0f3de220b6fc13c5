namespace Wallboard.Server.Alerts;

/// <summary>One severity's levels in configuration: trigger above/below, clear back at or below/above (hysteresis).</summary>
internal sealed class AlertBandOptions
{
    public double? Above { get; set; }

    public double? Below { get; set; }

    public double? ClearBelow { get; set; }

    public double? ClearAbove { get; set; }
}
