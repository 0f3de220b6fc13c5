using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Api;

/// <summary><c>GET /api/v1/catalog</c>: every KPI the engine computes, from the engine's own catalog.</summary>
internal static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/catalog", (WallboardEngine engine) => Describe(engine))
            .WithName("GetCatalog")
            .WithSummary("Every KPI: id, label, unit, windows, direction, formula, default thresholds, inputs.");
        return app;
    }

    private static CatalogPayload Describe(WallboardEngine engine)
    {
        var options = engine.Options;
        var gaugeWindows = new[] { WindowId.Now.ToString() };
        var rollingWindows = engine.Windows.Where(window => window.Kind != WindowKind.Now).Select(window => window.ToString()).ToArray();
        var kpis = KpiCatalog.All.Select(kpi => new CatalogEntry(
            kpi.Name,
            kpi.Label,
            Camel(kpi.Unit.ToString()),
            kpi.IsGauge ? gaugeWindows : rollingWindows,
            Camel(kpi.Direction.ToString()),
            kpi.Formula,
            kpi.MeasuredAt,
            kpi.Thresholds is null ? null : new CatalogThresholds(Level(kpi.Thresholds.Warning), Level(kpi.Thresholds.Critical)),
            [.. kpi.ScopeKinds.Select(kind => Camel(kind.ToString()))],
            [.. kpi.Feeds.Select(feed => feed.ToWireName())])).ToList();
        var settings = new CatalogSettings(
            options.Defaults.ServiceLevelThreshold.TotalSeconds,
            options.Defaults.ShortAbandonThreshold.TotalSeconds,
            options.Defaults.RepeatContactHorizon.TotalSeconds,
            options.AllowedLateness.TotalSeconds,
            options.TimeZone,
            options.Clock.ToString().ToLowerInvariant());
        return new CatalogPayload(kpis, [.. engine.Windows.Select(window => window.ToString())], settings);
    }

    private static CatalogLevel? Level(ThresholdLevel? level) => level is null ? null : new CatalogLevel(level.Above, level.Below);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
