using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Alerts;

/// <summary>The evaluator's working state for one rule × scope (pending or active).</summary>
internal sealed class AlertState(AlertRule rule, ScopeId scope, DateTimeOffset breachedSince, AlertSeverity severity)
{
    public AlertRule Rule { get; set; } = rule;

    public ScopeId Scope { get; } = scope;

    public AlertPhase Phase { get; set; } = AlertPhase.Pending;

    public AlertSeverity Severity { get; set; } = severity;

    public double? Value { get; set; }

    public DateTimeOffset BreachedSince { get; set; } = breachedSince;

    public DateTimeOffset? FiredAt { get; set; }

    public DateTimeOffset? ClearingSince { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Acknowledgement? Acknowledged { get; set; }

    public List<AlertTransition> Timeline { get; } = [];

    /// <summary>Stable for the alert's life: rule, scope and the second it fired (the PagerDuty dedup key).</summary>
    public string Id => FiredAt is { } firedAt ? $"{Rule.Id}|{Scope}|{firedAt.ToUnixTimeSeconds()}" : $"{Rule.Id}|{Scope}|pending";

    public AlertChange Record(AlertChangeKind kind, DateTimeOffset at, string? by = null, string? note = null)
    {
        var transition = new AlertTransition(kind, at, Severity, Value, by, note);
        Timeline.Add(transition);
        return new AlertChange(Snapshot(), transition);
    }

    public Alert Snapshot() => new(
        Id, Rule.Id, Scope, Rule.Kpi, Rule.Window, Phase, Severity, Value, BreachedSince, FiredAt, ResolvedAt, Acknowledged, [.. Timeline])
    {
        External = Rule.External,
    };

    public static AlertState From(Alert alert, AlertRule rule)
    {
        var state = new AlertState(rule, alert.Scope, alert.BreachedSince, alert.Severity)
        {
            Phase = alert.Phase,
            Value = alert.Value,
            FiredAt = alert.FiredAt,
            Acknowledged = alert.Acknowledged,
            ClearingSince = alert.Timeline.Count > 0 && alert.Timeline[^1].Kind == AlertChangeKind.Clearing ? alert.Timeline[^1].At : null,
        };
        state.Timeline.AddRange(alert.Timeline);
        return state;
    }
}
