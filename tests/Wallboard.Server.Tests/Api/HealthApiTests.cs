using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
}
