namespace Wallboard.Server.Boards;

/// <summary>One tile: a KPI of a scope in a window, with an optional label.</summary>
internal sealed class TileDefinition
{
    public string Kpi { get; set; } = string.Empty;

    public string Scope { get; set; } = "all";

    public string Window { get; set; } = "15m";

    public string? Label { get; set; }
}
