using System.Globalization;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Properties;

/// <summary>Asserts that two engines show the same board: same clock, same scopes, every KPI equal in every scope and window.</summary>
internal static class EngineComparison
{
    /// <summary>Compares every scope × window × KPI exactly; returns how many values were compared.</summary>
    public static int AssertSameKpis(WallboardEngine expected, WallboardEngine actual, string when)
    {
        Assert.Equal(expected.Clock, actual.Clock);
        var scopes = Sorted(expected.Scopes());
        Assert.Equal(scopes, Sorted(actual.Scopes()));
        Assert.Equal(expected.Windows, actual.Windows);

        var mismatches = new List<string>();
        var compared = 0;
        foreach (var scope in scopes)
        {
            foreach (var window in expected.Windows)
            {
                var want = expected.Read(scope, window);
                var got = actual.Read(scope, window);
                foreach (var kpi in KpiCatalog.All)
                {
                    compared++;
                    if (want[kpi.Id] != got[kpi.Id])
                    {
                        mismatches.Add(string.Create(
                            CultureInfo.InvariantCulture, $"{when}: {scope} {window} {kpi.Name}: expected {Show(want[kpi.Id])}, got {Show(got[kpi.Id])}"));
                    }
                }
            }
        }

        if (mismatches.Count > 0)
        {
            Assert.Fail($"{mismatches.Count} KPI values differ:\n{string.Join('\n', mismatches.Take(25))}");
        }

        return compared;
    }

    private static List<ScopeId> Sorted(IEnumerable<ScopeId> scopes) =>
        [.. scopes.OrderBy(scope => scope.ToString(), StringComparer.Ordinal)];

    private static string Show(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
}
