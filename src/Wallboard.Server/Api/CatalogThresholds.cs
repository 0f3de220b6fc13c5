namespace Wallboard.Server.Api;

/// <summary>Default warning and critical levels.</summary>
internal sealed record CatalogThresholds(CatalogLevel? Warning, CatalogLevel? Critical);
