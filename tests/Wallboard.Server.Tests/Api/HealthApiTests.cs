using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Api;

public class HealthApiTests(RedisFixture redis)
{
    [Fact]
    public async Task Healthz_ServerUp_Answers200Healthy()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = app.CreateClient();

        var response = await ApiCalls.GetAsync(client, "/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("healthy", (string)body["status"]!);
        Assert.Empty(body["checks"]!.AsObject());
    }

    [Fact]
    public async Task Readyz_RedisAnswers_Answers200Healthy()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.GetAsync(client, "/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("healthy", (string)body["status"]!);
        var check = body["checks"]!["engine-and-redis"]!;
        Assert.Equal("healthy", (string)check["status"]!);
        Assert.StartsWith("Redis answers in ", (string)check["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_RedisGone_Answers503Unhealthy()
    {
        await using var own = await RedisServer.StartOwnAsync();
        await using var app = new WallboardApplication(own);
        var client = await app.ReadyClientAsync();

        await own.KillAsync();

        HttpResponseMessage? response = null;
        await Eventually.TrueAsync(
            async () => (response = await ApiCalls.GetAsync(client, "/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(15),
            "/readyz answers 503 once Redis is gone");
        var body = (await response!.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal("unhealthy", (string)body["status"]!);
        Assert.StartsWith("Redis does not answer: ", (string)body["checks"]!["engine-and-redis"]!["description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_KpiHashWriteFails_DegradedWhileEventsAreTakenAndBoardsStayLive()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = new WallboardApplication(redis.Server);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var blocked = (RedisKey)(app.KeyPrefix + "kpi:all:5m");

        // Another tool wrote a string where the server keeps the hash of one row: every write of it fails.
        await database.StringSetAsync(blocked, "not a hash");
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"));
        JsonObject? degraded = null;
        await Eventually.TrueAsync(
            async () => (degraded = await ReadinessAsync(client, HttpStatusCode.OK)) is { } body && (string)body["status"]! == "degraded",
            TimeSpan.FromSeconds(15),
            "/readyz answers 200 degraded");

        var description = (string)degraded!["checks"]!["engine-and-redis"]!["description"]!;
        Assert.StartsWith("Redis answers in ", description, StringComparison.Ordinal);
        Assert.Contains(", but the last write of KPI rows or of a checkpoint failed: RedisServerException: WRONGTYPE", description, StringComparison.Ordinal);
        var accepted = await EventJson.PostAsync(client, EventJson.Queued("q2", 1, "c2"));
        Assert.Equal(1, (int)accepted["accepted"]!);
        await using var hub = app.CreateHubConnection();
        await hub.StartAsync(cancellation);
        var snapshot = await hub.InvokeAsync<KpiUpdate>(nameof(WallboardHub.Subscribe), new SubscribeRequest(["all"], ["5m"]), cancellation);
        Assert.False(snapshot.Stale);
        Assert.Equal(2, snapshot.Rows.Single().Values["offered"]);

        // Cleared, the row is written on a following tick and readiness is healthy again.
        await database.KeyDeleteAsync(blocked);
        await Eventually.TrueAsync(
            async () => await database.HashGetAsync(blocked, "offered") == "2",
            TimeSpan.FromSeconds(15),
            "the hash of all × 5m holds offered = 2");
        await Eventually.TrueAsync(
            async () => await ReadinessAsync(client, HttpStatusCode.OK) is { } body && (string)body["status"]! == "healthy",
            TimeSpan.FromSeconds(15),
            "/readyz answers 200 healthy again");
    }

    private static async Task<JsonObject?> ReadinessAsync(HttpClient client, HttpStatusCode expected)
    {
        using var response = await ApiCalls.GetAsync(client, "/readyz");
        return response.StatusCode == expected
            ? await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken)
            : null;
    }
}
