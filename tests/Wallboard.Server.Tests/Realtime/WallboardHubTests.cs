using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Realtime;

public class WallboardHubTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Subscribe_ThenEvents_GetsSnapshotThenOnlyChanges()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"), EventJson.Queued("q2", 1, "c2", queue: "support"));
        await using var hub = app.CreateHubConnection();
        var updates = Channel.CreateUnbounded<KpiUpdate>();
        hub.On<KpiUpdate>(nameof(IWallboardClient.KpisChanged), update => updates.Writer.TryWrite(update));
        await hub.StartAsync(TestContext.Current.CancellationToken);

        var snapshot = await hub.InvokeAsync<KpiUpdate>(
            nameof(WallboardHub.Subscribe), new SubscribeRequest(["queue:sales", "all"], ["5m", "now"]), TestContext.Current.CancellationToken);

        Assert.True(snapshot.Full);
        Assert.Equal(4, snapshot.Rows.Count);
        Assert.Equal(1, Row(snapshot, "queue:sales", "5m").Values["offered"]);
        Assert.Equal(2, Row(snapshot, "all", "now").Values["contactsWaiting"]);

        await EventJson.PostAsync(client, EventJson.Answered("a1", 8, "c1"));
        var delta = await NextAsync(updates, update => update.Rows.Any(row => row.Scope == "queue:sales" && row.Window == "5m"));

        Assert.False(delta.Full);
        Assert.Equal(1, Row(delta, "queue:sales", "5m").Values["answered"]);
        Assert.Equal(8, Row(delta, "queue:sales", "5m").Values["asa"]);
        Assert.All(delta.Rows, row => Assert.Contains(row.Scope, new[] { "queue:sales", "all" }));
    }

    [Fact]
    public async Task Push_ChangesFasterThanTheRate_AreCoalescedIntoOneMessage()
    {
        await using var app = new WallboardApplication(redis.Server, settings => settings["Realtime:MaxUpdatesPerSecond"] = "0.5");
        var client = await app.ReadyClientAsync();
        await using var hub = app.CreateHubConnection();
        var updates = Channel.CreateUnbounded<(TimeSpan At, KpiUpdate Update)>();
        var clock = Stopwatch.StartNew();
        hub.On<KpiUpdate>(nameof(IWallboardClient.KpisChanged), update => updates.Writer.TryWrite((clock.Elapsed, update)));
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync<KpiUpdate>(
            nameof(WallboardHub.Subscribe), new SubscribeRequest(["all"], ["5m"]), TestContext.Current.CancellationToken);

        await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"));
        var first = await updates.Reader.ReadAsync(TestContext.Current.CancellationToken);
        await EventJson.PostAsync(client, EventJson.Queued("q2", 1, "c2"));
        await EventJson.PostAsync(client, EventJson.Queued("q3", 2, "c3"));
        var second = await updates.Reader.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, first.Update.Rows.Single().Values["offered"]);
        Assert.Equal(3, second.Update.Rows.Single().Values["offered"]);
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(1.9), $"pushes {(second.At - first.At).TotalMilliseconds} ms apart at 0.5/s");
        Assert.False(updates.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Reconnect_NewConnection_GetsAFreshSnapshot()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"));
        await using (var before = app.CreateHubConnection())
        {
            await before.StartAsync(TestContext.Current.CancellationToken);
            var snapshot = await before.InvokeAsync<KpiUpdate>(
                nameof(WallboardHub.Subscribe), new SubscribeRequest(["all"], ["now"]), TestContext.Current.CancellationToken);
            Assert.Equal(1, snapshot.Rows.Single().Values["contactsWaiting"]);
        }

        await EventJson.PostAsync(client, EventJson.Abandoned("x1", 30, "c1"), EventJson.Queued("q2", 31, "c2"), EventJson.Queued("q3", 32, "c3"));
        await using var after = app.CreateHubConnection();
        await after.StartAsync(TestContext.Current.CancellationToken);

        var fresh = await after.InvokeAsync<KpiUpdate>(
            nameof(WallboardHub.Subscribe), new SubscribeRequest(["all"], ["now"]), TestContext.Current.CancellationToken);

        Assert.True(fresh.Full);
        Assert.Equal(2, fresh.Rows.Single().Values["contactsWaiting"]);
    }

    [Fact]
    public async Task Subscribe_UnknownWindow_FailsWithReason()
    {
        await using var app = new WallboardApplication(redis.Server);
        await app.ReadyClientAsync();
        await using var hub = app.CreateHubConnection();
        await hub.StartAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<KpiUpdate>(
            nameof(WallboardHub.Subscribe), new SubscribeRequest(["all"], ["7m"]), TestContext.Current.CancellationToken));

        Assert.Contains("window '7m' is not one of now, 5m, 15m, 30m, 60m, today", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranking_OverTheHub_RanksAgentsLikeTheApi()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(
            client,
            EventJson.Queued("q1", 0, "c1"),
            EventJson.Answered("a1", 5, "c1", agent: "ann"),
            EventJson.Queued("q2", 6, "c2"),
            EventJson.Answered("a2", 8, "c2", agent: "bob"),
            EventJson.Queued("q3", 9, "c3"),
            EventJson.Answered("a3", 12, "c3", agent: "bob"));
        await using var hub = app.CreateHubConnection();
        await hub.StartAsync(TestContext.Current.CancellationToken);

        var ranking = await hub.InvokeAsync<Wallboard.Server.Agents.AgentRankingPayload>(
            nameof(WallboardHub.Ranking), "15m", "answered", TestContext.Current.CancellationToken);

        Assert.Equal("answered", ranking.By);
        Assert.Equal(["bob", "ann"], ranking.Agents.Select(agent => agent.Id));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<Wallboard.Server.Agents.AgentRankingPayload>(
            nameof(WallboardHub.Ranking), "7m", null, TestContext.Current.CancellationToken));
    }

    private static Wallboard.Server.Api.KpiPayload Row(KpiUpdate update, string scope, string window) =>
        update.Rows.Single(row => row.Scope == scope && row.Window == window);

    private static async Task<KpiUpdate> NextAsync(Channel<KpiUpdate> updates, Func<KpiUpdate, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            var update = await updates.Reader.ReadAsync(timeout.Token);
            if (match(update))
            {
                return update;
            }
        }
    }
}
