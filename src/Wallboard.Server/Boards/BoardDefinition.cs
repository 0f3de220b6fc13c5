namespace Wallboard.Server.Boards;

/// <summary>A board: an id for its URL, a title, and its tiles in reading order (the grid sizes itself).</summary>
internal sealed class BoardDefinition
{
    public string Id { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public IList<TileDefinition> Tiles { get; set; } = [];
}
