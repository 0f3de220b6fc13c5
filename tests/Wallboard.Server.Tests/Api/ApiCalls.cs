using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Api;

/// <summary>Raw HTTP calls as an outside producer or reader makes them, and the checks the API tests share.</summary>
public static class ApiCalls
{
    private static readonly (string Scope, string Window)[] ObservedRows =
        [("all", "now"), ("all", "5m"), ("all", "60m"), ("all", "today"), ("queue:sales", "5m"), ("queue:sales", "today")];

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string pathAndQuery) =>
        client.GetAsync(new Uri(pathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>Asserts a 202 and returns the ingest response.</summary>
    public static async Task<JsonObject> AcceptedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Asserts an RFC 7807 problem with this status and returns its title and detail.</summary>
    public static async Task<(string Title, string Detail)> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal((int)status, (int)problem["status"]!);
        return ((string)problem["title"]!, (string)problem["detail"]!);
    }

    /// <summary>Asserts the counts of an ingest response and returns its rejections as (index, id, error).</summary>
    public static List<(int Index, string? Id, string Error)> Counts(JsonObject response, int accepted, int duplicates = 0, int late = 0)
    {
        Assert.Equal(accepted, (int)response["accepted"]!);
        Assert.Equal(duplicates, (int)response["duplicates"]!);
        Assert.Equal(late, (int)response["late"]!);
        return [.. response["rejected"]!.AsArray().Select(entry => ((int)entry!["index"]!, (string?)entry["id"], (string)entry["error"]!))];
    }

    /// <summary>What a board could see: a few scope × window rows and the scope list, as one string to compare before and after.</summary>
    public static async Task<string> ObservableStateAsync(HttpClient client)
    {
        var state = new StringBuilder();
        foreach (var (scope, window) in ObservedRows)
        {
            state.AppendLine((await EventJson.KpisAsync(client, scope, window)).ToJsonString());
        }

        state.AppendLine(await client.GetStringAsync(new Uri("/api/v1/scopes", UriKind.Relative), TestContext.Current.CancellationToken));
        return state.ToString();
    }

    /// <summary>The number of entries in the server's event log (one per request that carried valid events).</summary>
    public static async Task<long> LogLengthAsync(RedisServer redis, WallboardApplication app)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        return await connection.GetDatabase().StreamLengthAsync(app.KeyPrefix + "events");
    }

    public static double? Value(JsonObject kpis, string kpi) => (double?)kpis["values"]![kpi];
}
