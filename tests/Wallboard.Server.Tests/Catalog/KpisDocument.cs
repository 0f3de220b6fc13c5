namespace Wallboard.Server.Tests.Catalog;

/// <summary>The tables of <c>docs/kpis.md</c>, read as users read them: by section heading, one row of cells per table line.</summary>
public sealed class KpisDocument
{
    private readonly string[] _lines;

    private KpisDocument(string[] lines) => _lines = lines;

    public string Text => string.Join('\n', _lines);

    public static KpisDocument Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "docs", "kpis.md");
            if (File.Exists(Path.Combine(directory.FullName, "Wallboard.sln")) && File.Exists(path))
            {
                return new KpisDocument(File.ReadAllLines(path));
            }
        }

        throw new InvalidOperationException($"No docs/kpis.md beside a Wallboard.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The rows (header and separator left out) of the first table after the heading <paramref name="heading"/>.</summary>
    public List<string[]> Table(string heading)
    {
        var start = Array.FindIndex(_lines, line => line.TrimEnd() == heading);
        Assert.True(start >= 0, $"docs/kpis.md has no heading '{heading}'");
        var table = _lines.Skip(start + 1).SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).ToList();
        Assert.True(table.Count > 2, $"docs/kpis.md has no table under '{heading}'");
        return [.. table.Skip(2).Select(Cells)];
    }

    /// <summary>The code spans (<c>`x`</c>) of a cell.</summary>
    public static List<string> Code(string cell) =>
        [.. cell.Split('`').Where((_, index) => index % 2 == 1)];

    // Cells are split on '|' not escaped as '\|' (formulas hold escaped bars).
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(line[i]);
            }
        }

        return [.. cells];
    }
}
