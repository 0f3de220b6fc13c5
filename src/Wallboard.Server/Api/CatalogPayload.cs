namespace Wallboard.Server.Api;

/// <summary>The body of <c>GET /api/v1/catalog</c>.</summary>
internal sealed record CatalogPayload(IReadOnlyList<CatalogEntry> Kpis, IReadOnlyList<string> Windows, CatalogSettings Settings);
