using System.Net;
using Wallboard.Server.Tests.Api;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Ingestion;

/// <summary>The three body forms of <c>POST /api/v1/events</c>: one object, a JSON array, NDJSON.</summary>
public class IngestionFormatsTests(RedisFixture redis)
{
    [Fact]
    public async Task Post_SingleObject_AppliesTheEvent()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, EventJson.Queued("q1", 0, "c1").ToJsonString()));

        Assert.Empty(ApiCalls.Counts(response, accepted: 1));
        Assert.Equal(1, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
    }

    [Fact]
    public async Task Post_JsonArray_AppliesEveryEvent()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await EventJson.PostAsync(
            client, EventJson.Queued("q1", 0, "c1"), EventJson.Queued("q2", 1, "c2"), EventJson.Answered("a1", 4, "c1"));

        Assert.Empty(ApiCalls.Counts(response, accepted: 3));
        var sales = await EventJson.KpisAsync(client, "queue:sales", "5m");
        Assert.Equal(2, ApiCalls.Value(sales, "offered"));
        Assert.Equal(1, ApiCalls.Value(sales, "answered"));
        Assert.Equal(4, ApiCalls.Value(sales, "asa"));
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/x-ndjson; charset=utf-8")]
    [InlineData("application/jsonl")]
    public async Task Post_Ndjson_AppliesEveryLine(string contentType)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(
            client, Lines(EventJson.Queued("q1", 0, "c1").ToJsonString(), EventJson.Queued("q2", 1, "c2").ToJsonString()), contentType));

        Assert.Empty(ApiCalls.Counts(response, accepted: 2));
        Assert.Equal(2, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
    }

    [Fact]
    public async Task Post_NdjsonWithABadLineInTheMiddle_RejectsThatLineAndAppliesTheOthers()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var body = Lines(
            EventJson.Queued("q1", 0, "c1").ToJsonString(),
            """{"id":"q2","type":"contact.queued",""",
            EventJson.Queued("q3", 2, "c3").ToJsonString(),
            """{"id":"q4","type":"contact.queued","ts":"2026-11-23T09:00:03Z","contactId":"c4","queue":"sales"}""",
            EventJson.Queued("q5", 4, "c5").ToJsonString());

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, body, "application/x-ndjson"));

        Assert.Equal(
            [
                (1, null, "not valid JSON: Expected start of a property name or value, but instead reached end of data. LineNumber: 0 | BytePositionInLine: 34."),
                (3, "q4", "missing required field 'channel'"),
            ],
            ApiCalls.Counts(response, accepted: 3));
        Assert.Equal(3, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
    }

    [Fact]
    public async Task Post_NdjsonWithBlankLines_IgnoresThemAndCountsIndexesByEvent()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var body = "\n\n" + EventJson.Queued("q1", 0, "c1").ToJsonString() + "\n   \n\t\n"
            + """{"id":"q2","type":"contact.queued","ts":"2026-11-23T09:00:01"}""" + "\n\n"
            + EventJson.Queued("q3", 2, "c3").ToJsonString() + "\n\n";

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, body, "application/x-ndjson"));

        Assert.Equal(
            [(1, "q2", "'ts' must be an RFC 3339 timestamp with offset, got '2026-11-23T09:00:01'")],
            ApiCalls.Counts(response, accepted: 2));
        Assert.Equal(2, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
    }

    [Fact]
    public async Task Post_NdjsonWithCrlfLineEndings_AppliesEveryLine()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var body = EventJson.Queued("q1", 0, "c1").ToJsonString() + "\r\n"
            + EventJson.Queued("q2", 1, "c2").ToJsonString() + "\r\n"
            + "\r\n"
            + EventJson.Answered("a1", 3, "c2").ToJsonString();

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, body, "application/x-ndjson"));

        Assert.Empty(ApiCalls.Counts(response, accepted: 3));
        var sales = await EventJson.KpisAsync(client, "queue:sales", "5m");
        Assert.Equal(2, ApiCalls.Value(sales, "offered"));
        Assert.Equal(2, ApiCalls.Value(sales, "asa"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task Post_UnsupportedContentType_Answers415ProblemNamingTheAcceptedTypes(string contentType)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.PostAsync(client, EventJson.Queued("q1", 0, "c1").ToJsonString(), contentType);

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Unsupported Media Type", title);
        Assert.Equal("send events as application/json (one object or an array) or application/x-ndjson (one per line)", detail);
        Assert.Equal(0, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
    }

    [Fact]
    public async Task Post_NoContentType_IsReadAsJson()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(EventJson.Queued("q1", 0, "c1").ToJsonString()));

        var response = await ApiCalls.AcceptedAsync(
            await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content, TestContext.Current.CancellationToken));

        Assert.Empty(ApiCalls.Counts(response, accepted: 1));
    }

    [Fact]
    public async Task Post_NdjsonWithNoJsonLine_Answers400Problem()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.PostAsync(client, "id=q1&type=contact.queued\nid=q2&type=contact.queued\n", "application/x-ndjson");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The body is not JSON", title);
        Assert.Equal("no line of the NDJSON body is JSON; nothing of this request was applied", detail);
    }

    [Fact]
    public async Task Post_EmptyNdjson_Answers202WithZeros()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, "\n\r\n", "application/x-ndjson"));

        Assert.Empty(ApiCalls.Counts(response, accepted: 0));
    }

    [Fact]
    public async Task Post_NdjsonWithMoreLinesThanMaxBatchEvents_Answers413Problem()
    {
        await using var app = new WallboardApplication(redis.Server, settings => settings["Ingest:MaxBatchEvents"] = "2");
        var client = await app.ReadyClientAsync();
        var body = Lines([.. Enumerable.Range(1, 3).Select(i => EventJson.Queued($"q{i}", i, $"c{i}").ToJsonString())]);

        var response = await ApiCalls.PostAsync(client, body, "application/x-ndjson");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Too many events in one request", title);
        Assert.Equal("the request holds 3 or more events; at most 2 are allowed per request; nothing of this request was applied", detail);
        Assert.Equal(0, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
    }

    [Fact]
    public async Task Post_JsonArraySentAsNdjson_RejectsTheLineAsNotAnEvent()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var array = await EventJson.Array(EventJson.Queued("q1", 0, "c1")).ReadAsStringAsync(TestContext.Current.CancellationToken);

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, array, "application/x-ndjson"));

        Assert.Equal([(0, null, "event must be a JSON object, got array")], ApiCalls.Counts(response, accepted: 0));
    }

    [Theory]
    [InlineData("2026-11-23T09:00:05Z")]
    [InlineData("2026-11-23T09:00:05z")]
    [InlineData("2026-11-23T09:00:05.250Z")]
    [InlineData("2026-11-23T10:00:05+01:00")]
    [InlineData("2026-11-23T04:30:05.1234567-04:30")]
    [InlineData("2026-11-23 09:00:05Z")]
    public async Task Post_Rfc3339TimestampForms_AreAccepted(string ts)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var queued = EventJson.Queued("q1", 0, "c1");
        queued["ts"] = ts;

        var response = await EventJson.PostAsync(client, queued);

        Assert.Empty(ApiCalls.Counts(response, accepted: 1));
        var kpis = await EventJson.KpisAsync(client, "queue:sales", "5m");
        var asOf = DateTimeOffset.Parse((string)kpis["asOf"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(EventJson.Base.AddSeconds(5), asOf.AddTicks(-(asOf.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Fact]
    public async Task Post_UnknownExtraFields_AreIgnored()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var queued = EventJson.Queued("q1", 0, "c1");
        queued["source"] = "acd-7";
        queued["attributes"] = new System.Text.Json.Nodes.JsonObject { ["vip"] = true, ["tags"] = new System.Text.Json.Nodes.JsonArray("a", "b") };

        var response = await EventJson.PostAsync(client, queued);

        Assert.Empty(ApiCalls.Counts(response, accepted: 1));
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
