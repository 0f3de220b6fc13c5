using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Realtime;

/// <summary>
/// Boards that stop reading, against real Kestrel on a real socket (TestServer's in-memory transport has no
/// TCP backpressure). The test measures the whole process's managed heap, so its collection runs alone.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
[Collection(typeof(SlowClientTests))]
public class SlowClientTests(RedisFixture redis)
{
    // 100 queues × 6 windows: every push to a stalled board carries some 600 rows.
    private const int Queues = 100;
    private const int StalledReceiveBufferBytes = 4 * 1024;
    private const int BurstPushes = 100;
    private const long MemoryBound = 50L * 1024 * 1024;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly string[] Windows = ["now", "5m", "15m", "30m", "60m", "today"];

    [Fact]
    public async Task Push_ClientStopsReading_SkipsItWithoutQueueingOrDelayingOthersAndResyncsItWhenItReadsAgain()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = new WallboardApplication(redis.Server, settings => settings["Realtime:MaxUpdatesPerSecond"] = "20");
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        TestContext.Current.TestOutputHelper?.WriteLine(address);
        for (var i = 0; i < 5; i++) { await Task.Delay(1000, cancellation); TestContext.Current.TestOutputHelper?.WriteLine(await (await http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellation)).Content.ReadAsStringAsync(cancellation)); }
        await Eventually.TrueAsync(
            async () => (await http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellation)).IsSuccessStatusCode, Timeout, "/readyz answers 200");
        var tracker = app.Services.GetRequiredService<ConnectionTracker>();
        var registry = app.Services.GetRequiredService<SubscriptionRegistry>();
        var hub = new Uri(new Uri(address), WallboardHub.Path);

        // The healthy board: the official client, watching one row, counting every push it gets.
        var clock = Stopwatch.StartNew();
        var healthyOffered = Channel.CreateUnbounded<(TimeSpan At, double Offered)>();
        var healthyPushes = 0;
        await using var healthy = new HubConnectionBuilder().WithUrl(hub).Build();
        healthy.On<KpiUpdate>(nameof(IWallboardClient.KpisChanged), update =>
        {
            Interlocked.Increment(ref healthyPushes);
            if (update.Rows.SingleOrDefault() is { } row)
            {
                healthyOffered.Writer.TryWrite((clock.Elapsed, row.Values["offered"] ?? 0));
            }
        });
        foreach (var other in typeof(IWallboardClient).GetMethods().Where(method => method.Name != nameof(IWallboardClient.KpisChanged)))
        {
            healthy.On(other.Name, [.. other.GetParameters().Select(parameter => parameter.ParameterType)], _ =>
            {
                Interlocked.Increment(ref healthyPushes);
                return Task.CompletedTask;
            });
        }

        await healthy.StartAsync(cancellation);
        await healthy.InvokeAsync<KpiUpdate>(nameof(WallboardHub.Subscribe), new SubscribeRequest(["all"], ["5m"]), cancellation);

        // Two stalled boards on the same big subscription: one will read again, one will die.
        var subscription = new SubscribeRequest(["all", .. Enumerable.Range(0, Queues).Select(QueueScope)], Windows);
        using var reviving = await RawHubClient.ConnectAsync(hub, StalledReceiveBufferBytes, cancellation);
        var revivingChannel = await SubscribeAsync(reviving, tracker, registry, subscription, [healthy.ConnectionId!]);
        using var dying = await RawHubClient.ConnectAsync(hub, StalledReceiveBufferBytes, cancellation);
        var dyingChannel = await SubscribeAsync(dying, tracker, registry, subscription, [healthy.ConnectionId!, revivingChannel.Connection.ConnectionId]);

        var batches = 0;
        var delays = new List<TimeSpan>();
        async Task PostAndObserveAsync()
        {
            var sent = clock.Elapsed;
            await EventJson.PostAsync(http, Batch(batches));
            batches++;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(MaxDelay);
            (TimeSpan At, double Offered) seen;
            do
            {
                try
                {
                    seen = await healthyOffered.Reader.ReadAsync(deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    Assert.Fail($"the healthy board did not see batch {batches} within {MaxDelay.TotalSeconds} s of its POST");
                    throw;
                }
            }
            while (seen.Offered < Queues * batches);

            delays.Add(seen.At - sent);
        }

        // Until both stalled boards are being skipped: their kernel buffers are full.
        await Eventually.TrueAsync(
            async () =>
            {
                await PostAndObserveAsync();
                return revivingChannel.Skipped >= 2 && dyingChannel.Skipped >= 2;
            },
            Timeout,
            "both stalled boards are skipped");
        var stalledAfter = batches;
        await reviving.PingAsync(cancellation);
        await dying.PingAsync(cancellation);

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var skippedBefore = revivingChannel.Skipped;
        var pushesBefore = Volatile.Read(ref healthyPushes);
        var burst = Stopwatch.StartNew();
        while (Volatile.Read(ref healthyPushes) - pushesBefore < BurstPushes)
        {
            Assert.True(burst.Elapsed < 3 * Timeout, $"the burst made {healthyPushes - pushesBefore} pushes in {burst.Elapsed.TotalSeconds:0.#} s");
            await PostAndObserveAsync();
        }

        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var skippedInBurst = revivingChannel.Skipped - skippedBefore;
        await reviving.PingAsync(cancellation);

        Assert.All(delays, delay => Assert.True(delay < MaxDelay, $"a change reached the healthy board {delay.TotalMilliseconds:0} ms after its POST"));
        Assert.Equal(0, tracker.Find(healthy.ConnectionId!)!.Skipped);
        Assert.True(revivingChannel.NeedsResync);
        Assert.True(dyingChannel.NeedsResync);
        Assert.True(
            memoryAfter - memoryBefore < MemoryBound,
            $"the heap grew by {(memoryAfter - memoryBefore) / 1024 / 1024} MB while {skippedInBurst} pushes to a stalled board were skipped");

        // A dead board goes away although a write to it never completed.
        dying.Abort();
        await Eventually.TrueAsync(
            () => tracker.Find(dyingChannel.Connection.ConnectionId) is null && registry.GroupOf(dyingChannel.Connection.ConnectionId) is null,
            Timeout,
            "the dead board leaves the connection tracker and the subscriptions");

        // The reviving board reads what its buffers held, then gets its whole subscription as it is now.
        var written = 0;
        var fullSnapshots = 0;
        JsonElement resync;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            deadline.CancelAfter(Timeout);
            while (true)
            {
                using var message = await reviving.ReceiveAsync(deadline.Token);
                if (Update(message.RootElement) is not { } update)
                {
                    written += IsPush(message.RootElement) ? 1 : 0;
                    continue;
                }

                if (!update.GetProperty("full").GetBoolean())
                {
                    written++;
                    Assert.True(
                        Offered(update, QueueScope(0), "5m") <= stalledAfter,
                        $"a push written to the stalled board carries batch {Offered(update, QueueScope(0), "5m")}, after it stalled at batch {stalledAfter}");
                    continue;
                }

                fullSnapshots++;
                if (Offered(update, QueueScope(0), "5m") == batches)
                {
                    resync = update.Clone();
                    break;
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"stalled after batch {stalledAfter}, {batches} batches, {written} pushes written and {revivingChannel.Skipped} skipped " +
            $"({skippedInBurst} in the burst of {healthyPushes - pushesBefore}), {fullSnapshots} full snapshots, " +
            $"heap {memoryBefore / 1024 / 1024} -> {memoryAfter / 1024 / 1024} MB, resync {resync.GetRawText().Length / 1024} KB, " +
            $"slowest change {delays.Max().TotalMilliseconds:0} ms");
        Assert.Equal(subscription.Scopes.Count * Windows.Length, resync.GetProperty("rows").GetArrayLength());
        Assert.All(Enumerable.Range(0, Queues), queue => Assert.Equal(batches, Offered(resync, QueueScope(queue), "5m")));
        Assert.Equal(Queues * batches, Offered(resync, "all", "5m"));
        Assert.False(revivingChannel.NeedsResync);

        // Live again: the next change comes as a plain push, and no push was ever queued for it.
        await PostAndObserveAsync();
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            deadline.CancelAfter(Timeout);
            JsonElement? next = null;
            while (next is null)
            {
                using var message = await reviving.ReceiveAsync(deadline.Token);
                next = Update(message.RootElement)?.Clone();
            }

            Assert.False(next.Value.GetProperty("full").GetBoolean());
            Assert.Equal(batches, Offered(next.Value, QueueScope(0), "5m"));
            written++;
        }

        Assert.Equal(Volatile.Read(ref healthyPushes), written + revivingChannel.Skipped);

        reviving.Abort();
        await Eventually.TrueAsync(
            () => tracker.Find(revivingChannel.Connection.ConnectionId) is null && tracker.Count == 1,
            Timeout,
            "only the healthy board is left in the connection tracker");
    }

    private static string QueueScope(int queue) => $"queue:q{queue:000}";

    private static JsonObject[] Batch(int batch)
    {
        // Each batch offers one contact to every queue and abandons the previous batch's, so that nothing piles up.
        var at = batch * 0.1;
        var queued = Enumerable.Range(0, Queues).Select(queue => EventJson.Queued($"q-{batch}-{queue}", at, $"c-{batch}-{queue}", queue: QueueScope(queue)[6..]));
        var abandoned = Enumerable.Range(0, batch == 0 ? 0 : Queues).Select(queue => EventJson.Abandoned($"x-{batch}-{queue}", at, $"c-{batch - 1}-{queue}"));
        return [.. queued, .. abandoned];
    }

    private static async Task<ClientChannel> SubscribeAsync(
        RawHubClient client, ConnectionTracker tracker, SubscriptionRegistry registry, SubscribeRequest subscription, string[] others)
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

    /// <summary>The <c>KpisChanged</c> argument of an invocation message, or null for any other message.</summary>
    private static JsonElement? Update(JsonElement message) =>
        message.GetProperty("type").GetInt32() == 1 && message.GetProperty("target").GetString() == "KpisChanged"
            ? message.GetProperty("arguments")[0]
            : null;

    private static bool IsPush(JsonElement message) => message.GetProperty("type").GetInt32() == 1;

    private static double? Offered(JsonElement update, string scope, string window)
    {
        var row = update.GetProperty("rows").EnumerateArray()
            .Single(candidate => candidate.GetProperty("scope").GetString() == scope && candidate.GetProperty("window").GetString() == window);
        return row.GetProperty("values").GetProperty("offered").GetDouble();
    }
}
