using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;
using Wallboard.Server.Api;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Durability;

/// <summary>
/// A Redis outage while the server runs: ingest refuses with 503 and applies nothing, readiness fails,
/// boards keep their last values marked stale; when Redis comes back (with its AOF) everything resumes
/// without restarting the server.
/// </summary>
public class ServerStatusTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly SubscribeRequest Board = new(["all", "queue:sales"], ["now", "5m"]);

    [Fact(Timeout = 120_000)]
    public async Task RedisAvailability_RedisKilledThenRestarted_ServesStaleValuesThenRecovers()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("wallboard-outage-").FullName;
        await using var first = await RedisServer.StartOwnAsync(directory: directory);
        RedisServer? second = null;
        try
        {
            await using var app = new WallboardApplication(first);
            var client = await app.ReadyClientAsync();
            await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"), EventJson.Answered("a1", 10, "c1"), EventJson.Queued("q2", 20, "c2"));
            await EventJson.PostAsync(client, EventJson.Queued("q3", 30, "c3", queue: "support"));
            await using var hub = app.CreateHubConnection();
            var statuses = Channel.CreateUnbounded<BoardStatus>();
            var updates = Channel.CreateUnbounded<KpiUpdate>();
            hub.On<BoardStatus>(nameof(IWallboardClient.StatusChanged), status => statuses.Writer.TryWrite(status));
            hub.On<KpiUpdate>(nameof(IWallboardClient.KpisChanged), update => updates.Writer.TryWrite(update));
            await hub.StartAsync(cancellation);
            var healthy = await hub.InvokeAsync<KpiUpdate>(nameof(WallboardHub.Subscribe), Board, cancellation);
            Assert.False(healthy.Stale);
            var before = await EventJson.KpisAsync(client, "all", "5m");

            await first.KillAsync();

            // At once (the writer finds out on its append), and once readiness has noticed (refused up front).
            await AssertRefusedAsync(client);
            await Eventually.TrueAsync(() => HasStatusAsync(client, "/readyz", HttpStatusCode.ServiceUnavailable), Timeout, "/readyz answers 503");
            await AssertRefusedAsync(client);

            var staleStatus = await NextAsync(statuses, status => status.Stale);
            Assert.StartsWith("event log unavailable: ", staleStatus.Reason, StringComparison.Ordinal);
            var staleSnapshot = await hub.InvokeAsync<KpiUpdate>(nameof(WallboardHub.Subscribe), Board, cancellation);
            Assert.True(staleSnapshot.Stale);
            Assert.True(staleSnapshot.Full);
            Assert.Equal(Values(healthy), Values(staleSnapshot));
            Assert.Equal(2, Row(staleSnapshot, "all", "now").Values["contactsWaiting"]);
            Assert.Equal(2, Row(staleSnapshot, "queue:sales", "5m").Values["offered"]);
            Assert.Equal(before.ToJsonString(), (await EventJson.KpisAsync(client, "all", "5m")).ToJsonString());

            second = await RedisServer.StartOwnAsync(first.Port, directory);

            await Eventually.TrueAsync(() => HasStatusAsync(client, "/readyz", HttpStatusCode.OK), Timeout, "/readyz answers 200 again");
            var freshStatus = await NextAsync(statuses, status => !status.Stale);
            Assert.Null(freshStatus.Reason);
            Assert.Equal(2, await LogLengthAsync(second, app.KeyPrefix));

            // The refused events were not applied: sent again, they are new.
            var retried = await EventJson.PostAsync(client, Outage());
            Assert.Equal(2, (int)retried["accepted"]!);
            Assert.Equal(0, (int)retried["duplicates"]!);
            Assert.Equal(3, await LogLengthAsync(second, app.KeyPrefix));
            var after = (await EventJson.KpisAsync(client, "all", "5m"))["values"]!;
            Assert.Equal(4, (double)after["offered"]!);
            Assert.Equal(1, (double)after["answered"]!);
            Assert.Equal(1, (double)after["abandoned"]!);
            var pushed = await NextAsync(updates, update => update.Rows.Any(row => row.Scope == "all" && row.Window == "5m" && row.Values["offered"] == 4));
            Assert.False(pushed.Stale);
            Assert.Equal(1, Row(pushed, "all", "5m").Values["abandoned"]);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    // Sent while Redis is down: a new contact on sales and the abandon of the waiting support contact.
    private static JsonObject[] Outage() => [EventJson.Queued("q4", 40, "c4"), EventJson.Abandoned("x3", 45, "c3")];

    private static async Task AssertRefusedAsync(HttpClient client)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var refused = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), EventJson.Array(Outage()), cancellation);
        var body = await refused.Content.ReadAsStringAsync(cancellation);
        Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"POST during the outage answered {(int)refused.StatusCode}: {body}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(503, (int)problem["status"]!);
        Assert.Equal("Events cannot be taken now", (string)problem["title"]!);
        Assert.EndsWith("; nothing of this request was applied", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    private static async Task<bool> HasStatusAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return response.StatusCode == expected;
    }

    private static async Task<long> LogLengthAsync(RedisServer server, string keyPrefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        return await connection.GetDatabase().StreamLengthAsync(keyPrefix + "events");
    }

    private static KpiPayload Row(KpiUpdate update, string scope, string window) =>
        update.Rows.Single(row => row.Scope == scope && row.Window == window);

    private static List<string> Values(KpiUpdate update) =>
        [.. update.Rows.OrderBy(row => row.Scope, StringComparer.Ordinal).ThenBy(row => row.Window, StringComparer.Ordinal)
            .Select(row => $"{row.Scope} {row.Window} {string.Join(", ", row.Values.Select(pair => $"{pair.Key}={pair.Value}"))}")];

    private static async Task<T> NextAsync<T>(Channel<T> messages, Func<T, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            while (true)
            {
                var message = await messages.Reader.ReadAsync(timeout.Token);
                if (match(message))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"No {typeof(T).Name} as expected within {Timeout.TotalSeconds:0} s.");
            throw;
        }
    }
}
