using System.Net;
using System.Text.Json;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Api;

public class OpenApiDocumentTests(RedisFixture redis)
{
    [Fact]
    public async Task OpenApiJson_Get_IsAJsonDocumentListingThePublicPaths()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = app.CreateClient();

        var response = await ApiCalls.GetAsync(client, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        var ingest = paths.GetProperty("/api/v1/events").GetProperty("post");
        Assert.Equal(["202", "400", "413", "415", "503"], ingest.GetProperty("responses").EnumerateObject().Select(status => status.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["application/json", "application/jsonl", "application/x-ndjson"],
            ingest.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(type => type.Name).Order(StringComparer.Ordinal));
        var kpis = paths.GetProperty("/api/v1/kpis").GetProperty("get");
        var parameters = kpis.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).ToList();
        Assert.Contains("scope", parameters);
        Assert.Contains("window", parameters);
        Assert.True(paths.TryGetProperty("/api/v1/scopes", out _));
        Assert.True(paths.TryGetProperty("/api/v1/catalog", out _));
    }
}
