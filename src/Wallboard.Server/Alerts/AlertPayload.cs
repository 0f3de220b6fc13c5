using System.Globalization;
using Wallboard.Engine.Alerts;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Alerts;

/// <summary>An alert as the API, the hub, Redis and notifications carry it (camelCase JSON; states in lower case).</summary>
internal sealed record AlertPayload(
    string Id,
    string RuleId,
    string Scope,
    string Kpi,
    string KpiLabel,
    string Window,
    string Phase,
    string Severity,
    double? Value,
    DateTimeOffset BreachedSince,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    Acknowledgement? Acknowledged,
    IReadOnlyList<AlertTimelineEntry> Timeline)
{
    public static AlertPayload From(Alert alert)
    {
        var (name, label) = alert.External is { } figure ? ("ext." + figure, figure) : (KpiCatalog.Get(alert.Kpi).Name, KpiCatalog.Get(alert.Kpi).Label);
        return new AlertPayload(
            alert.Id,
            alert.RuleId,
            alert.Scope.ToString(),
            name,
            label,
            alert.Window.ToString(),
            Lower(alert.Phase),
            Lower(alert.Severity),
            alert.Value,
            alert.BreachedSince,
            alert.FiredAt,
            alert.ResolvedAt,
            alert.Acknowledged,
            [.. alert.Timeline.Select(step => new AlertTimelineEntry(Lower(step.Kind), step.At, Lower(step.Severity), step.Value, step.By, step.Note))]);
    }

    /// <summary>Back to the engine's alert (for restoring active alerts after a restart).</summary>
    public Alert ToAlert() => new(
        Id,
        RuleId,
        ScopeId.TryParse(Scope, out var scope) ? scope.Value : ScopeId.All,
        Kpi.StartsWith("ext.", StringComparison.Ordinal) ? default : KpiCatalog.TryGet(Kpi, out var kpi) ? kpi!.Id : throw new InvalidOperationException($"Unknown KPI {Kpi}"),
        WindowId.TryParse(Window, out var window) ? window.Value : WindowId.Now,
        Enum.Parse<AlertPhase>(Phase, ignoreCase: true),
        Enum.Parse<AlertSeverity>(Severity, ignoreCase: true),
        Value,
        BreachedSince,
        FiredAt,
        ResolvedAt,
        Acknowledged,
        [.. Timeline.Select(step => new AlertTransition(
            Enum.Parse<AlertChangeKind>(step.Kind, ignoreCase: true), step.At, Enum.Parse<AlertSeverity>(step.Severity, ignoreCase: true), step.Value, step.By, step.Note))])
    {
        External = Kpi.StartsWith("ext.", StringComparison.Ordinal) ? Kpi[4..] : null,
    };

    private static string Lower<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
    }
}
