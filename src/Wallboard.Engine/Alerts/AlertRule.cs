using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Alerts;

/// <summary>
/// A KPI × scope pattern × window with warning and critical bands, a minimum duration before firing and
/// before resolving, and a minimum sample. One alert exists per rule and matching scope.
/// </summary>
public sealed record AlertRule(
    string Id,
    KpiId Kpi,
    ScopePattern Scopes,
    WindowId Window,
    AlertBand? Warning,
    AlertBand? Critical,
    TimeSpan For,
    TimeSpan ClearFor,
    int MinimumSample = 0)
{
    /// <summary>For an outside figure (<c>ext.&lt;name&gt;</c>, window <c>now</c>): its name; then <see cref="Kpi"/> is not used.</summary>
    public string? External { get; init; }

    /// <summary>The KPI as the API names it: its catalog id, or <c>ext.&lt;name&gt;</c>.</summary>
    public string KpiName => External is null ? KpiCatalog.Get(Kpi).Name : "ext." + External;

    /// <summary>The severity a value breaches now, before hysteresis.</summary>
    public AlertSeverity? Breach(double value) =>
        Critical?.IsBreachedBy(value) == true ? AlertSeverity.Critical
        : Warning?.IsBreachedBy(value) == true ? AlertSeverity.Warning
        : null;

    /// <summary>
    /// The severity an alert already at <paramref name="current"/> keeps: it stays at a level until the value
    /// passes that level's clear line, and rises at once when a higher level is breached.
    /// </summary>
    public AlertSeverity? Hold(double value, AlertSeverity current)
    {
        var breach = Breach(value);
        if (breach == AlertSeverity.Critical || (current == AlertSeverity.Critical && Critical?.IsClearedBy(value) == false))
        {
            return AlertSeverity.Critical;
        }

        return breach == AlertSeverity.Warning || Warning?.IsClearedBy(value) == false ? AlertSeverity.Warning : null;
    }
}
