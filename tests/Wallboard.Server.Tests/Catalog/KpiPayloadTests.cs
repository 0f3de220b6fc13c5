using System.Text.Json.Nodes;
using StackExchange.Redis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Catalog;

/// <summary>Outside figures (<c>ext.&lt;name&gt;</c>) and the <c>lowSample</c> flag, as <c>GET /api/v1/kpis</c> shows them.</summary>
public class KpiPayloadTests(RedisFixture redis)
{
    [Fact]
    public async Task Values_MetricRecordedWithoutScope_IsExtNameInTheNowWindowOfAllOnly()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await EventJson.PostAsync(client, Metric("m1", 10, "churnRate", 2.4));

        Assert.Equal(1, (int)response["accepted"]!);
        Assert.Equal(2.4, ApiValue(await EventJson.KpisAsync(client, "all", "now"), "ext.churnRate"));
        Assert.False(Values(await EventJson.KpisAsync(client, "all", "5m")).ContainsKey("ext.churnRate"));
        Assert.False(Values(await EventJson.KpisAsync(client, "all", "today")).ContainsKey("ext.churnRate"));
        Assert.False(Values(await EventJson.KpisAsync(client, "queue:sales", "now")).ContainsKey("ext.churnRate"));
    }

    [Fact]
    public async Task Values_MetricRecordedWithScope_IsExtNameInTheNowWindowOfThatScopeOnly()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        await EventJson.PostAsync(client, Metric("m1", 10, "agentTurnover", 4.5, "team:north"), Metric("m2", 10, "agentTurnover", 7, "team:south"));

        Assert.Equal(4.5, ApiValue(await EventJson.KpisAsync(client, "team:north", "now"), "ext.agentTurnover"));
        Assert.Equal(7, ApiValue(await EventJson.KpisAsync(client, "team:south", "now"), "ext.agentTurnover"));
        Assert.False(Values(await EventJson.KpisAsync(client, "all", "now")).ContainsKey("ext.agentTurnover"));
    }

    [Fact]
    public async Task Values_MetricsOfOneName_TheLatestByTsWinsWhateverTheArrivalOrder()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        await EventJson.PostAsync(client, Metric("m1", 100, "costPerTicket", 6.8));
        var older = await EventJson.PostAsync(client, Metric("m2", 50, "costPerTicket", 9.1));
        var afterOlder = ApiValue(await EventJson.KpisAsync(client, "all", "now"), "ext.costPerTicket");
        await EventJson.PostAsync(client, Metric("m3", 200, "costPerTicket", 7.25));

        Assert.Equal(1, (int)older["accepted"]!);
        Assert.Equal(6.8, afterOlder);
        Assert.Equal(7.25, ApiValue(await EventJson.KpisAsync(client, "all", "now"), "ext.costPerTicket"));
    }

    [Fact]
    public async Task Ingest_MetricWithABadScope_IsRejectedWithTheReasonAndShowsNowhere()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await EventJson.PostAsync(
            client, Metric("m1", 10, "marketShare", 12.5, "region:emea"), Metric("m2", 10, "brandEquity", 68));

        Assert.Equal(1, (int)response["accepted"]!);
        var rejected = Assert.Single(response["rejected"]!.AsArray())!;
        Assert.Equal(0, (int)rejected["index"]!);
        Assert.Equal("m1", (string)rejected["id"]!);
        Assert.Equal("field 'scope' must be 'all' or kind:name (queue, channel, team, agent, category), got 'region:emea'", (string)rejected["error"]!);
        var now = Values(await EventJson.KpisAsync(client, "all", "now"));
        Assert.Equal(68, now["ext.brandEquity"]);
        Assert.Equal(["ext.brandEquity"], now.Keys.Where(key => key.StartsWith("ext.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KpiHashInRedis_MetricRecorded_HoldsTheExtValueLikeGetKpis()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var key = app.KeyPrefix + "kpi:all:now";

        await EventJson.PostAsync(client, Metric("m1", 10, "churnRate", 2.4));
        await Eventually.TrueAsync(async () => (string?)await database.HashGetAsync(key, "ext.churnRate") == "2.4", TimeSpan.FromSeconds(10), $"{key} holds ext.churnRate 2.4");
        await EventJson.PostAsync(client, Metric("m2", 20, "churnRate", 2.25));
        await Eventually.TrueAsync(async () => (string?)await database.HashGetAsync(key, "ext.churnRate") == "2.25", TimeSpan.FromSeconds(10), $"{key} holds ext.churnRate 2.25");

        Assert.Equal(2.25, ApiValue(await EventJson.KpisAsync(client, "all", "now"), "ext.churnRate"));
        Assert.Equal("2.25", (string?)await database.HashGetAsync(key, "ext.churnRate"));
    }

    [Fact]
    public async Task LowSample_CsatBelowTheMinimumSample_ListsCsatAndCsatAvgUntilTheMinimumIsReached()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var scores = new[] { 5, 4, 2, 5, 5, 3, 4, 1, 5, 4 };

        await EventJson.PostAsync(client, [.. scores.Take(9).Select((score, i) => Csat($"v{i}", i, score))]);
        var below = await EventJson.KpisAsync(client, "all", "5m");
        await EventJson.PostAsync(client, Csat("v9", 9, scores[9]));
        var at = await EventJson.KpisAsync(client, "all", "5m");

        Assert.Equal(["csat", "csatAvg"], below["lowSample"]!.AsArray().Select(kpi => (string)kpi!));
        Assert.Equal(100.0 * 6 / 9, ApiValue(below, "csat"));
        Assert.Equal(34.0 / 9, ApiValue(below, "csatAvg"));
        Assert.Equal(9, ApiValue(below, "csatResponses"));
        Assert.False(at.ContainsKey("lowSample"));
        Assert.Equal(70, ApiValue(at, "csat"));
        Assert.Equal(3.8, ApiValue(at, "csatAvg"));
        Assert.Equal(10, ApiValue(at, "csatResponses"));
    }

    [Fact]
    public async Task LowSample_NoAnswers_IsOmittedBecauseThereIsNoValue()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"));
        var kpis = await EventJson.KpisAsync(client, "all", "5m");

        Assert.False(kpis.ContainsKey("lowSample"));
        Assert.Null(ApiValue(kpis, "csat"));
        Assert.Equal(0, ApiValue(kpis, "csatResponses"));
    }

    private static JsonObject Metric(string id, double at, string name, double value, string? scope = null) =>
        scope is null
            ? ContractEvents.Event(id, "metric.recorded", at, new { name, value })
            : ContractEvents.Event(id, "metric.recorded", at, new { name, value, scope });

    private static JsonObject Csat(string id, double at, int score) =>
        ContractEvents.Event(id, "survey.responded", at, new { survey = "csat", score });

    private static double? ApiValue(JsonObject kpis, string kpi) => (double?)kpis["values"]![kpi];

    private static Dictionary<string, double?> Values(JsonObject kpis) =>
        kpis["values"]!.AsObject().ToDictionary(pair => pair.Key, pair => (double?)pair.Value);
}
