using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Alerts;

/// <summary>An alert (one per rule and scope while it lasts) as shown to leads and kept in history.</summary>
public sealed record Alert(
    string Id,
    string RuleId,
    ScopeId Scope,
    KpiId Kpi,
    WindowId Window,
    AlertPhase Phase,
    AlertSeverity Severity,
    double? Value,
    DateTimeOffset BreachedSince,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    Acknowledgement? Acknowledged,
    IReadOnlyList<AlertTransition> Timeline)
{
    /// <summary>For an alert on an outside figure: its name (the KPI reads <c>ext.&lt;name&gt;</c>).</summary>
    public string? External { get; init; }

    public bool IsActive => Phase is AlertPhase.Firing or AlertPhase.NoData;
}
