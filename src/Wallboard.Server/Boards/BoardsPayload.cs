namespace Wallboard.Server.Boards;

/// <summary>The body of <c>GET /api/v1/boards</c>.</summary>
internal sealed record BoardsPayload(string SiteName, string TimeZone, IReadOnlyList<BoardDefinition> Boards);
