namespace Wallboard.Server.Alerts;

/// <summary>A rule in configuration (<c>Alerts:Rules</c>); see docs/alerts.md for the syntax.</summary>
internal sealed class AlertRuleOptions
{
    public string Id { get; set; } = string.Empty;

    /// <summary>KPI id of the catalog (<c>serviceLevel</c>) or an outside figure is not supported here.</summary>
    public string Kpi { get; set; } = string.Empty;

    /// <summary><c>all</c>, one scope (<c>queue:sales</c>) or every scope of a kind (<c>queue:*</c>).</summary>
    public string Scope { get; set; } = "all";

    public string Window { get; set; } = "15m";

    public AlertBandOptions? Warning { get; set; }

    public AlertBandOptions? Critical { get; set; }

    /// <summary>How long a breach must last before the alert fires.</summary>
    public TimeSpan For { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the value must stay cleared before the alert resolves.</summary>
    public TimeSpan ClearFor { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>No breach on fewer answers than this (for CSAT, NPS, CES, sentiment).</summary>
    public int MinimumSample { get; set; }

    /// <summary>Which notification route takes this rule's alerts (<c>Alerts:Routes</c>); <c>default</c> when unset.</summary>
    public string Route { get; set; } = "default";

    /// <summary>Set to false to switch off a default rule of the same id.</summary>
    public bool Enabled { get; set; } = true;
}
