namespace Wallboard.Server.Api;

/// <summary>A level is breached above <see cref="Above"/> or below <see cref="Below"/>.</summary>
internal sealed record CatalogLevel(double? Above, double? Below);
