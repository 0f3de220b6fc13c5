using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Api;

public class KpiApiTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GetKpis_AfterContacts_AnswersScopeWindowAsOfAndExactValues()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client);

        var kpis = await EventJson.KpisAsync(client, "queue:sales", "5m");

        Assert.Equal("queue:sales", (string)kpis["scope"]!);
        Assert.Equal("5m", (string)kpis["window"]!);
        Assert.Equal(EventJson.Base.AddSeconds(100), DateTimeOffset.Parse((string)kpis["asOf"]!, CultureInfo.InvariantCulture));
        var expected = new Dictionary<string, double?>
        {
            ["offered"] = 2,
            ["answered"] = 1,
            ["abandoned"] = 1,
            ["shortAbandoned"] = 0,
            ["abandonRate"] = 50,
            ["answerRate"] = 50,
            ["serviceLevel"] = 50,
            ["asa"] = 12,
            ["avgAbandonTime"] = 30,
            ["maxWait"] = 30,
            ["handled"] = 1,
            ["aht"] = 88,
            ["avgTalk"] = 60,
            ["avgHold"] = 10,
            ["avgWrap"] = 18,
            ["transferRate"] = 0,
            ["escalationRate"] = 0,
            ["repeatContactRate"] = null,
            ["fcr"] = 100,
            ["upsellRate"] = null,
            ["saveRate"] = null,
            ["occupancy"] = null,
        };
        Assert.Equal(expected, Values(kpis).Where(pair => expected.ContainsKey(pair.Key)).ToDictionary());
    }

    [Theory]
    [InlineData("now")]
    [InlineData("5m")]
    [InlineData("15m")]
    [InlineData("30m")]
    [InlineData("60m")]
    [InlineData("today")]
    public async Task GetKpis_EachWindow_ListsEveryCatalogKpiOfThatWindow(string window)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client);
        var catalog = await CatalogAsync(client);

        var kpis = await EventJson.KpisAsync(client, "all", window);

        var applicable = catalog.Where(entry => entry.Windows.Contains(window)).Select(entry => entry.Id).Order(StringComparer.Ordinal);
        Assert.Equal(applicable, Values(kpis).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(window, (string)kpis["window"]!);
    }

    [Fact]
    public async Task GetKpis_NoQuery_AnswersAllInTheShortestSlidingWindow()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client);

        var kpis = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/kpis", UriKind.Relative), TestContext.Current.CancellationToken))!;

        Assert.Equal("all", (string)kpis["scope"]!);
        Assert.Equal("5m", (string)kpis["window"]!);
        Assert.Equal(2, ApiCalls.Value(kpis, "offered"));
    }

    [Theory]
    [InlineData("now")]
    [InlineData("5m")]
    [InlineData("today")]
    public async Task GetKpis_ScopeNeverSeen_AnswersZeroCountsAndNullRatios(string window)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client);
        var catalog = await CatalogAsync(client);

        var response = await ApiCalls.GetAsync(client, $"/api/v1/kpis?scope=queue:never&window={window}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kpis = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("queue:never", (string)kpis["scope"]!);
        var values = Values(kpis);
        Assert.Equal(
            catalog.Where(entry => entry.Windows.Contains(window)).Select(entry => entry.Id).Order(StringComparer.Ordinal),
            values.Keys.Order(StringComparer.Ordinal));
        Assert.All(values, pair => Assert.True(pair.Value is null or 0, $"{pair.Key} is {pair.Value}"));
        var counts = window == "now"
            ? new[] { "contactsWaiting", "agentsAvailable", "agentsBusy", "agentsWrapup", "agentsAway", "agentsOnline" }
            : ["offered", "answered", "abandoned", "shortAbandoned", "handled"];
        var ratios = window == "now"
            ? new[] { "longestWait" }
            : ["abandonRate", "answerRate", "serviceLevel", "asa", "avgAbandonTime", "maxWait", "aht", "transferRate", "fcr", "occupancy"];
        Assert.All(counts, kpi => Assert.Equal(0, values[kpi]));
        Assert.All(ratios, kpi => Assert.Null(values[kpi]));
    }

    [Theory]
    [InlineData("region:emea")]
    [InlineData("queue:")]
    [InlineData("sales")]
    [InlineData(":sales")]
    [InlineData("ALL")]
    public async Task GetKpis_MalformedScope_Answers400Problem(string scope)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.GetAsync(client, $"/api/v1/kpis?scope={Uri.EscapeDataString(scope)}&window=5m");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Unknown scope form", title);
        Assert.Equal($"scope '{scope}' is not 'all' or kind:name with kind one of queue, channel, team, agent, category", detail);
    }

    [Theory]
    [InlineData("7m")]
    [InlineData("1h")]
    [InlineData("05m")]
    [InlineData("Today")]
    public async Task GetKpis_UnknownWindow_Answers400ProblemListingTheWindows(string window)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.GetAsync(client, $"/api/v1/kpis?scope=all&window={window}");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Unknown window", title);
        Assert.Equal($"window '{window}' is not one of now, 5m, 15m, 30m, 60m, today", detail);
    }

    [Fact]
    public async Task GetScopes_AfterEvents_ListsTheScopesSeen()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client);
        await EventJson.PostAsync(client, EventJson.Queued("q9", 101, "c9", queue: "support", channel: "chat"));

        var scopes = await ScopesAsync(client);

        Assert.Equal(["agent:a1", "all", "channel:chat", "channel:voice", "queue:sales", "queue:support"], scopes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetScopes_NoEvents_ListsOnlyAll()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        Assert.Equal(["all"], await ScopesAsync(client));
    }

    [Fact]
    public async Task KpiHashInRedis_AfterTheBroadcast_HoldsTheSameValuesAsGetKpis()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client);
        var kpis = await EventJson.KpisAsync(client, "queue:sales", "5m");
        var expected = Values(kpis)
            .Select(pair => (pair.Key, pair.Value is { } value ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty))
            .Append(("_asOf", DateTimeOffset.Parse((string)kpis["asOf"]!, CultureInfo.InvariantCulture).ToString("O", CultureInfo.InvariantCulture)))
            .Order()
            .ToList();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var key = app.KeyPrefix + "kpi:queue:sales:5m";

        async Task<List<(string, string)>> HashAsync() =>
            [.. (await database.HashGetAllAsync(key)).Select(entry => ((string)entry.Name!, (string)entry.Value!)).Order()];

        await Eventually.TrueAsync(async () => (await HashAsync()).SequenceEqual(expected), Timeout, $"{key} holds the values of GET /api/v1/kpis");
        Assert.Equal(expected, await HashAsync());
        Assert.Equal("2", (string?)await database.HashGetAsync(key, "offered"));
        Assert.Equal(string.Empty, (string?)await database.HashGetAsync(key, "upsellRate"));
        var timeToLive = await database.KeyTimeToLiveAsync(key);
        Assert.InRange(timeToLive!.Value, TimeSpan.FromDays(2) - Timeout, TimeSpan.FromDays(2));
    }

    [Fact]
    public async Task ScopeSetInRedis_AfterTheBroadcast_HoldsTheScopesOfGetScopes()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client);
        var scopes = (await ScopesAsync(client)).Order(StringComparer.Ordinal).ToList();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var key = app.KeyPrefix + "scopes";

        async Task<List<string>> SetAsync() => [.. (await database.SetMembersAsync(key)).Select(member => (string)member!).Order(StringComparer.Ordinal)];

        await Eventually.TrueAsync(async () => (await SetAsync()).SequenceEqual(scopes), Timeout, $"{key} holds the scopes of GET /api/v1/scopes");
        Assert.Equal(["agent:a1", "all", "channel:voice", "queue:sales"], await SetAsync());
    }

    // A contact answered in 12 s and handled, and one abandoned after 30 s: every contact KPI has a value.
    private static async Task PostContactsAsync(HttpClient client)
    {
        var completed = new JsonObject
        {
            ["id"] = "d1",
            ["type"] = "contact.completed",
            ["ts"] = EventJson.Ts(100),
            ["contactId"] = "c1",
            ["agentId"] = "a1",
            ["talkSeconds"] = 60,
            ["holdSeconds"] = 10,
            ["wrapSeconds"] = 18,
            ["resolved"] = true,
        };
        await EventJson.PostAsync(
            client,
            EventJson.Queued("q1", 0, "c1"),
            EventJson.Queued("q2", 1, "c2"),
            EventJson.Answered("a1", 12, "c1"),
            EventJson.Abandoned("x2", 31, "c2"),
            completed);
    }

    private static Dictionary<string, double?> Values(JsonObject kpis) =>
        kpis["values"]!.AsObject().ToDictionary(pair => pair.Key, pair => (double?)pair.Value);

    private static async Task<List<string>> ScopesAsync(HttpClient client)
    {
        var body = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/scopes", UriKind.Relative), TestContext.Current.CancellationToken))!;
        return [.. body["scopes"]!.AsArray().Select(scope => (string)scope!)];
    }

    private static async Task<List<(string Id, List<string> Windows)>> CatalogAsync(HttpClient client)
    {
        var catalog = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/catalog", UriKind.Relative), TestContext.Current.CancellationToken))!;
        return [.. catalog["kpis"]!.AsArray().Select(entry =>
            ((string)entry!["id"]!, entry["windows"]!.AsArray().Select(window => (string)window!).ToList()))];
    }
}
