using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wallboard.Server.Tests.Catalog;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Agents;

/// <summary><c>GET /api/v1/agents?queues=a,b</c>: the agent view, from the <c>agent.state</c> events.</summary>
public class AgentsApiTests(RedisFixture redis)
{
    private static readonly (string Id, string? Name, string State, double? Since, string Queues, string? Team) Ada =
        ("a1", "Ada", "busy", 20, "sales", "north");

    private static readonly (string Id, string? Name, string State, double? Since, string Queues, string? Team) Bo =
        ("a2", "Bo", "available", 5, "support", "south");

    private static readonly (string Id, string? Name, string State, double? Since, string Queues, string? Team) Cy =
        ("a3", "Cy", "away", 10, "support,billing", "north");

    private static readonly (string Id, string? Name, string State, double? Since, string Queues, string? Team) A4 =
        ("a4", null, "wrapup", 45, "billing", null);

    [Fact]
    public async Task GetAgents_NoQueues_ListsEveryAgentByNameWithStateSinceQueuesAndTeam()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        var agents = await AgentsAsync(client, "/api/v1/agents");

        Assert.Equal(EventJson.Base.AddSeconds(50), DateTimeOffset.Parse((string)agents["asOf"]!, CultureInfo.InvariantCulture));
        Assert.Empty(agents["queues"]!.AsArray());

        // Sorted by name, ordinally: an agent without a name sorts by its id.
        Assert.Equal([Ada, Bo, Cy, A4], Rows(agents));
    }

    [Theory]
    [InlineData("sales", new[] { "sales" }, new[] { "a1" })]
    [InlineData("support", new[] { "support" }, new[] { "a2", "a3" })]
    [InlineData("billing,sales", new[] { "billing", "sales" }, new[] { "a1", "a3", "a4" })]
    [InlineData(" support , support,,", new[] { "support" }, new[] { "a2", "a3" })]
    [InlineData("claims", new[] { "claims" }, new string[0])]
    public async Task GetAgents_QueuesFilter_ListsOnlyTheAgentsOfThoseQueues(string queues, string[] echoed, string[] expected)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        var agents = await AgentsAsync(client, $"/api/v1/agents?queues={Uri.EscapeDataString(queues)}");

        Assert.Equal(echoed, agents["queues"]!.AsArray().Select(queue => (string)queue!));
        var all = new[] { Ada, Bo, Cy, A4 }.ToDictionary(agent => agent.Id);
        Assert.Equal(expected.Select(id => all[id]), Rows(agents));
    }

    [Fact]
    public async Task GetAgents_StateChanges_SinceMovesOnlyWhenTheStateChanges()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        await EventJson.PostAsync(
            client,
            State("s9", 60, new { agentId = "a1", state = "busy", team = "east" }),
            State("s10", 70, new { agentId = "a2", state = "offline" }));
        var agents = await AgentsAsync(client, "/api/v1/agents?queues=sales,support");

        // a1 stays busy (since 20) with a new team; a2 signs off at 70 and keeps its queues.
        Assert.Equal(
            [("a1", "Ada", "busy", 20, "sales", "east"), ("a2", "Bo", "offline", 70, "support", "south"), Cy],
            Rows(agents));
    }

    [Fact]
    public async Task GetAgents_AgentOnlyNamedByAContact_IsListedOfflineWithoutSinceQueuesOrTeam()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, EventJson.Queued("q1", 0, "c1"), EventJson.Answered("n1", 5, "c1", "a7"));

        var all = await AgentsAsync(client, "/api/v1/agents");
        var sales = await AgentsAsync(client, "/api/v1/agents?queues=sales");

        // No agent.state yet: nothing says the agent signed in, nor for which queues.
        Assert.Equal([("a7", null, "offline", null, "", null)], Rows(all));
        Assert.Empty(Rows(sales));
    }

    // 09:00:00 + seconds. a1 Ada (north, sales) signs in at 0 and takes a contact at 20; a2 Bo (south) is available
    // from 5, first for sales and support, then (still available) for support only; a3 Cy (north) goes away at 10;
    // a4, known by id only, is in wrap-up from 45. The engine clock ends at 50.
    private static async Task PostShiftAsync(HttpClient client)
    {
        JsonObject[] shift =
        [
            State("s1", 0, new { agentId = "a1", state = "available", queues = new[] { "sales" }, team = "north", name = "Ada" }),
            State("s2", 5, new { agentId = "a2", state = "available", queues = new[] { "sales", "support" }, team = "south", name = "Bo" }),
            State("s3", 10, new { agentId = "a3", state = "away", queues = new[] { "support", "billing" }, team = "north", name = "Cy", reason = "training" }),
            State("s4", 20, new { agentId = "a1", state = "busy" }),
            State("s5", 30, new { agentId = "a2", state = "available", queues = new[] { "support" } }),
            State("s6", 40, new { agentId = "a4", state = "available", queues = new[] { "billing" } }),
            State("s7", 45, new { agentId = "a4", state = "wrapup" }),
            EventJson.Queued("q1", 50, "c1"),
        ];
        var response = await EventJson.PostAsync(client, shift);
        Assert.Equal(shift.Length, (int)response["accepted"]!);
        Assert.Empty(response["rejected"]!.AsArray());
    }

    private static JsonObject State(string id, double at, object fields) => ContractEvents.Event(id, "agent.state", at, fields);

    private static async Task<JsonObject> AgentsAsync(HttpClient client, string pathAndQuery) =>
        (await client.GetFromJsonAsync<JsonObject>(new Uri(pathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken))!;

    /// <summary>The agents as (id, name, state, since in seconds after 09:00, queues joined by commas, team), in the order listed.</summary>
    private static List<(string Id, string? Name, string State, double? Since, string Queues, string? Team)> Rows(JsonObject agents) =>
        [.. agents["agents"]!.AsArray().Select(agent =>
        {
            Assert.Equal(["id", "name", "state", "since", "queues", "team"], agent!.AsObject().Select(pair => pair.Key));
            var since = (string?)agent["since"];
            return (
                (string)agent["id"]!,
                (string?)agent["name"],
                (string)agent["state"]!,
                since is null ? (double?)null : (DateTimeOffset.Parse(since, CultureInfo.InvariantCulture) - EventJson.Base).TotalSeconds,
                string.Join(",", agent["queues"]!.AsArray().Select(queue => (string)queue!)),
                (string?)agent["team"]);
        })];
}
