using System.Globalization;
using System.Reactive.Concurrency;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Support;
using static Wallboard.Server.Tests.Alerts.Delivery.AlertSetup;

namespace Wallboard.Server.Tests.Alerts;

/// <summary>
/// The no-data path of the alert service: when the data behind the rules stops, a firing alert goes to no-data
/// (never to resolved, however long it lasts), and carries on when the data comes back. On a wall clock the data
/// stops when no event has come for <c>Alerts:StaleAfter</c>: that clock is a <see cref="HistoricalScheduler"/> the
/// test moves one evaluation interval at a time. On any clock it stops while Redis is away.
/// </summary>
public class AlertNoDataTests(RedisFixture redis)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Evaluate_IngestStopsWhileFiring_GoesToNoDataStaysActiveAndFiresAgainWhenDataReturns()
    {
        await using var server = await WallClockServer.StartAsync(redis.Server);
        var id = AlertId("sales", 1);
        await server.FireAsync(id);

        // The last event is 60 s old: still fresh. One second later the data has stopped.
        server.AdvanceTo(60);
        var fresh = await AlertAsync(server.Client, id);
        server.AdvanceTo(61);
        await WaitForStepAsync(server.Client, id, "noData");

        // Ten minutes without data, twenty times the clear duration: the alert waits in no-data.
        server.AdvanceTo(661);
        var stale = await AlertsAsync(server.Client);
        var stored = await StoredActiveAsync(server.App, id, "noData");

        Assert.Equal("firing", (string)fresh["phase"]!);
        Assert.Equal([("fired", 1)], Timeline(fresh));
        var alert = Assert.Single(stale["active"]!.AsArray())!;
        Assert.Equal(id, (string)alert["id"]!);
        Assert.Equal("noData", (string)alert["phase"]!);
        Assert.Equal("critical", (string)alert["severity"]!);
        Assert.Null((string?)alert["resolvedAt"]);
        Assert.Equal([("fired", 1), ("noData", 61)], Timeline(alert));
        Assert.Empty(stale["pending"]!.AsArray());
        Assert.Empty(stale["recent"]!.AsArray());
        Assert.Equal([("fired", 1), ("noData", 61)], Timeline(stored));

        // An event from anywhere says the data flows again; the queue still holds 5 contacts.
        await server.PostAsync(Tick(661));
        server.AdvanceTo(662);
        await WaitForStepAsync(server.Client, id, "dataReturned");
        var back = await AlertAsync(server.Client, id);

        Assert.Equal("firing", (string)back["phase"]!);
        Assert.Equal("critical", (string)back["severity"]!);
        Assert.Equal(5, (double)back["value"]!);
        Assert.Equal(EventJson.Base.AddSeconds(1), Time(back["firedAt"]!));
        Assert.Equal([("fired", 1), ("noData", 61), ("dataReturned", 662)], Timeline(back));
        Assert.Equal([("fired", 1), ("noData", 61), ("dataReturned", 662)], Timeline(await StoredActiveAsync(server.App, id, "firing")));
    }

    [Fact]
    public async Task Evaluate_DataReturnsCleared_ResolvesOnlyTheClearDurationAfterTheDataReturned()
    {
        await using var server = await WallClockServer.StartAsync(redis.Server);
        var id = AlertId("sales", 1);
        await server.FireAsync(id);
        server.AdvanceTo(61);
        await WaitForStepAsync(server.Client, id, "noData");
        server.AdvanceTo(300);

        // The queue emptied while nothing came through: the answers arrive at 300 s.
        await server.PostAsync(Answer("sales", 5, queuedAt: 0, at: 300));
        server.AdvanceTo(301);
        await WaitForStepAsync(server.Client, id, "clearing");
        server.AdvanceTo(330);
        var clearing = await AlertAsync(server.Client, id);
        server.AdvanceTo(331);
        await Eventually.TrueAsync(
            async () => (await AlertsAsync(server.Client))["recent"]!.AsArray().Count == 1, Timeout, $"alert {id} in the recent history");
        var alerts = await AlertsAsync(server.Client);

        Assert.Equal("firing", (string)clearing["phase"]!);
        Assert.Equal([("fired", 1), ("noData", 61), ("dataReturned", 301), ("clearing", 301)], Timeline(clearing));
        Assert.Empty(alerts["active"]!.AsArray());
        var resolved = Assert.Single(alerts["recent"]!.AsArray())!;
        Assert.Equal(id, (string)resolved["id"]!);
        Assert.Equal("resolved", (string)resolved["phase"]!);
        Assert.Equal(0, (double)resolved["value"]!);
        Assert.Equal(EventJson.Base.AddSeconds(331), Time(resolved["resolvedAt"]!));
        Assert.Equal([("fired", 1), ("noData", 61), ("dataReturned", 301), ("clearing", 301), ("resolved", 331)], Timeline(resolved));
    }

    [Fact(Timeout = 120_000)]
    public async Task Evaluate_RedisDownWhileFiring_GoesToNoDataAndCarriesOnWhenRedisReturns()
    {
        var directory = Directory.CreateTempSubdirectory("wallboard-alert-outage-").FullName;
        await using var first = await RedisServer.StartOwnAsync(directory: directory);
        RedisServer? second = null;
        try
        {
            await using var app = new WallboardApplication(first, settings => WaitingRule(settings, warningAbove: null));
            var client = await app.ReadyClientAsync();
            await using var hub = app.CreateHubConnection();
            var changes = Channel.CreateUnbounded<JsonObject>();
            hub.On<JsonObject>(nameof(IWallboardClient.AlertChanged), change => changes.Writer.TryWrite(change));
            await hub.StartAsync(TestContext.Current.CancellationToken);
            var id = AlertId("sales", 4);
            await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
            await NextChangeAsync(changes, "fired");

            // The event log refuses the next request: from then on the data is not trusted.
            await first.KillAsync();
            using (var refused = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), EventJson.Array(Tick(5)), TestContext.Current.CancellationToken))
            {
                Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            }

            var noData = await NextChangeAsync(changes, "noData");
            second = await RedisServer.StartOwnAsync(first.Port, directory);
            await Eventually.TrueAsync(
                async () => (await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode,
                TimeSpan.FromSeconds(30),
                "/readyz answers 200 again");
            var returned = await NextChangeAsync(changes, "dataReturned");
            await EventJson.PostAsync(client, Answer("sales", 5, queuedAt: 4, at: 10));
            await NextChangeAsync(changes, "clearing");
            await EventJson.PostAsync(client, Tick(40));
            var resolved = await NextChangeAsync(changes, "resolved");

            // The event clock stood still at 4 s while Redis was away.
            Assert.Equal(id, (string)noData["id"]!);
            Assert.Equal("noData", (string)noData["phase"]!);
            Assert.Equal([("fired", 4), ("noData", 4)], Timeline(noData));
            Assert.Equal("firing", (string)returned["phase"]!);
            Assert.Equal("critical", (string)returned["severity"]!);
            Assert.Equal(5, (double)returned["value"]!);
            Assert.Equal([("fired", 4), ("noData", 4), ("dataReturned", 4)], Timeline(returned));
            Assert.Equal(id, (string)resolved["id"]!);
            Assert.Equal(EventJson.Base.AddSeconds(40), Time(resolved["resolvedAt"]!));
            Assert.Equal([("fired", 4), ("noData", 4), ("dataReturned", 4), ("clearing", 10), ("resolved", 40)], Timeline(resolved));
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    /// <summary>The alert of the next <c>AlertChanged</c> message, which must be a change of kind <paramref name="kind"/>.</summary>
    private static async Task<JsonObject> NextChangeAsync(Channel<JsonObject> changes, string kind)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var change = await changes.Reader.ReadAsync(timeout.Token);
        Assert.Equal(kind, (string)change["change"]!);
        return change["alert"]!.AsObject();
    }

    private static async Task<JsonObject> AlertAsync(HttpClient client, string id) =>
        (JsonObject)(await AlertsAsync(client))["active"]!.AsArray().Single(alert => (string)alert!["id"]! == id)!;

    /// <summary>The alert as saved in Redis' active alerts once it reached <paramref name="phase"/> (saving follows the change).</summary>
    private async Task<JsonObject> StoredActiveAsync(WallboardApplication app, string id, string phase)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        JsonObject? stored = null;
        await Eventually.TrueAsync(
            async () =>
            {
                var json = await connection.GetDatabase().HashGetAsync(app.KeyPrefix + "alerts:active", id);
                stored = json.IsNull ? null : JsonNode.Parse((string)json!)!.AsObject();
                return (string?)stored?["phase"] == phase;
            },
            Timeout,
            $"alert {id} saved as {phase}");
        return stored!;
    }

    /// <summary>The timeline as (kind, seconds after 09:00).</summary>
    private static List<(string Kind, double At)> Timeline(JsonNode alert) =>
        [.. alert["timeline"]!.AsArray().Select(step => ((string)step!["kind"]!, (Time(step["at"]!) - EventJson.Base).TotalSeconds))];

    private static DateTimeOffset Time(JsonNode value) => DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture);

    /// <summary>
    /// The server on a wall clock held by a <see cref="HistoricalScheduler"/> from 09:00: one rule on the contacts
    /// waiting in each queue (critical above 4, firing at once, resolving after 30 s cleared), evaluated every
    /// second, with the data stale after 60 s without an event.
    /// </summary>
    private sealed class WallClockServer : IAsyncDisposable
    {
        private readonly SemaphoreSlim _applied = new(0);
        private IDisposable? _watch;

        private WallClockServer(RedisServer redis)
        {
            App = new WallboardApplication(redis, settings =>
            {
                WaitingRule(settings);
                settings["Engine:Clock"] = "Wall";
                settings["Alerts:EvaluationInterval"] = "00:00:01";
                settings["Alerts:StaleAfter"] = "00:01:00";
            })
            {
                ConfigureServices = services => services.AddSingleton<IScheduler>(Scheduler),
            };
        }

        public HistoricalScheduler Scheduler { get; } = new(EventJson.Base);

        public WallboardApplication App { get; }

        public HttpClient Client { get; private set; } = null!;

        public static async Task<WallClockServer> StartAsync(RedisServer redis)
        {
            var server = new WallClockServer(redis);
            try
            {
                server.Client = await server.App.ReadyClientAsync();
                server._watch = server.App.Services.GetRequiredService<EngineActivity>().Applied.Subscribe(_ => server._applied.Release());
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        /// <summary>Five contacts queue in sales at 0 s; the first evaluation, at 1 s, fires the alert.</summary>
        public async Task FireAsync(string id)
        {
            await PostAsync(Queue("sales", 5, at: 0));
            Scheduler.AdvanceBy(Second);

            // The first evaluation reads the alerts to restore from Redis, off the test's thread; the later ones run
            // inside AdvanceBy.
            await WaitForStepAsync(Client, id, "fired");
        }

        // The pipeline answers before it records the arrival and tells the broadcaster, which then schedules a push
        // on the virtual clock: the clock moves only once both are done (HistoricalScheduler is not thread-safe).
        public async Task PostAsync(params JsonObject[] events)
        {
            var response = await EventJson.PostAsync(Client, events);
            Assert.Equal(events.Length, (int)response["accepted"]!);
            Assert.True(await _applied.WaitAsync(Timeout, TestContext.Current.CancellationToken), "the engine applied the events");
        }

        /// <summary>Moves the wall clock one evaluation interval at a time to <paramref name="seconds"/> after 09:00.</summary>
        public void AdvanceTo(double seconds)
        {
            while (Scheduler.Now < EventJson.Base.AddSeconds(seconds))
            {
                Scheduler.AdvanceBy(Second);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _watch?.Dispose();
            Client?.Dispose();
            await App.DisposeAsync();
            _applied.Dispose();
        }
    }
}
