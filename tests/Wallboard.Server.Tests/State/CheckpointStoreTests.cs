using System.Reactive.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Wallboard.Engine;
using Wallboard.Engine.Kpis;
using Wallboard.Server.State;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.State;

public class CheckpointStoreTests(RedisFixture redis)
{
    private const int PartBytes = 4096;

    [Fact]
    public async Task SaveAsync_StateLargerThanOnePart_StoresPartsThatRestoreTheSameValues()
    {
        await using var app = CreateApplication();
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client, 300);
        var engine = app.Services.GetRequiredService<WallboardEngine>();
        var store = app.Services.GetRequiredService<CheckpointStore>();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();

        await store.SaveAsync(engine, TestContext.Current.CancellationToken);

        var manifest = ((string?)await database.StringGetAsync(app.KeyPrefix + "checkpoint"))!.Split('\n');
        Assert.Equal("WBCP2", manifest[0]);
        Assert.Equal(store.CoveredPosition.ToString(), manifest[1]);
        Assert.Equal("a", manifest[2]);
        var parts = int.Parse(manifest[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(parts > 1, $"{parts} part(s)");
        Assert.Equal(PartBytes, await database.StringLengthAsync($"{app.KeyPrefix}checkpoint:a:0"));
        Assert.False(await database.KeyExistsAsync($"{app.KeyPrefix}checkpoint:a:{parts}"));

        var restored = new WallboardEngine(engine.Options, app.Services.GetRequiredService<IScheduler>());
        var position = await store.RestoreAsync(restored, TestContext.Current.CancellationToken);

        Assert.Equal(manifest[1], position.ToString());
        Assert.Equal(300, restored.Read(ScopeId.All, WindowId.Today)[KpiId.Offered]);
        Assert.True(restored.Read(ScopeId.All, WindowId.Sliding(5)).SameAs(engine.Read(ScopeId.All, WindowId.Sliding(5))));
    }

    [Fact]
    public async Task SaveAsync_AgainInParts_SwitchesGenerationAndDeletesThePreviousParts()
    {
        await using var app = CreateApplication();
        var client = await app.ReadyClientAsync();
        await PostContactsAsync(client, 300);
        var engine = app.Services.GetRequiredService<WallboardEngine>();
        var store = app.Services.GetRequiredService<CheckpointStore>();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        await store.SaveAsync(engine, TestContext.Current.CancellationToken);

        await store.SaveAsync(engine, TestContext.Current.CancellationToken);

        Assert.Equal("b", ((string?)await database.StringGetAsync(app.KeyPrefix + "checkpoint"))!.Split('\n')[2]);
        Assert.False(await database.KeyExistsAsync($"{app.KeyPrefix}checkpoint:a:0"));
        Assert.True(await database.KeyExistsAsync($"{app.KeyPrefix}checkpoint:b:0"));
        var restored = new WallboardEngine(engine.Options, app.Services.GetRequiredService<IScheduler>());
        await store.RestoreAsync(restored, TestContext.Current.CancellationToken);
        Assert.Equal(300, restored.Read(ScopeId.All, WindowId.Today)[KpiId.Offered]);
    }

    // No periodic checkpoint: the tests write them.
    private WallboardApplication CreateApplication() => new(redis.Server, settings =>
    {
        settings["Redis:CheckpointInterval"] = "01:00:00";
        settings["Redis:CheckpointPartBytes"] = PartBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    });

    private static async Task PostContactsAsync(HttpClient client, int count) =>
        await EventJson.PostAsync(client, [.. Enumerable.Range(0, count).Select(i => EventJson.Queued($"q{i}", i * 0.1, $"c{i}"))]);
}
