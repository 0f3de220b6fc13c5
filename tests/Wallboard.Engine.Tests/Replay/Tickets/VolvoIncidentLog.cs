using System.Globalization;
using System.IO.Compression;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// The Volvo IT incident log, read from the research data's zip: unzipped to a temporary folder (deleted
/// afterwards), <c>VINST-new.csv</c> parsed row by row (UTF-8 with a byte-order mark, CRLF, 17 plain
/// comma-separated columns, no quoting). Lines that do not have 17 columns or a parseable time are counted, not used.
/// </summary>
internal sealed class VolvoIncidentLog
{
    public const string ZipFileName = "IBM_processmining_IBM-VolvoIT-Challenge.zip";
    public const string CsvFileName = "VINST-new.csv";

    private static readonly string[] Header =
    [
        "SR Number", "Change Date+Time", "Status", "Sub Status", "Activity", "Activity Level", "Involved ST Function Div",
        "Involved Org line 3", "Involved ST", "Involved ST 2", "ST Level", "SR Latest Impact", "Product", "Country",
        "Owner Country", "Owner First Name", "Resource",
    ];

    private static readonly Lazy<VolvoIncidentLog?> Cached = new(() => Locate() is { } zip ? Unzip(zip) : null);

    private VolvoIncidentLog(List<VolvoStatusChange> rows, int malformed)
    {
        Rows = rows;
        Malformed = malformed;
    }

    /// <summary>The rows in file order (each incident's rows are contiguous and in time order).</summary>
    public IReadOnlyList<VolvoStatusChange> Rows { get; }

    /// <summary>Lines that could not be read (wrong column count or time).</summary>
    public int Malformed { get; }

    /// <summary>The log, or a skipped test saying why it is not there.</summary>
    public static VolvoIncidentLog ReadOrSkip()
    {
        if (Locate() is null)
        {
            Assert.Skip($"Research data file {ZipFileName} not found: set {ResearchData.Variable} or place shared/research-data beside an ancestor of {AppContext.BaseDirectory}.");
        }

        return Cached.Value ?? throw new InvalidOperationException($"{ZipFileName} could not be read.");
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable(ResearchData.Variable);
        if (!string.IsNullOrEmpty(configured))
        {
            var path = Path.Combine(configured, ZipFileName);
            return File.Exists(path) ? path : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "research-data", ZipFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static VolvoIncidentLog Unzip(string zip)
    {
        var folder = Directory.CreateTempSubdirectory("wallboard-volvo-");
        try
        {
            ZipFile.ExtractToDirectory(zip, folder.FullName);
            var csv = Directory.EnumerateFiles(folder.FullName, CsvFileName, SearchOption.AllDirectories)
                .Single(path => !path.Contains("__MACOSX", StringComparison.Ordinal));
            return Parse(File.ReadLines(csv));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static VolvoIncidentLog Parse(IEnumerable<string> lines)
    {
        var rows = new List<VolvoStatusChange>();
        var malformed = 0;
        var first = true;
        foreach (var line in lines)
        {
            var fields = line.TrimEnd('\r').Split(',');
            if (first)
            {
                first = false;
                Assert.Equal(Header, fields);
                continue;
            }

            if (fields.Length != Header.Length
                || !DateTimeOffset.TryParseExact(fields[1], "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                malformed++;
                continue;
            }

            rows.Add(new VolvoStatusChange(
                fields[0], at, fields[2], fields[3], fields[7], fields[8], fields[10], fields[11], fields[12], fields[15], fields[16]));
        }

        return new VolvoIncidentLog(rows, malformed);
    }
}
