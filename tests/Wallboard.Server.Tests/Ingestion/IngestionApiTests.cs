using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Ingestion;

public class IngestionApiTests(RedisFixture redis)
{
    [Fact]
    public async Task Post_ValidBatch_AppliesBeforeAnswering()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await EventJson.PostAsync(
            client,
            EventJson.Queued("q1", 0, "c1"),
            EventJson.Answered("a1", 12, "c1"),
            EventJson.Queued("q2", 20, "c2"));

        Assert.Equal(3, (int)response["accepted"]!);
        Assert.Equal(0, (int)response["duplicates"]!);
        Assert.Equal(0, (int)response["late"]!);
        Assert.Empty(response["rejected"]!.AsArray());
        var kpis = await EventJson.KpisAsync(client, "queue:sales", "5m");
        Assert.Equal(2, (double)kpis["values"]!["offered"]!);
        Assert.Equal(1, (double)kpis["values"]!["answered"]!);
        Assert.Equal(12, (double)kpis["values"]!["asa"]!);
        var now = await EventJson.KpisAsync(client, "all", "now");
        Assert.Equal(1, (double)now["values"]!["contactsWaiting"]!);
        Assert.Equal(EventJson.Base.AddSeconds(20), DateTimeOffset.Parse((string)kpis["asOf"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
