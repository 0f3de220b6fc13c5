using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Alerts.Delivery;
using Wallboard.Server.Tests.Support;
using static Wallboard.Server.Tests.Alerts.Delivery.AlertSetup;

namespace Wallboard.Server.Tests.Alerts;

public class AlertServiceTests(RedisFixture redis)
{
    [Fact]
    public async Task Publish_FiredAcknowledgedResolved_ReachesAConnectedHubClient()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver));
        var client = await app.ReadyClientAsync();
        await using var hub = app.CreateHubConnection();
        var changes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>(nameof(IWallboardClient.AlertChanged), change => changes.Writer.TryWrite(change));
        await hub.StartAsync(TestContext.Current.CancellationToken);
        var alertId = AlertId("sales", 4);

        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
        var fired = await NextAsync(changes);
        await AcknowledgeAsync(client, alertId, "maria", "calling in two agents");
        var acknowledged = await NextAsync(changes);
        await EventJson.PostAsync(client, Answer("sales", 5, queuedAt: 4, at: 10));
        var clearing = await NextAsync(changes);
        await EventJson.PostAsync(client, Tick(40));
        var resolved = await NextAsync(changes);

        Assert.Equal(["fired", "acknowledged", "clearing", "resolved"], new[] { fired, acknowledged, clearing, resolved }.Select(change => change.GetProperty("change").GetString()));
        Assert.All(new[] { fired, acknowledged, clearing, resolved }, change => Assert.Equal(alertId, change.GetProperty("alert").GetProperty("id").GetString()));
        Assert.Equal("critical", fired.GetProperty("alert").GetProperty("severity").GetString());
        Assert.Equal(5, fired.GetProperty("alert").GetProperty("value").GetDouble());
        Assert.Equal("maria", acknowledged.GetProperty("alert").GetProperty("acknowledged").GetProperty("by").GetString());
        Assert.Equal("calling in two agents", acknowledged.GetProperty("alert").GetProperty("acknowledged").GetProperty("note").GetString());
        Assert.Equal("resolved", resolved.GetProperty("alert").GetProperty("phase").GetString());
        Assert.Equal("2026-11-23T09:00:40+00:00", resolved.GetProperty("alert").GetProperty("resolvedAt").GetString());
    }

    private static async Task<JsonElement> NextAsync(Channel<JsonElement> changes)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        return await changes.Reader.ReadAsync(timeout.Token);
    }
}
