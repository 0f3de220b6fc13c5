using System.Globalization;
using StackExchange.Redis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.State;

public class RedisKpiStoreTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Write_ValuesChangeAfterTheFirstWrite_HashHoldsEveryValueOfGetKpis()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var key = app.KeyPrefix + "kpi:queue:sales:5m";
        await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"), EventJson.Queued("q2", 1, "c2"));
        await Eventually.TrueAsync(async () => (string?)await database.HashGetAsync(key, "offered") == "2", Timeout, $"{key} holds offered 2");

        // Later writes carry only the fields that changed: the hash must still hold every value.
        await EventJson.PostAsync(client, EventJson.Answered("a1", 12, "c1"), EventJson.Abandoned("x1", 30, "c2"), EventJson.Queued("q3", 31, "c3"));
        var expected = await ExpectedHashAsync(client, "queue:sales", "5m");

        await Eventually.TrueAsync(async () => (await HashAsync(database, key)).SequenceEqual(expected), Timeout, $"{key} holds the values of GET /api/v1/kpis");
        Assert.Equal(expected, await HashAsync(database, key));
        Assert.Equal("3", (string?)await database.HashGetAsync(key, "offered"));
        Assert.Equal("12", (string?)await database.HashGetAsync(key, "asa"));
    }

    [Fact]
    public async Task Write_MoreRowsThanOneBatch_WritesEveryRowAndScope()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();

        // 300 queues × 6 windows, plus all and the channel: several batches of rows.
        var queued = Enumerable.Range(0, 300).Select(i => EventJson.Queued($"q{i}", i * 0.01, $"c{i}", queue: $"s{i:000}")).ToArray();
        await EventJson.PostAsync(client, queued);

        await Eventually.TrueAsync(
            async () => await database.SetLengthAsync(app.KeyPrefix + "scopes") == 302, Timeout, "the scope set holds all, channel:voice and 300 queues");
        foreach (var queue in new[] { "s000", "s150", "s299" })
        {
            foreach (var window in new[] { "now", "5m", "15m", "30m", "60m", "today" })
            {
                var key = $"{app.KeyPrefix}kpi:queue:{queue}:{window}";
                await Eventually.TrueAsync(async () => await database.KeyExistsAsync(key), Timeout, $"{key} exists");
            }

            Assert.Equal("1", (string?)await database.HashGetAsync($"{app.KeyPrefix}kpi:queue:{queue}:5m", "offered"));
        }

        Assert.Equal("300", (string?)await database.HashGetAsync(app.KeyPrefix + "kpi:all:5m", "offered"));
    }

    private static async Task<List<(string, string)>> HashAsync(IDatabase database, string key) =>
        [.. (await database.HashGetAllAsync(key)).Select(entry => ((string)entry.Name!, (string)entry.Value!)).Order()];

    private static async Task<List<(string, string)>> ExpectedHashAsync(HttpClient client, string scope, string window)
    {
        var kpis = await EventJson.KpisAsync(client, scope, window);
        return [.. kpis["values"]!.AsObject()
            .Select(pair => (pair.Key, (double?)pair.Value is { } value ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty))
            .Append(("_asOf", DateTimeOffset.Parse((string)kpis["asOf"]!, CultureInfo.InvariantCulture).ToString("O", CultureInfo.InvariantCulture)))
            .Order()];
    }
}
