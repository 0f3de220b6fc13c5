using Wallboard.Engine;

namespace Wallboard.Server.Boards;

/// <summary><c>GET /api/v1/boards</c> and <c>GET /api/v1/boards/{id}</c>, from configuration (hot-reloaded).</summary>
internal static class BoardsApi
{
    public static IEndpointRouteBuilder MapBoards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/boards", (BoardCatalog boards, WallboardEngine engine) =>
                new BoardsPayload(boards.Current.SiteName, engine.Options.TimeZone, [.. boards.Current.Boards]))
            .WithName("GetBoards")
            .WithSummary("The configured boards, the site name and its time zone.");
        app.MapGet("/api/v1/boards/{id}", (string id, BoardCatalog boards) =>
                boards.Current.Boards.FirstOrDefault(board => board.Id == id) is { } board
                    ? Results.Ok(board)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such board", detail: $"no board has the id '{id}'"))
            .WithName("GetBoard")
            .WithSummary("One board's definition.");
        return app;
    }
}
