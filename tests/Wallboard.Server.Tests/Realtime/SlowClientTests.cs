using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Wallboard.Engine;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Realtime;

/// <summary>
/// Boards that stop reading: on real Kestrel with real sockets (TestServer's in-memory transport has no TCP
/// backpressure), and on a transport nobody reads where the test must choose the write a board is stuck on.
/// One test weighs the process's managed heap, so this collection runs alone.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
[Collection(typeof(SlowClientTests))]
public class SlowClientTests(RedisFixture redis)
{
    // Every batch changes 100 queues and 100 channels in 6 windows: a push to a stalled board carries ~1,200 rows.
    private const int Queues = 100;
    private const int StalledReceiveBufferBytes = 4 * 1024;
    private const int BurstPushes = 120;
    private const long MemoryBound = 50L * 1024 * 1024;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly string[] Windows = ["now", "5m", "15m", "30m", "60m", "today"];

    [Fact]
    public async Task Push_ClientStopsReading_SkipsItWithoutQueueingOrDelayingOthersAndResyncsItWhenItReadsAgain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = new WallboardApplication(redis.Server, settings => settings["Realtime:MaxUpdatesPerSecond"] = "50");
        using var http = await StartOnKestrelAsync(app);
        var tracker = app.Services.GetRequiredService<ConnectionTracker>();
        var registry = app.Services.GetRequiredService<SubscriptionRegistry>();
        var hub = new Uri(http.BaseAddress!, WallboardHub.Path);

        await using var healthy = await HealthyBoard.StartAsync(hub);
        var subscription = new SubscribeRequest(
            ["all", .. Enumerable.Range(0, Queues).Select(QueueScope), .. Enumerable.Range(0, Queues).Select(ChannelScope)], Windows);
        var stalled = Stopwatch.StartNew();
        using var reviving = await RawHubClient.ConnectAsync(hub, StalledReceiveBufferBytes, cancellation);
        var revivingChannel = await SubscribeAsync(reviving, subscription, tracker, registry, [healthy.ConnectionId]);
        using var dying = await RawHubClient.ConnectAsync(hub, StalledReceiveBufferBytes, cancellation);
        var dyingChannel = await SubscribeAsync(dying, subscription, tracker, registry, [healthy.ConnectionId, revivingChannel.Connection.ConnectionId]);

        var batches = 0;
        async Task<TimeSpan> PostAndObserveAsync()
        {
            var sent = healthy.Clock.Elapsed;
            await EventJson.PostAsync(http, Batch(batches));
            batches++;
            return await healthy.SeenAsync(offered: Queues * batches) - sent;
        }

        // Post until both stalled boards are skipped: their kernel buffers are full, a write to each hangs.
        await Eventually.TrueAsync(
            async () =>
            {
                await PostAndObserveAsync();
                return revivingChannel.Skipped >= 2 && dyingChannel.Skipped >= 2;
            },
            Timeout,
            "both stalled boards are skipped");
        var stalledAt = batches;
        await reviving.PingAsync(cancellation);
        await dying.PingAsync(cancellation);

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var skippedBefore = revivingChannel.Skipped;
        var pushesBefore = healthy.Pushes;
        var burst = Stopwatch.StartNew();
        var delays = new List<TimeSpan>();
        while (healthy.Pushes - pushesBefore < BurstPushes)
        {
            Assert.True(burst.Elapsed < 3 * Timeout, $"only {healthy.Pushes - pushesBefore} pushes in {burst.Elapsed.TotalSeconds:0.#} s");
            delays.Add(await PostAndObserveAsync());
        }

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var skippedInBurst = revivingChannel.Skipped - skippedBefore;
        await reviving.PingAsync(cancellation);

        Assert.All(delays, delay => Assert.True(delay < MaxDelay, $"a change reached the healthy board {delay.TotalMilliseconds:0} ms after its POST"));
        Assert.Equal(0, tracker.Find(healthy.ConnectionId)!.Skipped);
        Assert.True(revivingChannel.NeedsResync);
        Assert.True(dyingChannel.NeedsResync);
        Assert.True(
            heapAfter - heapBefore < MemoryBound,
            $"the heap grew by {(heapAfter - heapBefore) / 1024 / 1024} MB while {skippedInBurst} pushes to the stalled boards were skipped");

        // The reviving board reads what its buffers held, then gets its whole subscription as it is now.
        var drained = await DrainUntilResyncAsync(reviving, batches, stalled.Elapsed);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"stalled at batch {stalledAt} of {batches}: {drained.Written.Count(written => !written.Full)} pushes written, {revivingChannel.Skipped} skipped " +
            $"({skippedInBurst} in a burst of {healthy.Pushes - pushesBefore}), {drained.FullSnapshots} full snapshot(s) of {drained.ResyncBytes / 1024} KB; " +
            $"heap {heapBefore / 1024 / 1024} -> {heapAfter / 1024 / 1024} MB; changes seen in {delays.Max().TotalMilliseconds:0} ms at most; stalled for {stalled.Elapsed.TotalSeconds:0.#} s");
        // It missed pushes from batch stalledAt on, so no later change may reach it before the state it missed (its
        // kernel buffers may take a little more while it does not read, so a write may end, and the catch-up go
        // out, during the burst: then pushes may follow that catch-up).
        var caughtUp = false;
        foreach (var (batch, full) in drained.Written)
        {
            caughtUp |= full;
            Assert.True(full || batch <= stalledAt || caughtUp, $"the push of batch {batch} reached the board stalled at batch {stalledAt} of {batches} before the state it missed");
        }

        // Nothing of the burst was kept for it: a queue would hand it every batch in between, one push each.
        var writtenInBurst = drained.Written.Count(written => !written.Full && written.Batch > stalledAt && written.Batch < batches);
        Assert.True(writtenInBurst * 10 < skippedInBurst, $"{writtenInBurst} pushes of the burst were written to the stalled board, {skippedInBurst} skipped");
        Assert.True(skippedInBurst * drained.ResyncBytes > 2 * MemoryBound, $"the burst skipped only {skippedInBurst} pushes: too little to tell a queue from none");
        Assert.Equal(subscription.Scopes.Count * Windows.Length, drained.Resync.GetProperty("rows").GetArrayLength());
        Assert.All(Enumerable.Range(0, Queues), queue => Assert.Equal(batches, Offered(drained.Resync, QueueScope(queue), "5m")));
        Assert.Equal(Queues * batches, Offered(drained.Resync, "all", "5m"));
        Assert.False(revivingChannel.NeedsResync);

        // Live again: the next change comes as a plain push, and nothing is skipped any more. (The board has read
        // the resync; the server lets go of the channel when it sees that write end, which may come a moment later.)
        // A tick that came while the resync was being written missed its chance too, and is caught up with the state
        // of the batches so far; that is not the next change.
        await Eventually.TrueAsync(() => !revivingChannel.Busy && !revivingChannel.NeedsResync, Timeout, "the server has seen the resync written");
        var skippedAtResync = revivingChannel.Skipped;
        await PostAndObserveAsync();
        var next = await NextUpdateAsync(reviving, showing: batches);
        Assert.False(next.GetProperty("full").GetBoolean());
        Assert.Equal(skippedAtResync, revivingChannel.Skipped);

        reviving.Abort();
        await Eventually.TrueAsync(
            () => tracker.Find(revivingChannel.Connection.ConnectionId) is null && registry.GroupOf(revivingChannel.Connection.ConnectionId) is null,
            Timeout,
            "the closed board leaves the connection tracker and the subscriptions");

        // A dead board neither reads nor closes: SignalR drops a connection whose send has been stuck for its
        // transport send timeout (10 s), and the board leaves with it although a write to it never completed.
        await Eventually.TrueAsync(
            () => tracker.Find(dyingChannel.Connection.ConnectionId) is null && registry.GroupOf(dyingChannel.Connection.ConnectionId) is null,
            2 * Timeout,
            "the dead board leaves the connection tracker and the subscriptions");
        Assert.Equal(1, tracker.Count);
    }

    [Fact]
    public async Task Push_ChangeWhileAnAlertIsBeingWritten_ReachesTheClientOnceItReads()
    {
        await using var app = new WallboardApplication(redis.Server, settings =>
        {
            settings["Alerts:UseDefaultRules"] = "false";
            settings["Alerts:EvaluationInterval"] = "00:00:00.100";
            settings["Alerts:Rules:0:Id"] = "alarm-waiting";
            settings["Alerts:Rules:0:Kpi"] = "contactsWaiting";
            settings["Alerts:Rules:0:Scope"] = "queue:alarm";
            settings["Alerts:Rules:0:Window"] = "now";
            settings["Alerts:Rules:0:Warning:Above"] = "0";
            settings["Alerts:Rules:0:For"] = "00:00:00";
        });
        var http = await app.ReadyClientAsync();
        var tracker = app.Services.GetRequiredService<ConnectionTracker>();
        var registry = app.Services.GetRequiredService<SubscriptionRegistry>();

        // The alert must be the write the board is stuck on.
        await using var stalled = new StalledConnection();
        tracker.Add(stalled.Context);
        SubscriptionKey[] keys = [new(ScopeId.Queue("sales"), WindowId.Sliding(5))];
        registry.Subscribe(stalled.Context.ConnectionId, keys);
        registry.Snapshot(app.Services.GetRequiredService<WallboardEngine>(), keys);
        var channel = tracker.Find(stalled.Context.ConnectionId)!;

        await EventJson.PostAsync(http, EventJson.Queued("q-alarm", 0, "c-alarm", queue: "alarm"));
        await Eventually.TrueAsync(() => stalled.Written.Contains("\"target\":\"AlertChanged\"", StringComparison.Ordinal), Timeout, "the alert is being written");
        await EventJson.PostAsync(http, EventJson.Queued("q-sales", 1, "c-sales", queue: "sales"));

        // Ticks run one after another: once a second one has started, the one that saw the change is over.
        var broadcaster = app.Services.GetRequiredService<SnapshotBroadcaster>();
        var ticks = broadcaster.Broadcasts;
        await Eventually.TrueAsync(() => broadcaster.Broadcasts >= ticks + 2, Timeout, "the change has been pushed or skipped");

        await Eventually.TrueAsync(
            () =>
            {
                stalled.Read();
                return stalled.Written.Contains("\"target\":\"KpisChanged\"", StringComparison.Ordinal);
            },
            Timeout,
            "the board gets its row once it reads");
        Assert.Contains("\"offered\":1,", stalled.Written, StringComparison.Ordinal);
        Assert.False(channel.NeedsResync);
        tracker.Remove(stalled.Context.ConnectionId);
        registry.Remove(stalled.Context.ConnectionId);
    }

    private static async Task<HttpClient> StartOnKestrelAsync(WallboardApplication app)
    {
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        await Eventually.TrueAsync(
            async () => (await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode,
            Timeout,
            "/readyz answers 200");
        return http;
    }

    private static string QueueScope(int queue) => $"queue:q{queue:000}";

    private static string ChannelScope(int queue) => $"channel:c{queue:000}";

    private static JsonObject[] Batch(int batch)
    {
        // A contact for every queue (each on a channel of its own); the previous batch's contacts hang up, so that none pile up.
        var at = batch * 0.1;
        var queued = Enumerable.Range(0, Queues).Select(queue =>
            EventJson.Queued($"q-{batch}-{queue}", at, $"c-{batch}-{queue}", queue: QueueScope(queue)[6..], channel: ChannelScope(queue)[8..]));
        var abandoned = Enumerable.Range(0, batch == 0 ? 0 : Queues).Select(queue =>
            EventJson.Abandoned($"x-{batch}-{queue}", at, $"c-{batch - 1}-{queue}"));
        return [.. queued, .. abandoned];
    }

    private static async Task<ClientChannel> SubscribeAsync(
        RawHubClient client, SubscribeRequest subscription, ConnectionTracker tracker, SubscriptionRegistry registry, string[] others)
    {
        // The client never reads the answer: the hub registers the subscription before it writes the snapshot.
        await client.InvokeAsync("1", nameof(WallboardHub.Subscribe), subscription, TestContext.Current.CancellationToken);
        ClientChannel? channel = null;
        await Eventually.TrueAsync(
            () => (channel = tracker.All.SingleOrDefault(candidate =>
                !others.Contains(candidate.Connection.ConnectionId) && registry.GroupOf(candidate.Connection.ConnectionId) is not null)) is not null,
            Timeout,
            "the stalled board is subscribed");
        return channel!;
    }

    /// <summary>Reads until the full snapshot of the latest batch, noting the batch each push before it showed.</summary>
    private static async Task<Drained> DrainUntilResyncAsync(RawHubClient client, int batches, TimeSpan stalledFor)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        var written = new List<(double Batch, bool Full)>();
        while (true)
        {
            using var message = await ReceiveAsync(client, stalledFor, deadline.Token);
            if (Update(message.RootElement) is not { } update)
            {
                continue;
            }

            var full = update.GetProperty("full").GetBoolean();
            written.Add((full ? Offered(update, QueueScope(0), "5m") : LatestBatch(update), full));
            if (full && written[^1].Batch == batches)
            {
                return new Drained(written, written.Count(push => push.Full), update.Clone(), update.GetRawText().Length);
            }
        }
    }

    private static async Task<JsonDocument> ReceiveAsync(RawHubClient client, TimeSpan stalledFor, CancellationToken cancellationToken)
    {
        try
        {
            return await client.ReceiveAsync(cancellationToken);
        }
        catch (WebSocketException error)
        {
            Assert.Fail($"The server dropped the board stalled for {stalledFor.TotalSeconds:0.#} s (its transport send timeout is 10 s): {error.Message}");
            throw;
        }
    }

    /// <summary>The first update that shows <paramref name="showing"/> batches.</summary>
    private static async Task<JsonElement> NextUpdateAsync(RawHubClient client, int showing)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        while (true)
        {
            using var message = await client.ReceiveAsync(deadline.Token);
            if (Update(message.RootElement) is { } update && LatestBatch(update) == showing)
            {
                return update.Clone();
            }
        }
    }

    /// <summary>The <c>KpisChanged</c> argument of an invocation message, or null for any other message.</summary>
    private static JsonElement? Update(JsonElement message) =>
        message.GetProperty("type").GetInt32() == 1 && message.GetProperty("target").GetString() == nameof(IWallboardClient.KpisChanged)
            ? message.GetProperty("arguments")[0]
            : null;

    /// <summary>The latest batch a push shows: each batch offers one contact to every queue (a push carries only the rows that changed).</summary>
    private static double LatestBatch(JsonElement update) => update.GetProperty("rows").EnumerateArray()
        .Where(row => row.GetProperty("scope").GetString()!.StartsWith("queue:", StringComparison.Ordinal) && row.GetProperty("window").GetString() == "5m")
        .Select(row => row.GetProperty("values").GetProperty("offered").GetDouble())
        .DefaultIfEmpty(0)
        .Max();

    private static double Offered(JsonElement update, string scope, string window) => update.GetProperty("rows").EnumerateArray()
        .Single(row => row.GetProperty("scope").GetString() == scope && row.GetProperty("window").GetString() == window)
        .GetProperty("values").GetProperty("offered").GetDouble();

    /// <summary>What a stalled board held: the pushes written to it (the batch each showed, and whether it was whole), up to its resync.</summary>
    private sealed record Drained(IReadOnlyList<(double Batch, bool Full)> Written, int FullSnapshots, JsonElement Resync, int ResyncBytes);

    /// <summary>The official client on one row (<c>all</c>/<c>5m</c>), counting its pushes and timing each change.</summary>
    private sealed class HealthyBoard : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly Channel<(TimeSpan At, double Offered)> _offered = Channel.CreateUnbounded<(TimeSpan, double)>();
        private int _pushes;

        private HealthyBoard(Uri hub)
        {
            _connection = new HubConnectionBuilder().WithUrl(hub).Build();
            _connection.On<KpiUpdate>(nameof(IWallboardClient.KpisChanged), update =>
            {
                Interlocked.Increment(ref _pushes);
                if (update.Rows.SingleOrDefault() is { } row)
                {
                    _offered.Writer.TryWrite((Clock.Elapsed, row.Values["offered"] ?? 0));
                }
            });
        }

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public string ConnectionId => _connection.ConnectionId!;

        public int Pushes => Volatile.Read(ref _pushes);

        public static async Task<HealthyBoard> StartAsync(Uri hub)
        {
            var board = new HealthyBoard(hub);
            await board._connection.StartAsync(TestContext.Current.CancellationToken);
            await board._connection.InvokeAsync<KpiUpdate>(
                nameof(WallboardHub.Subscribe), new SubscribeRequest(["all"], ["5m"]), TestContext.Current.CancellationToken);
            return board;
        }

        /// <summary>When the board first showed at least <paramref name="offered"/> offered contacts.</summary>
        public async Task<TimeSpan> SeenAsync(double offered)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(Timeout);
            try
            {
                while (true)
                {
                    var seen = await _offered.Reader.ReadAsync(deadline.Token);
                    if (seen.Offered >= offered)
                    {
                        return seen.At;
                    }
                }
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"the healthy board did not show {offered} offered within {Timeout.TotalSeconds} s");
                throw;
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
