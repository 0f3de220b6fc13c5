using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Api;

public class CatalogApiTests(RedisFixture redis)
{
    private static readonly string[] Rolling = ["5m", "15m", "30m", "60m", "today"];

    // spec/kpis.md, "Default thresholds": warning above/below, critical above/below.
    private static readonly Dictionary<string, (double? WarningAbove, double? WarningBelow, double? CriticalAbove, double? CriticalBelow)> SpecThresholds = new()
    {
        ["abandonRate"] = (8, null, 10, null),
        ["serviceLevel"] = (null, 80, null, 70),
        ["longestWait"] = (60, null, 120, null),
        ["occupancy"] = (90, 70, 95, null),
        ["csat"] = (null, 85, null, 80),
        ["nps"] = (null, 50, null, 30),
        ["ces"] = (null, 5, null, 4),
        ["sentiment"] = (null, 80, null, 60),
        ["fcr"] = (null, 70, null, 50),
        ["resolutionRate"] = (null, 80, null, 60),
        ["firstReplyWithinTarget"] = (null, 90, null, 80),
        ["ticketsBreached"] = (0, null, 10, null),
    };

    [Fact]
    public async Task GetCatalog_ListsEveryContactAndAgentKpiOnce()
    {
        var catalog = await CatalogAsync();
        var ids = Kpis(catalog).Select(kpi => (string)kpi["id"]!).ToList();

        Assert.Superset(
            new HashSet<string>(
            [
                "offered", "answered", "abandoned", "shortAbandoned", "abandonRate", "answerRate", "serviceLevel", "asa",
                "avgAbandonTime", "maxWait", "handled", "aht", "avgTalk", "avgHold", "avgWrap", "transferRate", "escalationRate",
                "repeatContactRate", "fcr", "upsellRate", "saveRate", "occupancy", "contactsWaiting", "longestWait",
                "agentsAvailable", "agentsBusy", "agentsWrapup", "agentsAway", "agentsOnline",
            ]),
            ids.ToHashSet());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["now", "5m", "15m", "30m", "60m", "today"], catalog["windows"]!.AsArray().Select(window => (string)window!));
    }

    [Fact]
    public async Task GetCatalog_EveryKpi_HasLabelUnitWindowsDirectionAndFormula()
    {
        var catalog = await CatalogAsync();

        Assert.All(Kpis(catalog), kpi =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)kpi["label"]));
            Assert.Contains((string)kpi["unit"]!, new[] { "count", "percent", "seconds", "score", "average" });
            Assert.Contains((string)kpi["direction"]!, new[] { "higherIsBetter", "lowerIsBetter", "neutral", "band" });
            Assert.False(string.IsNullOrWhiteSpace((string?)kpi["formula"]));
            var windows = kpi["windows"]!.AsArray().Select(window => (string)window!).ToArray();
            Assert.Equal(kpi["measuredAt"]!.ToString() == "now" ? ["now"] : Rolling, windows);
        });
    }

    [Theory]
    [InlineData("offered", "Offered", "count", "neutral", "count of contact.queued")]
    [InlineData("abandonRate", "Abandon rate", "percent", "lowerIsBetter", "(abandoned − shortAbandoned) / (answered + abandoned − shortAbandoned) × 100")]
    [InlineData("serviceLevel", "Service level", "percent", "higherIsBetter", "answered with wait ≤ T_sl / (answered + abandoned − shortAbandoned) × 100")]
    [InlineData("asa", "Average speed of answer", "seconds", "lowerIsBetter", "mean wait of answered contacts")]
    [InlineData("longestWait", "Longest waiting now", "seconds", "lowerIsBetter", "N − queued T of the oldest waiting contact; null when none waits")]
    [InlineData("occupancy", "Occupancy", "percent", "band",
        "seconds in busy + wrapup / seconds in busy + wrapup + available × 100, summed over the scope's agents, each interval clipped to the window")]
    public async Task GetCatalog_Entry_DescribesTheKpi(string id, string label, string unit, string direction, string formula)
    {
        var kpi = Kpis(await CatalogAsync()).Single(entry => (string)entry["id"]! == id);

        Assert.Equal(label, (string)kpi["label"]!);
        Assert.Equal(unit, (string)kpi["unit"]!);
        Assert.Equal(direction, (string)kpi["direction"]!);
        Assert.Equal(formula, (string)kpi["formula"]!);
    }

    [Theory]
    [InlineData("abandonRate", 8.0, null, 10.0, null)]
    [InlineData("serviceLevel", null, 80.0, null, 70.0)]
    [InlineData("longestWait", 60.0, null, 120.0, null)]
    [InlineData("occupancy", 90.0, 70.0, 95.0, null)]
    [InlineData("fcr", null, 70.0, null, 50.0)]
    public async Task GetCatalog_Thresholds_MatchTheSpecDefaults(string id, double? warningAbove, double? warningBelow, double? criticalAbove, double? criticalBelow)
    {
        var kpi = Kpis(await CatalogAsync()).Single(entry => (string)entry["id"]! == id);

        var thresholds = kpi["thresholds"]!;
        Assert.Equal(warningAbove, (double?)thresholds["warning"]!["above"]);
        Assert.Equal(warningBelow, (double?)thresholds["warning"]!["below"]);
        Assert.Equal(criticalAbove, (double?)thresholds["critical"]!["above"]);
        Assert.Equal(criticalBelow, (double?)thresholds["critical"]!["below"]);
    }

    [Fact]
    public async Task GetCatalog_EveryKpi_HasTheSpecDefaultThresholdsOrNone()
    {
        var catalog = await CatalogAsync();

        Assert.All(Kpis(catalog), kpi =>
        {
            var thresholds = kpi["thresholds"];
            if (!SpecThresholds.TryGetValue((string)kpi["id"]!, out var expected))
            {
                Assert.Null(thresholds);
                return;
            }

            Assert.Equal(
                expected,
                ((double?)thresholds!["warning"]!["above"], (double?)thresholds["warning"]!["below"],
                    (double?)thresholds["critical"]!["above"], (double?)thresholds["critical"]!["below"]));
        });
    }

    [Fact]
    public async Task GetCatalog_Settings_AreTheDefaults()
    {
        var settings = (await CatalogAsync())["settings"]!;

        Assert.Equal(20, (double)settings["serviceLevelThresholdSeconds"]!);
        Assert.Equal(5, (double)settings["shortAbandonThresholdSeconds"]!);
        Assert.Equal(86400, (double)settings["repeatContactHorizonSeconds"]!);
        Assert.Equal(300, (double)settings["allowedLatenessSeconds"]!);
        Assert.Equal("UTC", (string)settings["timeZone"]!);
        Assert.Equal("event", (string)settings["clock"]!);
    }

    private async Task<JsonObject> CatalogAsync()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        return (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/catalog", UriKind.Relative), TestContext.Current.CancellationToken))!;
    }

    private static IEnumerable<JsonNode> Kpis(JsonObject catalog) => catalog["kpis"]!.AsArray().Select(kpi => kpi!);
}
