using System.ComponentModel.DataAnnotations;
using Wallboard.Engine.Alerts;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Alerts;

/// <summary>Alert rules and their evaluation (section <c>Alerts</c>, hot-reloaded).</summary>
internal sealed class AlertsOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    /// <summary>Start from the default rules built on the thresholds of spec/kpis.md (configured rules replace those with the same id).</summary>
    public bool UseDefaultRules { get; set; } = true;

    public IList<AlertRuleOptions> Rules { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>With a wall clock, no event for this long means the data behind every rule stopped (no-data).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The effective rules: defaults (unless switched off) overridden by id, then the configured ones.</summary>
    public IReadOnlyList<AlertRuleOptions> EffectiveRules()
    {
        var rules = (UseDefaultRules ? DefaultAlertRules.All : []).ToDictionary(rule => rule.Id, StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            rules[rule.Id] = rule;
        }

        return [.. rules.Values.Where(rule => rule.Enabled)];
    }

    public IReadOnlyList<AlertRule> BuildRules() => [.. EffectiveRules().Select(Build)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var rule in Rules)
        {
            var error = Check(rule);
            if (error is not null)
            {
                yield return new ValidationResult($"Alert rule '{rule.Id}': {error}", [nameof(Rules)]);
            }
        }
    }

    private static string? Check(AlertRuleOptions rule)
    {
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            return "needs an id";
        }

        if (rule.Kpi.StartsWith("ext.", StringComparison.Ordinal))
        {
            return rule.Kpi.Length == 4 || rule.Window != "now" || !ScopePattern.TryParse(rule.Scope, out _)
                ? "an outside figure needs its name (ext.<name>), a scope and the window 'now'"
                : CheckBands(rule);
        }

        if (!KpiCatalog.TryGet(rule.Kpi, out var kpi))
        {
            return $"'{rule.Kpi}' is not a KPI of the catalog";
        }

        if (!ScopePattern.TryParse(rule.Scope, out _))
        {
            return $"scope '{rule.Scope}' is not 'all', kind:name or kind:*";
        }

        if (!WindowId.TryParse(rule.Window, out var window) || !kpi!.AppliesTo(window.Value.Kind))
        {
            return $"window '{rule.Window}' is not a window of {rule.Kpi}";
        }

        return CheckBands(rule);
    }

    private static string? CheckBands(AlertRuleOptions rule)
    {
        if (rule.Warning is null && rule.Critical is null)
        {
            return "needs a warning or a critical band";
        }

        return rule.For < TimeSpan.Zero || rule.ClearFor < TimeSpan.Zero ? "durations cannot be negative" : null;
    }

    private static AlertRule Build(AlertRuleOptions rule)
    {
        if (rule.Kpi.StartsWith("ext.", StringComparison.Ordinal) && Check(rule) is null && ScopePattern.TryParse(rule.Scope, out var figureScopes))
        {
            return new AlertRule(
                rule.Id, default, figureScopes!, WindowId.Now, Band(rule.Warning), Band(rule.Critical), rule.For, rule.ClearFor)
            {
                External = rule.Kpi[4..],
            };
        }

        if (Check(rule) is { } error || !KpiCatalog.TryGet(rule.Kpi, out var kpi) || !ScopePattern.TryParse(rule.Scope, out var scopes)
            || !WindowId.TryParse(rule.Window, out var window))
        {
            throw new InvalidOperationException($"Alert rule '{rule.Id}' is invalid.");
        }

        return new AlertRule(rule.Id, kpi!.Id, scopes!, window.Value, Band(rule.Warning), Band(rule.Critical), rule.For, rule.ClearFor, rule.MinimumSample);
    }

    private static AlertBand? Band(AlertBandOptions? band) =>
        band is null ? null : new AlertBand(band.Above, band.Below, band.ClearBelow, band.ClearAbove);
}
