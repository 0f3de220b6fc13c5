namespace Wallboard.Engine.Tests.Replay;

/// <summary>
/// Finds the shared research data, which is never copied into the repository: the folder named by the
/// environment variable <c>WALLBOARD_DATA</c>, else a <c>shared/research-data</c> folder beside one of the
/// ancestors of the test binaries (the clone sits next to <c>shared/</c>, here and in CI).
/// </summary>
internal static class ResearchData
{
    public const string Variable = "WALLBOARD_DATA";
    public const string BankFileName = "mtpa_mtpa_data_anonymous_bank_february.txt";

    /// <summary>The bank's February call log, or a skipped test saying why it is not there.</summary>
    public static string BankFileOrSkip()
    {
        var folder = Folder();
        if (folder is null)
        {
            Assert.Skip($"Research data not found: set {Variable} or place shared/research-data beside an ancestor of {AppContext.BaseDirectory}.");
        }

        var path = Path.Combine(folder, BankFileName);
        if (!File.Exists(path))
        {
            Assert.Skip($"Research data file {path} is missing.");
        }

        return path;
    }

    private static string? Folder()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "research-data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
