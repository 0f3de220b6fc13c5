using System.Net;
using System.Reactive.Concurrency;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Wallboard.Server.Tests.Api;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Ingestion;

/// <summary>
/// What a producer gets back for every kind of bad input, word for word, and proof that nothing bad
/// reached the KPIs: a refused body leaves the state and the event log as they were; a refused event
/// leaves out only itself.
/// </summary>
public class IngestionBadInputTests(RedisFixture redis)
{
    private const string NothingApplied = "; nothing of this request was applied";

    [Fact]
    public async Task Post_BodyNotJson_Answers400ProblemAndAppliesNothing()
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, before, logBefore) = await StartWithOneContactAsync(app);

        var response = await ApiCalls.PostAsync(client, "<event id=\"q1\"/>");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The body is not JSON", title);
        Assert.Equal("'<' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0." + NothingApplied, detail);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Fact]
    public async Task Post_TruncatedJson_Answers400ProblemAndAppliesNothing()
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, before, logBefore) = await StartWithOneContactAsync(app);
        var complete = EventJson.Array(EventJson.Queued("q1", 1, "c1"), EventJson.Queued("q2", 2, "c2"));
        var text = await complete.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var response = await ApiCalls.PostAsync(client, text[..^20]);

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The body is not JSON", title);
        Assert.StartsWith("Expected depth to be zero at the end of the JSON payload.", detail, StringComparison.Ordinal);
        Assert.EndsWith(NothingApplied, detail, StringComparison.Ordinal);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t\n")]
    public async Task Post_EmptyBody_Answers400ProblemAndAppliesNothing(string body)
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, before, logBefore) = await StartWithOneContactAsync(app);

        var response = await ApiCalls.PostAsync(client, body);

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The body is not JSON", title);
        Assert.Equal("the body is empty" + NothingApplied, detail);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Theory]
    [InlineData("\"q1\"", "got string")]
    [InlineData("42", "got number")]
    [InlineData("null", "got null")]
    [InlineData("true", "got true")]
    public async Task Post_BodyJsonButNotEvents_Answers400ProblemAndAppliesNothing(string body, string got)
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, before, logBefore) = await StartWithOneContactAsync(app);

        var response = await ApiCalls.PostAsync(client, body);

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The body is not an event or an array of events", title);
        Assert.Equal("the body must be an event object or an array of events, " + got + NothingApplied, detail);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Theory]
    [InlineData("""{"id":"q1","type":"contact.queued","ts":"2026-11-23T09:00:01Z","contactId":42,"queue":"sales","channel":"voice"}""",
        "q1", "field 'contactId' must be a string, got number")]
    [InlineData("""{"id":"q1","type":"contact.queued","ts":"2026-11-23T09:00:01Z","contactId":"c1","queue":["sales"],"channel":"voice"}""",
        "q1", "field 'queue' must be a string, got array")]
    [InlineData("""{"id":7,"type":"contact.queued","ts":"2026-11-23T09:00:01Z","contactId":"c1","queue":"sales","channel":"voice"}""",
        null, "field 'id' must be a string, got number")]
    [InlineData("""{"id":"q1","type":"contact.queued","ts":1795424401000,"contactId":"c1","queue":"sales","channel":"voice"}""",
        "q1", "field 'ts' must be a string, got number")]
    [InlineData("""{"id":"t1","type":"contact.transferred","ts":"2026-11-23T09:00:01Z","contactId":"c0","escalation":"yes"}""",
        "t1", "field 'escalation' must be a boolean, got string")]
    [InlineData("""{"id":"d1","type":"contact.completed","ts":"2026-11-23T09:00:01Z","contactId":"c0","agentId":"a1","talkSeconds":"30","holdSeconds":0,"wrapSeconds":5}""",
        "d1", "field 'talkSeconds' must be a number, got string")]
    [InlineData("""{"id":"s1","type":"agent.state","ts":"2026-11-23T09:00:01Z","agentId":"a1","state":"available","queues":"sales"}""",
        "s1", "field 'queues' must be an array, got string")]
    [InlineData("""{"id":"d1","type":"contact.completed","ts":"2026-11-23T09:00:01Z","contactId":"c0","agentId":"a1","talkSeconds":30,"holdSeconds":0,"wrapSeconds":5,"outcome":{"saved":1}}""",
        "d1", "field 'outcome.saved' must be a boolean, got number")]
    public async Task Post_FieldOfWrongJsonType_RejectsThatEventWithReason(string badEvent, string? id, string error)
    {
        await AssertEventRejectedAloneAsync(badEvent, id, error);
    }

    [Theory]
    [InlineData("""{"type":"contact.queued","ts":"2026-11-23T09:00:01Z","contactId":"c1","queue":"sales","channel":"voice"}""",
        null, "missing required field 'id'")]
    [InlineData("""{"id":"q1","ts":"2026-11-23T09:00:01Z","contactId":"c1","queue":"sales","channel":"voice"}""",
        "q1", "missing required field 'type'")]
    [InlineData("""{"id":"q1","type":"contact.queued","contactId":"c1","queue":"sales","channel":"voice"}""",
        "q1", "missing required field 'ts'")]
    [InlineData("""{"id":"q1","type":"contact.queued","ts":"2026-11-23T09:00:01Z","contactId":"c1","channel":"voice"}""",
        "q1", "missing required field 'queue'")]
    [InlineData("""{"id":"q1","type":"contact.queued","ts":"2026-11-23T09:00:01Z","contactId":"c1","queue":null,"channel":"voice"}""",
        "q1", "missing required field 'queue'")]
    [InlineData("""{"id":"a1","type":"contact.answered","ts":"2026-11-23T09:00:01Z","contactId":"c0"}""",
        "a1", "missing required field 'agentId'")]
    public async Task Post_MissingRequiredField_RejectsThatEventWithReason(string badEvent, string? id, string error)
    {
        await AssertEventRejectedAloneAsync(badEvent, id, error);
    }

    [Theory]
    [InlineData("contact.teleported", "unknown type 'contact.teleported'")]
    [InlineData("Contact.Queued", "unknown type 'Contact.Queued'")]
    public async Task Post_UnknownType_RejectsThatEventWithReason(string type, string error)
    {
        var badEvent = EventJson.Queued("q1", 1, "c1");
        badEvent["type"] = type;

        await AssertEventRejectedAloneAsync(badEvent.ToJsonString(), "q1", error);
    }

    [Theory]
    [InlineData("2026-11-23T09:00:01")]
    [InlineData("2026-11-23T09:00:01.250")]
    [InlineData("2026-11-23T09:00:01+0100")]
    [InlineData("2026-11-23")]
    [InlineData("23/11/2026 09:00:01 +01:00")]
    [InlineData("2026-11-23T25:00:01Z")]
    public async Task Post_TimestampWithoutOffsetOrNotRfc3339_RejectsThatEventWithReason(string ts)
    {
        var badEvent = EventJson.Queued("q1", 1, "c1");
        badEvent["ts"] = ts;

        await AssertEventRejectedAloneAsync(badEvent.ToJsonString(), "q1", $"'ts' must be an RFC 3339 timestamp with offset, got '{ts}'");
    }

    [Theory]
    [InlineData("""{"id":"","type":"contact.queued","ts":"2026-11-23T09:00:01Z","contactId":"c1","queue":"sales","channel":"voice"}""",
        "", "'id' must be 1 to 128 characters, got 0")]
    [InlineData("""{"id":"v1","type":"survey.responded","ts":"2026-11-23T09:00:01Z","survey":"csat","score":6}""",
        "v1", "field 'score' must be between 1 and 5 for csat, got 6")]
    [InlineData("""{"id":"s1","type":"agent.state","ts":"2026-11-23T09:00:01Z","agentId":"a1","state":"lunch"}""",
        "s1", "field 'state' must be one of available, busy, wrapup, away, offline, got 'lunch'")]
    public async Task Post_FieldValueOutOfContract_RejectsThatEventWithReason(string badEvent, string? id, string error)
    {
        await AssertEventRejectedAloneAsync(badEvent, id, error);
    }

    [Fact]
    public async Task Post_IdLongerThan128Characters_RejectsThatEventWithReason()
    {
        var id = new string('x', 129);
        var badEvent = EventJson.Queued(id, 1, "c1");

        await AssertEventRejectedAloneAsync(badEvent.ToJsonString(), id, "'id' must be 1 to 128 characters, got 129");
    }

    [Theory]
    [InlineData("17", "number")]
    [InlineData("\"q1\"", "string")]
    [InlineData("[]", "array")]
    [InlineData("null", "null")]
    public async Task Post_BatchEntryNotAnObject_RejectsThatEntryWithReason(string entry, string got)
    {
        await AssertEventRejectedAloneAsync(entry, null, "event must be a JSON object, got " + got);
    }

    [Fact]
    public async Task Post_TsFarAheadOfTheWallClock_RejectsThatEventWithSkewReason()
    {
        // The wall clock held still, so that "how far ahead" is an exact number.
        var scheduler = new HistoricalScheduler(EventJson.Base);
        await using var app = new WallboardApplication(redis.Server, settings => settings["Engine:Clock"] = "Wall")
        {
            ConfigureServices = services => services.AddSingleton<IScheduler>(scheduler),
        };
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, EventJson.Queued("q0", -10, "c0"));
        var before = await ApiCalls.ObservableStateAsync(client);

        var response = await EventJson.PostAsync(
            client, EventJson.Queued("q1", 3600, "c1"), EventJson.Queued("q2", 61, "c2"), EventJson.Queued("q3", 60, "c3"));

        var rejected = ApiCalls.Counts(response, accepted: 1);
        Assert.Equal(
            [
                (0, "q1", "'ts' is 3600 s ahead of the engine clock; at most 60 s is allowed"),
                (1, "q2", "'ts' is 61 s ahead of the engine clock; at most 60 s is allowed"),
            ],
            rejected);
        var now = await EventJson.KpisAsync(client, "queue:sales", "5m");
        Assert.Equal(EventJson.Base, DateTimeOffset.Parse((string)now["asOf"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, ApiCalls.Value(now, "offered"));
        Assert.Equal(before, await ApiCalls.ObservableStateAsync(client));
    }

    [Fact]
    public async Task Post_BodyOverMaxBodyBytes_Answers413ProblemAndAppliesNothing()
    {
        await using var app = new WallboardApplication(redis.Server, settings => settings["Ingest:MaxBodyBytes"] = "1024");
        var (client, before, logBefore) = await StartWithOneContactAsync(app);
        var body = await EventJson.Array([.. Enumerable.Range(1, 20).Select(i => EventJson.Queued($"q{i}", i, $"c{i}"))])
            .ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(Encoding.UTF8.GetByteCount(body) > 1024);

        var response = await ApiCalls.PostAsync(client, body);

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The body is too large", title);
        Assert.Equal("the body exceeds 1024 bytes" + NothingApplied, detail);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverMaxBodyBytes_Answers413ProblemAndAppliesNothing()
    {
        await using var app = new WallboardApplication(redis.Server, settings => settings["Ingest:MaxBodyBytes"] = "1024");
        var (client, before, logBefore) = await StartWithOneContactAsync(app);
        var lines = Enumerable.Range(1, 20).Select(i => EventJson.Queued($"q{i}", i, $"c{i}").ToJsonString() + "\n");

        var response = await client.PostAsync(
            new Uri("/api/v1/events", UriKind.Relative), new ChunkedContent(lines, "application/x-ndjson"), TestContext.Current.CancellationToken);

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The body is too large", title);
        Assert.Equal("the body exceeds 1024 bytes" + NothingApplied, detail);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Fact]
    public async Task Post_MoreEventsThanMaxBatchEvents_Answers413ProblemAndAppliesNothing()
    {
        await using var app = new WallboardApplication(redis.Server, settings => settings["Ingest:MaxBatchEvents"] = "3");
        var (client, before, logBefore) = await StartWithOneContactAsync(app);

        var response = await client.PostAsync(
            new Uri("/api/v1/events", UriKind.Relative),
            EventJson.Array([.. Enumerable.Range(1, 4).Select(i => EventJson.Queued($"q{i}", i, $"c{i}"))]),
            TestContext.Current.CancellationToken);

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Too many events in one request", title);
        Assert.Equal("the request holds 4 or more events; at most 3 are allowed per request" + NothingApplied, detail);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Fact]
    public async Task Post_ExactlyMaxBatchEvents_IsAccepted()
    {
        await using var app = new WallboardApplication(redis.Server, settings => settings["Ingest:MaxBatchEvents"] = "3");
        var client = await app.ReadyClientAsync();

        var response = await EventJson.PostAsync(client, [.. Enumerable.Range(1, 3).Select(i => EventJson.Queued($"q{i}", i, $"c{i}"))]);

        Assert.Empty(ApiCalls.Counts(response, accepted: 3));
    }

    [Fact]
    public async Task Post_DuplicateIdsWithinOneBatch_CountedAndAppliedOnce()
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, _, _) = await StartWithOneContactAsync(app);

        // The second q1 names another contact: a repeated id changes nothing, whatever its content.
        var response = await EventJson.PostAsync(
            client, EventJson.Queued("q1", 1, "c1"), EventJson.Queued("q1", 2, "c9"), EventJson.Queued("q2", 3, "c2"));

        Assert.Empty(ApiCalls.Counts(response, accepted: 2, duplicates: 1));
        Assert.Equal(3, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
        Assert.Equal(3, ApiCalls.Value(await EventJson.KpisAsync(client, "all", "now"), "contactsWaiting"));
    }

    [Fact]
    public async Task Post_DuplicateIdsAcrossBatches_CountedAndAppliedOnce()
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, _, _) = await StartWithOneContactAsync(app);
        await EventJson.PostAsync(client, EventJson.Queued("q1", 1, "c1"));

        var second = await EventJson.PostAsync(client, EventJson.Queued("q1", 1, "c1"), EventJson.Queued("q2", 2, "c2"));
        var third = await EventJson.PostAsync(client, EventJson.Queued("q1", 1, "c1"), EventJson.Queued("q2", 2, "c2"), EventJson.Queued("q0", 0, "c0"));

        Assert.Empty(ApiCalls.Counts(second, accepted: 1, duplicates: 1));
        Assert.Empty(ApiCalls.Counts(third, accepted: 0, duplicates: 3));
        Assert.Equal(3, ApiCalls.Value(await EventJson.KpisAsync(client, "queue:sales", "5m"), "offered"));
    }

    [Fact]
    public async Task Post_EventFieldNested20Deep_RejectsThatEventWithNestingReason()
    {
        var badEvent = EventJson.Queued("q1", 1, "c1");
        badEvent["extra"] = Nested(20);

        await AssertEventRejectedAloneAsync(badEvent.ToJsonString(), "q1", "event nests deeper than 16 levels");
    }

    [Fact]
    public async Task Post_BodyNested100Deep_Answers400ProblemAndAppliesNothing()
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, before, logBefore) = await StartWithOneContactAsync(app);

        var response = await ApiCalls.PostAsync(client, new string('[', 100) + new string(']', 100));

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The body is not JSON", title);
        Assert.Equal("The maximum configured depth of 64 has been exceeded. Cannot read next JSON array. LineNumber: 0 | BytePositionInLine: 64."
            + NothingApplied, detail);
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Fact]
    public async Task Post_EmptyArray_Answers202WithZerosAndLogsNothing()
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, before, logBefore) = await StartWithOneContactAsync(app);

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, "[]"));

        Assert.Empty(ApiCalls.Counts(response, accepted: 0));
        await AssertUnchangedAsync(app, client, before, logBefore);
    }

    [Fact]
    public async Task Post_MixedBatch_AppliesEveryGoodEventAroundTheBadOnes()
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, _, logBefore) = await StartWithOneContactAsync(app);
        var unknownType = EventJson.Queued("bad1", 2, "c8");
        unknownType["type"] = "contact.teleported";
        var missingQueue = EventJson.Queued("bad2", 4, "c9");
        missingQueue.Remove("queue");
        var noOffset = EventJson.Answered("bad3", 6, "c2");
        noOffset["ts"] = "2026-11-23T09:00:06";

        var response = await EventJson.PostAsync(
            client,
            EventJson.Queued("q1", 1, "c1"),
            unknownType,
            EventJson.Answered("a1", 3, "c1"),
            missingQueue,
            EventJson.Queued("q2", 5, "c2"),
            noOffset,
            EventJson.Abandoned("x1", 7, "c0"));

        Assert.Equal(
            [
                (1, "bad1", "unknown type 'contact.teleported'"),
                (3, "bad2", "missing required field 'queue'"),
                (5, "bad3", "'ts' must be an RFC 3339 timestamp with offset, got '2026-11-23T09:00:06'"),
            ],
            ApiCalls.Counts(response, accepted: 4));
        var sales = await EventJson.KpisAsync(client, "queue:sales", "5m");
        Assert.Equal(3, ApiCalls.Value(sales, "offered"));
        Assert.Equal(1, ApiCalls.Value(sales, "answered"));
        Assert.Equal(1, ApiCalls.Value(sales, "abandoned"));
        Assert.Equal(2, ApiCalls.Value(sales, "asa"));
        Assert.Equal(1, ApiCalls.Value(await EventJson.KpisAsync(client, "all", "now"), "contactsWaiting"));
        Assert.Equal(logBefore + 1, await ApiCalls.LogLengthAsync(redis.Server, app));
    }

    [Fact]
    public async Task Post_EventOlderThanTheLateness_ReportedLateKeptInLogAndChangesNoWindow()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, EventJson.Queued("q1", 1000, "c1"), EventJson.Answered("a1", 1010, "c1"));
        var windows = new[] { "5m", "15m", "30m", "60m", "today" };
        var before = await Task.WhenAll(windows.Select(window => EventJson.KpisAsync(client, "queue:sales", window)));

        var response = await EventJson.PostAsync(client, EventJson.Queued("q-late", 0, "c-late"));

        Assert.Empty(ApiCalls.Counts(response, accepted: 0, late: 1));
        var after = await Task.WhenAll(windows.Select(window => EventJson.KpisAsync(client, "queue:sales", window)));
        Assert.Equal(before.Select(row => row.ToJsonString()), after.Select(row => row.ToJsonString()));
        Assert.Equal(1, ApiCalls.Value(after[^1], "offered"));
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var log = await connection.GetDatabase().StreamRangeAsync(app.KeyPrefix + "events");
        var logged = JsonNode.Parse((string)log[^1]["events"]!)!.AsArray();
        Assert.Equal("q-late", (string)logged.Single()!["id"]!);
        Assert.Equal(EventJson.Ts(0), (string)logged.Single()!["ts"]!);
    }

    private async Task AssertEventRejectedAloneAsync(string badEvent, string? id, string error)
    {
        await using var app = new WallboardApplication(redis.Server);
        var (client, before, logBefore) = await StartWithOneContactAsync(app);

        var response = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, "[" + badEvent + "]"));

        Assert.Equal([(0, id, error)], ApiCalls.Counts(response, accepted: 0));
        await AssertUnchangedAsync(app, client, before, logBefore);

        // The same event alone, as a single object, is refused with the same words.
        if (badEvent.StartsWith('{'))
        {
            var single = await ApiCalls.AcceptedAsync(await ApiCalls.PostAsync(client, badEvent));
            Assert.Equal([(0, id, error)], ApiCalls.Counts(single, accepted: 0));
            await AssertUnchangedAsync(app, client, before, logBefore);
        }
    }

    private async Task<(HttpClient Client, string State, long LogLength)> StartWithOneContactAsync(WallboardApplication app)
    {
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, EventJson.Queued("q0", 0, "c0"));
        return (client, await ApiCalls.ObservableStateAsync(client), await ApiCalls.LogLengthAsync(redis.Server, app));
    }

    private async Task AssertUnchangedAsync(WallboardApplication app, HttpClient client, string before, long logBefore)
    {
        Assert.Equal(before, await ApiCalls.ObservableStateAsync(client));
        Assert.Equal(logBefore, await ApiCalls.LogLengthAsync(redis.Server, app));
    }

    private static JsonObject Nested(int depth)
    {
        var node = new JsonObject { ["leaf"] = true };
        for (var level = 1; level < depth; level++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    /// <summary>A body of unknown length (sent chunked), as a streaming producer sends it.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly IEnumerable<string> _chunks;

        public ChunkedContent(IEnumerable<string> chunks, string mediaType)
        {
            _chunks = chunks;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var chunk in _chunks)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(chunk));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
