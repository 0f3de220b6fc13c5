using System.Globalization;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Wallboard.Server.Tests.Support;
using static Wallboard.Server.Tests.Alerts.Delivery.AlertSetup;

namespace Wallboard.Server.Tests.Alerts;

/// <summary>
/// Active alerts and the history of resolved ones in Redis: the history is a sorted set scored by resolution time,
/// trimmed to <c>Alerts:HistoryRetention</c> (7 days) of the engine clock whenever an alert changes. The event
/// clock is the test's time: a week passes with one event.
/// </summary>
public class AlertHistoryTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly double Week = TimeSpan.FromDays(7).TotalSeconds;

    [Fact]
    public async Task Save_AlertChangeSevenDaysAfterAResolve_TrimsThatEntryAndKeepsTheYoungerOnes()
    {
        await using var app = new WallboardApplication(redis.Server, settings => WaitingRule(settings, warningAbove: null));
        var client = await app.ReadyClientAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var (sales, support, billing) = (AlertId("sales", 4), AlertId("support", 5), AlertId("billing", 40 + Week));
        await ResolveSalesAt40AndSupportAt41Async(client, sales, support);
        var history = await HistoryWhenAsync(database, app, entries => entries.Count == 2, "both resolves in the history");
        var recent = (await AlertsAsync(client))["recent"]!.AsArray();

        // A week to the millisecond after the sales alert resolved, another alert fires: saving it trims the history.
        await EventJson.PostAsync(client, Queue("billing", 5, at: 40 + Week));
        var trimmed = await HistoryWhenAsync(database, app, entries => entries.Count == 1, "the history trimmed to one entry");
        var alerts = await AlertsAsync(client);
        var active = await database.HashKeysAsync(app.KeyPrefix + "alerts:active");

        Assert.Equal([(sales, 40), (support, 41)], history);
        Assert.Equal([support, sales], recent.Select(alert => (string)alert!["id"]!));
        Assert.Equal([(support, 41)], trimmed);
        Assert.Equal([support], alerts["recent"]!.AsArray().Select(alert => (string)alert!["id"]!));
        Assert.Equal([billing], alerts["active"]!.AsArray().Select(alert => (string)alert!["id"]!));
        Assert.Equal([billing], active.Select(key => (string)key!));
    }

    [Fact]
    public async Task Save_Resolve_MovesTheAlertFromActiveToTheHistoryScoredByItsResolutionTime()
    {
        await using var app = new WallboardApplication(redis.Server, settings => WaitingRule(settings, warningAbove: null));
        var client = await app.ReadyClientAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var (sales, support) = (AlertId("sales", 4), AlertId("support", 5));
        await ResolveSalesAt40AndSupportAt41Async(client, sales, support);
        await HistoryWhenAsync(database, app, entries => entries.Count == 2, "both resolves in the history");

        var entries = await database.SortedSetRangeByRankWithScoresAsync(app.KeyPrefix + "alerts:history");
        var active = await database.HashLengthAsync(app.KeyPrefix + "alerts:active");

        Assert.Equal(0, active);
        Assert.Equal(
            [EventJson.Base.AddSeconds(40).ToUnixTimeMilliseconds(), EventJson.Base.AddSeconds(41).ToUnixTimeMilliseconds()],
            entries.Select(entry => (long)entry.Score));
        var stored = entries.Select(entry => JsonNode.Parse((string)entry.Element!)!).ToList();
        Assert.Equal([sales, support], stored.Select(alert => (string)alert["id"]!));
        Assert.All(stored, alert => Assert.Equal("resolved", (string)alert["phase"]!));
        Assert.Equal(
            [EventJson.Base.AddSeconds(40), EventJson.Base.AddSeconds(41)],
            stored.Select(alert => DateTimeOffset.Parse((string)alert["resolvedAt"]!, CultureInfo.InvariantCulture)));
        Assert.Equal(["fired", "clearing", "resolved"], stored[0]["timeline"]!.AsArray().Select(step => (string)step!["kind"]!));
    }

    // Each step waits for the evaluation that sees it, so that every change is stamped with its own event time:
    // sales fires at 4 and clears at 10, support fires at 5 and clears at 11; they resolve at 40 and 41.
    private static async Task ResolveSalesAt40AndSupportAt41Async(HttpClient client, string sales, string support)
    {
        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
        await WaitForStepAsync(client, sales, "fired");
        await EventJson.PostAsync(client, Queue("support", 5, at: 5));
        await WaitForStepAsync(client, support, "fired");
        await EventJson.PostAsync(client, Answer("sales", 5, queuedAt: 4, at: 10));
        await WaitForStepAsync(client, sales, "clearing");
        await EventJson.PostAsync(client, Answer("support", 5, queuedAt: 5, at: 11));
        await WaitForStepAsync(client, support, "clearing");
        await EventJson.PostAsync(client, Tick(40));
        await Eventually.TrueAsync(async () => (await AlertsAsync(client))["active"]!.AsArray().Count == 1, Timeout, "the sales alert resolved");
        await EventJson.PostAsync(client, Tick(41));
        await Eventually.TrueAsync(async () => (await AlertsAsync(client))["active"]!.AsArray().Count == 0, Timeout, "the support alert resolved");
    }

    /// <summary>The history in Redis as (alert id, resolution time in seconds after 09:00), once it satisfies <paramref name="condition"/>.</summary>
    private static async Task<List<(string Id, double ResolvedAt)>> HistoryWhenAsync(
        IDatabase database, WallboardApplication app, Func<List<(string Id, double ResolvedAt)>, bool> condition, string what)
    {
        List<(string Id, double ResolvedAt)> history = [];
        await Eventually.TrueAsync(
            async () =>
            {
                var entries = await database.SortedSetRangeByRankWithScoresAsync(app.KeyPrefix + "alerts:history");
                history = [.. entries.Select(entry => (
                    (string)JsonNode.Parse((string)entry.Element!)!["id"]!,
                    (DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score) - EventJson.Base).TotalSeconds))];
                return condition(history);
            },
            Timeout,
            what);
        return history;
    }
}
