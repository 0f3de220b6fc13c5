using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Boards;

/// <summary>The boards (section <c>Boards</c>, hot-reloaded) and the site's display name.</summary>
internal sealed partial class BoardsOptions : IValidatableObject
{
    public const string SectionName = "Boards";

    /// <summary>Shown in the board header.</summary>
    public string SiteName { get; set; } = "Contact center";

    public IList<BoardDefinition> Boards { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var board in Boards)
        {
            if (!BoardId().IsMatch(board.Id) || !ids.Add(board.Id))
            {
                yield return new ValidationResult($"Board id '{board.Id}' must be unique and made of a-z, 0-9 and '-'.", [nameof(Boards)]);
            }

            if (board.Tiles.Count is < 1 or > 60)
            {
                yield return new ValidationResult($"Board '{board.Id}' must have 1 to 60 tiles.", [nameof(Boards)]);
            }

            foreach (var tile in board.Tiles)
            {
                if (tile.Kpi.StartsWith("ext.", StringComparison.Ordinal))
                {
                    // An outside figure (metric.recorded): a latest value, shown in the now window.
                    if (tile.Kpi.Length == 4 || tile.Window != "now" || !ScopeId.TryParse(tile.Scope, out _))
                    {
                        yield return new ValidationResult(
                            $"Board '{board.Id}': tile {tile.Kpi} must name the figure (ext.<name>), a scope, and the window 'now'.", [nameof(Boards)]);
                    }
                }
                else if (!KpiCatalog.TryGet(tile.Kpi, out var kpi))
                {
                    yield return new ValidationResult($"Board '{board.Id}': '{tile.Kpi}' is not a KPI of the catalog.", [nameof(Boards)]);
                }
                else if (!ScopeId.TryParse(tile.Scope, out _) || !WindowId.TryParse(tile.Window, out var window)
                    || !kpi!.AppliesTo(window.Value.Kind))
                {
                    yield return new ValidationResult(
                        $"Board '{board.Id}': tile {tile.Kpi} {tile.Scope} {tile.Window} has a bad scope or a window the KPI does not have.", [nameof(Boards)]);
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex BoardId();
}
