namespace Wallboard.Server.Api;

/// <summary>The body of <c>GET /api/v1/catalog</c>.</summary>
internal sealed record CatalogPayload(IReadOnlyList<CatalogEntry> Kpis, IReadOnlyList<string> Windows, CatalogSettings Settings);

/// <summary>One KPI of the catalog.</summary>
internal sealed record CatalogEntry(
    string Id,
    string Label,
    string Unit,
    IReadOnlyList<string> Windows,
    string Direction,
    string Formula,
    string MeasuredAt,
    CatalogThresholds? Thresholds,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Feeds);

/// <summary>Default warning and critical levels.</summary>
internal sealed record CatalogThresholds(CatalogLevel? Warning, CatalogLevel? Critical);

/// <summary>A level is breached above <see cref="Above"/> or below <see cref="Below"/>.</summary>
internal sealed record CatalogLevel(double? Above, double? Below);

/// <summary>The site-wide settings that change KPI values (seconds).</summary>
internal sealed record CatalogSettings(
    double ServiceLevelThresholdSeconds,
    double ShortAbandonThresholdSeconds,
    double RepeatContactHorizonSeconds,
    double AllowedLatenessSeconds,
    string TimeZone,
    string Clock);
