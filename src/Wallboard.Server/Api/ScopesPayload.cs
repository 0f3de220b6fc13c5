namespace Wallboard.Server.Api;

/// <summary>The body of <c>GET /api/v1/scopes</c>.</summary>
internal sealed record ScopesPayload(IReadOnlyList<string> Scopes);
