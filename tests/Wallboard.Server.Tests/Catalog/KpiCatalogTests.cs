using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Catalog;

/// <summary>
/// The catalog lists every KPI the engine produces and nothing else: <c>GET /api/v1/catalog</c>, the value keys
/// of <c>GET /api/v1/kpis</c> and <see cref="KpiCatalog.All"/> name the same KPIs, and the thresholds are those of
/// <c>docs/kpis.md</c>.
/// </summary>
public class KpiCatalogTests(RedisFixture redis)
{
    private static readonly string[] ReadWindows = ["now", "5m", "60m", "today"];

    [Fact]
    public async Task All_AfterEveryEventType_IsExactlyTheCatalogAndTheValueKeysOfEveryWindow()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        ApiCountsAccepted(await EventJson.PostAsync(client, ContractEvents.EveryType()), ContractEvents.EveryType().Length);
        var catalog = await CatalogAsync(client);

        var produced = new SortedSet<string>(StringComparer.Ordinal);
        var external = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var window in ReadWindows)
        {
            var keys = (await EventJson.KpisAsync(client, "all", window))["values"]!.AsObject().Select(pair => pair.Key).ToList();
            produced.UnionWith(keys.Where(key => !key.StartsWith("ext.", StringComparison.Ordinal)));
            external.UnionWith(keys.Where(key => key.StartsWith("ext.", StringComparison.Ordinal)));
        }

        var catalogIds = catalog.Select(entry => (string)entry["id"]!).ToList();
        Assert.Equal(KpiCatalog.All.Select(kpi => kpi.Name), catalogIds);
        Assert.Equal(catalogIds.Order(StringComparer.Ordinal), produced);
        Assert.Equal(["ext.churnRate"], external);
    }

    [Theory]
    [InlineData("now")]
    [InlineData("5m")]
    [InlineData("60m")]
    [InlineData("today")]
    public async Task All_EachWindow_HasTheValueKeysOfTheCatalogEntriesListingThatWindow(string window)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, ContractEvents.EveryType());
        var catalog = await CatalogAsync(client);

        var keys = (await EventJson.KpisAsync(client, "channel:chat", window))["values"]!.AsObject().Select(pair => pair.Key);

        var listing = catalog.Where(entry => entry["windows"]!.AsArray().Any(listed => (string)listed! == window)).Select(entry => (string)entry["id"]!);
        Assert.Equal(listing.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task All_Thresholds_AreTheDefaultTableOfTheKpisDocument()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var catalog = await CatalogAsync(client);

        var documented = KpisDocument.Load().Table("## Default thresholds")
            .Select(row => (Id: KpisDocument.Code(row[0]).Single(), Warning: Level(row[1]), Critical: Level(row[2])))
            .ToList();
        var served = catalog.Where(entry => entry["thresholds"] is not null)
            .Select(entry => ((string)entry["id"]!, Level(entry["thresholds"]!["warning"]), Level(entry["thresholds"]!["critical"])))
            .ToList();

        Assert.Equal(
            ["abandonRate", "serviceLevel", "longestWait", "occupancy", "csat", "nps", "ces", "sentiment", "fcr", "resolutionRate", "firstReplyWithinTarget", "ticketsBreached"],
            documented.Select(row => row.Id));
        Assert.Equal(documented.OrderBy(row => row.Id, StringComparer.Ordinal), served.OrderBy(row => row.Item1, StringComparer.Ordinal));
        Assert.Equal((8.0, (double?)null), documented[0].Warning);
        Assert.Equal((90.0, 70.0), documented[3].Warning);
        Assert.Equal((null, 4.0), documented[6].Critical);
        Assert.Equal((0.0, null), documented[11].Warning);
    }

    [Fact]
    public async Task All_Settings_AreTheDefaultsTheKpisDocumentNames()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var body = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/catalog", UriKind.Relative), TestContext.Current.CancellationToken))!;

        var settings = body["settings"]!;
        Assert.Equal(20, (double)settings["serviceLevelThresholdSeconds"]!);
        Assert.Equal(5, (double)settings["shortAbandonThresholdSeconds"]!);
        Assert.Equal(86400, (double)settings["repeatContactHorizonSeconds"]!);
        var documented = KpisDocument.Load().Table("## Settings that change values").ToDictionary(row => row[0], row => row[2]);
        Assert.Equal("`00:00:20`", documented["service-level threshold T_sl"]);
        Assert.Equal("`00:00:05`", documented["short-abandon threshold T_short"]);
        Assert.Equal("`1.00:00:00` (86400 s)", documented["repeat-contact horizon"]);
        Assert.Equal("chat 120 s, sms 300 s, social 3600 s, email 3600 s; others 3600 s", documented["first-reply target per channel"]);
        Assert.Equal("`00:15:00` (900 s)", documented["at-risk horizon"]);
        Assert.Equal("`1.00:00:00` (86400 s)", documented["aged-backlog age"]);
        Assert.Equal("10 answers", documented["minimum sample"]);
    }

    private static void ApiCountsAccepted(JsonObject response, int accepted)
    {
        Assert.Equal(accepted, (int)response["accepted"]!);
        Assert.Empty(response["rejected"]!.AsArray());
    }

    private static async Task<List<JsonNode>> CatalogAsync(HttpClient client)
    {
        var body = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/catalog", UriKind.Relative), TestContext.Current.CancellationToken))!;
        return [.. body["kpis"]!.AsArray().Select(entry => entry!)];
    }

    private static (double? Above, double? Below) Level(JsonNode? level) =>
        level is null ? (null, null) : ((double?)level["above"], (double?)level["below"]);

    // "> 90 or < 70" reads as above 90 or below 70.
    private static (double? Above, double? Below) Level(string cell)
    {
        double? above = null;
        double? below = null;
        foreach (var part in cell.Split(" or ", StringSplitOptions.TrimEntries))
        {
            var number = double.Parse(part[1..], CultureInfo.InvariantCulture);
            if (part[0] == '>')
            {
                above = number;
            }
            else
            {
                Assert.Equal('<', part[0]);
                below = number;
            }
        }

        return (above, below);
    }
}
