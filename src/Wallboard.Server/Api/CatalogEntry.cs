namespace Wallboard.Server.Api;

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
