using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Wallboard.Server.Tests.Support;

/// <summary>Contract JSON for tests, written out literally as a producer would.</summary>
public static class EventJson
{
    public static readonly DateTimeOffset Base = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static string Ts(double seconds) => Base.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);

    public static JsonObject Queued(string id, double at, string contact, string queue = "sales", string channel = "voice") => new()
    {
        ["id"] = id,
        ["type"] = "contact.queued",
        ["ts"] = Ts(at),
        ["contactId"] = contact,
        ["queue"] = queue,
        ["channel"] = channel,
    };

    public static JsonObject Answered(string id, double at, string contact, string agent = "a1") => new()
    {
        ["id"] = id,
        ["type"] = "contact.answered",
        ["ts"] = Ts(at),
        ["contactId"] = contact,
        ["agentId"] = agent,
    };

    public static JsonObject Abandoned(string id, double at, string contact) => new()
    {
        ["id"] = id,
        ["type"] = "contact.abandoned",
        ["ts"] = Ts(at),
        ["contactId"] = contact,
    };

    public static StringContent Array(params JsonObject[] events) =>
        new(new JsonArray([.. events]).ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<JsonObject> PostAsync(HttpClient client, params JsonObject[] events)
    {
        var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Array(events), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    public static async Task<JsonObject> KpisAsync(HttpClient client, string scope, string window)
    {
        var uri = new Uri($"/api/v1/kpis?scope={Uri.EscapeDataString(scope)}&window={window}", UriKind.Relative);
        return (await client.GetFromJsonAsync<JsonObject>(uri, TestContext.Current.CancellationToken))!;
    }
}
