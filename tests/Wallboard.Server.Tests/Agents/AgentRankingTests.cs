using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wallboard.Server.Tests.Api;
using Wallboard.Server.Tests.Catalog;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Agents;

/// <summary><c>GET /api/v1/agents/ranking</c>: the agent scopes' own KPIs, best first by one of them.</summary>
public class AgentRankingTests(RedisFixture redis)
{
    private static readonly Dictionary<string, double?> Ada = Row(handled: 1, answered: 1, aht: 340, fcr: 100, ticketsResolved: 1, csat: 0, csatResponses: 1, occupancy: 40);
    private static readonly Dictionary<string, double?> Bo = Row(handled: 3, answered: 3, aht: 200, fcr: 100.0 * 2 / 3, ticketsResolved: 0, csat: 100, csatResponses: 2, occupancy: 50);
    private static readonly Dictionary<string, double?> Cy = Row(handled: 1, answered: 1, aht: 100, fcr: 100, ticketsResolved: 0, csat: null, csatResponses: 0, occupancy: 0);
    private static readonly Dictionary<string, double?> B9 = Row(handled: 0, answered: 0, aht: null, fcr: null, ticketsResolved: 2, csat: null, csatResponses: 0, occupancy: null);

    [Fact]
    public async Task GetRanking_Default_RanksEveryAgentByHandledDescendingThenById()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        var ranking = await RankingAsync(client, "/api/v1/agents/ranking");

        Assert.Equal("5m", (string)ranking["window"]!);
        Assert.Equal("handled", (string)ranking["by"]!);
        Assert.Equal("descending", (string)ranking["order"]!);
        Assert.Equal(EventJson.Base.AddSeconds(1000), DateTimeOffset.Parse((string)ranking["asOf"]!, CultureInfo.InvariantCulture));
        Assert.Equal(
            ["handled", "answered", "aht", "fcr", "ticketsResolved", "csat", "csatResponses", "occupancy"],
            ranking["kpis"]!.AsArray().Select(kpi => (string)kpi!));
    }

    [Theory]
    [InlineData("60m")]
    [InlineData("today")]
    public async Task GetRanking_ByHandled_OrdersDescendingWithExactValuesNameTeamAndState(string window)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        var ranking = await RankingAsync(client, $"/api/v1/agents/ranking?window={window}&by=handled");

        Assert.Equal(window, (string)ranking["window"]!);
        var agents = Agents(ranking);
        Assert.Equal(["a2", "a1", "a3", "b9"], agents.Select(agent => agent.Id));
        Assert.Equal([1, 2, 3, 4], agents.Select(agent => agent.Rank));
        Assert.Equal([Bo, Ada, Cy, B9], agents.Select(agent => agent.Values));
        Assert.Equal(["Bo", "Ada", "Cy", null], agents.Select(agent => agent.Name));
        Assert.Equal(["south", "north", "north", null], agents.Select(agent => agent.Team));
        Assert.Equal(["available", "available", "available", "offline"], agents.Select(agent => agent.State));
        Assert.Equal(["csat", "csat", null, null], agents.Select(agent => agent.LowSample is null ? null : string.Join(",", agent.LowSample)));
    }

    [Theory]
    [InlineData("aht", "ascending", new[] { "a3", "a2", "a1", "b9" })]
    [InlineData("csat", "descending", new[] { "a2", "a1", "a3", "b9" })]
    [InlineData("ticketsResolved", "descending", new[] { "b9", "a1", "a2", "a3" })]
    [InlineData("occupancy", "descending", new[] { "a2", "a1", "a3", "b9" })]
    [InlineData("fcr", "descending", new[] { "a1", "a3", "a2", "b9" })]
    [InlineData("answered", "descending", new[] { "a2", "a1", "a3", "b9" })]
    [InlineData("csatResponses", "descending", new[] { "a2", "a1", "a3", "b9" })]
    public async Task GetRanking_ByAnotherKpi_OrdersBestFirstWithoutValuesLastThenById(string by, string order, string[] expected)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        var ranking = await RankingAsync(client, $"/api/v1/agents/ranking?window=60m&by={by}");

        Assert.Equal(by, (string)ranking["by"]!);
        Assert.Equal(order, (string)ranking["order"]!);
        var agents = Agents(ranking);
        Assert.Equal(expected, agents.Select(agent => agent.Id));
        var byId = new Dictionary<string, Dictionary<string, double?>> { ["a1"] = Ada, ["a2"] = Bo, ["a3"] = Cy, ["b9"] = B9 };
        Assert.Equal(expected.Select(id => byId[id]), agents.Select(agent => agent.Values));
    }

    [Fact]
    public async Task GetRanking_ShortWindow_CountsOnlyTheWorkInsideIt()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        var ranking = await RankingAsync(client, "/api/v1/agents/ranking?window=5m&by=ticketsResolved");

        // (700 s, 1000 s]: no completion; b9's resolutions at 800 and 900 s and a1's at 1000 s; every agent available since 700 s.
        var agents = Agents(ranking);
        Assert.Equal(["b9", "a1", "a2", "a3"], agents.Select(agent => agent.Id));
        Assert.Equal(new double?[] { 2, 1, 0, 0 }, agents.Select(agent => agent.Values["ticketsResolved"]));
        Assert.All(agents, agent => Assert.Equal(0, agent.Values["handled"]));
        Assert.Equal(new double?[] { null, 0, 0, 0 }, agents.Select(agent => agent.Values["occupancy"]));
    }

    [Fact]
    public async Task GetRanking_ValuesOfEachAgent_AreThoseOfItsAgentScope()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        await PostShiftAsync(client);

        var ranking = await RankingAsync(client, "/api/v1/agents/ranking?window=today");

        foreach (var agent in Agents(ranking))
        {
            var scope = (await EventJson.KpisAsync(client, $"agent:{agent.Id}", "today"))["values"]!;
            Assert.All(agent.Values, pair => Assert.Equal((double?)scope[pair.Key], pair.Value));
        }
    }

    [Fact]
    public async Task GetRanking_NoAgents_AnswersAnEmptyList()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var ranking = await RankingAsync(client, "/api/v1/agents/ranking?window=today&by=aht");

        Assert.Empty(ranking["agents"]!.AsArray());
        Assert.Equal("ascending", (string)ranking["order"]!);
    }

    [Theory]
    [InlineData("now")]
    [InlineData("7m")]
    [InlineData("1h")]
    [InlineData("Today")]
    public async Task GetRanking_WindowWithoutRollingKpis_Answers400ListingTheWindows(string window)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.GetAsync(client, $"/api/v1/agents/ranking?window={window}");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Unknown window", title);
        Assert.Equal($"window '{window}' is not one of 5m, 15m, 30m, 60m, today", detail);
    }

    [Theory]
    [InlineData("asa")]
    [InlineData("Handled")]
    [InlineData("ext.churnRate")]
    [InlineData("backlog")]
    public async Task GetRanking_UnknownBy_Answers400ListingTheRankingKpis(string by)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.GetAsync(client, $"/api/v1/agents/ranking?window=60m&by={by}");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Unknown ranking KPI", title);
        Assert.Equal($"by '{by}' is not one of handled, answered, aht, fcr, ticketsResolved, csat, csatResponses, occupancy", detail);
    }

    // 09:00:00 + seconds. a1 Ada (north), a2 Bo (south), a3 Cy (north) sign in at 0 s; b9 only resolves tickets.
    // a2 handles 3 contacts (AHT 240, 180, 180; two resolved), a1 one (340), a3 one (100). a1 is busy 100–400 s and in
    // wrap-up 400–500 s, a2 busy 200–700 s: occupancy over 1000 s of presence 40 %, 50 %, 0 %. CSAT: a2 5 and 4, a1 2.
    // b9 resolves t1 and t2, a1 resolves t3 at 1000 s, which is the engine clock.
    private static async Task PostShiftAsync(HttpClient client)
    {
        JsonObject State(string id, double at, string agent, string state, object? identity = null) =>
            ContractEvents.Event(id, "agent.state", at, identity ?? new { agentId = agent, state });
        JsonObject Completed(string id, double at, string contact, string agent, int talk, int hold, int wrap, bool resolved) =>
            ContractEvents.Event(id, "contact.completed", at, new { contactId = contact, agentId = agent, talkSeconds = talk, holdSeconds = hold, wrapSeconds = wrap, resolved });
        JsonObject Ticket(string id, double at, string type, object fields) => ContractEvents.Event(id, type, at, fields);

        JsonObject[] shift =
        [
            State("s1", 0, "a1", "available", new { agentId = "a1", state = "available", queues = new[] { "sales" }, team = "north", name = "Ada" }),
            State("s2", 0, "a2", "available", new { agentId = "a2", state = "available", queues = new[] { "sales" }, team = "south", name = "Bo" }),
            State("s3", 0, "a3", "available", new { agentId = "a3", state = "available", queues = new[] { "sales" }, team = "north", name = "Cy" }),
            Ticket("t1", 0, "ticket.created", new { ticketId = "t1", channel = "email" }),
            EventJson.Queued("q1", 10, "c1"),
            Ticket("t2", 10, "ticket.created", new { ticketId = "t2", channel = "email" }),
            EventJson.Answered("n1", 20, "c1", "a2"),
            Ticket("t3", 20, "ticket.created", new { ticketId = "t3", channel = "email" }),
            EventJson.Queued("q2", 30, "c2"),
            EventJson.Answered("n2", 40, "c2", "a2"),
            EventJson.Queued("q3", 50, "c3"),
            EventJson.Answered("n3", 60, "c3", "a2"),
            EventJson.Queued("q4", 100, "c4"),
            State("s4", 100, "a1", "busy"),
            EventJson.Answered("n4", 110, "c4", "a1"),
            EventJson.Queued("q5", 120, "c5"),
            EventJson.Answered("n5", 125, "c5", "a3"),
            State("s5", 200, "a2", "busy"),
            Completed("d1", 300, "c1", "a2", 200, 0, 40, resolved: true),
            ContractEvents.Event("v1", "survey.responded", 310, new { survey = "csat", score = 5, contactId = "c1" }),
            Completed("d5", 400, "c5", "a3", 90, 0, 10, resolved: true),
            State("s6", 400, "a1", "wrapup"),
            Completed("d4", 450, "c4", "a1", 300, 0, 40, resolved: true),
            ContractEvents.Event("v2", "survey.responded", 460, new { survey = "csat", score = 2, contactId = "c4" }),
            Completed("d2", 500, "c2", "a2", 100, 20, 60, resolved: true),
            State("s7", 500, "a1", "available"),
            ContractEvents.Event("v3", "survey.responded", 550, new { survey = "csat", score = 4, agentId = "a2" }),
            Completed("d3", 600, "c3", "a2", 150, 0, 30, resolved: false),
            State("s8", 700, "a2", "available"),
            Ticket("r1", 800, "ticket.resolved", new { ticketId = "t1", agentId = "b9" }),
            Ticket("r2", 900, "ticket.resolved", new { ticketId = "t2", agentId = "b9" }),
            Ticket("r3", 1000, "ticket.resolved", new { ticketId = "t3", agentId = "a1" }),
        ];
        var response = await EventJson.PostAsync(client, shift);
        Assert.Equal(shift.Length, (int)response["accepted"]!);
        Assert.Empty(response["rejected"]!.AsArray());
    }

    private static async Task<JsonObject> RankingAsync(HttpClient client, string pathAndQuery) =>
        (await client.GetFromJsonAsync<JsonObject>(new Uri(pathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken))!;

    private static List<(int Rank, string Id, string? Name, string? Team, string State, Dictionary<string, double?> Values, string[]? LowSample)> Agents(JsonObject ranking) =>
        [.. ranking["agents"]!.AsArray().Select(agent => (
            (int)agent!["rank"]!,
            (string)agent["id"]!,
            (string?)agent["name"],
            (string?)agent["team"],
            (string)agent["state"]!,
            agent["values"]!.AsObject().ToDictionary(pair => pair.Key, pair => (double?)pair.Value),
            agent["lowSample"]?.AsArray().Select(kpi => (string)kpi!).ToArray()))];

    private static Dictionary<string, double?> Row(
        double? handled, double? answered, double? aht, double? fcr, double? ticketsResolved, double? csat, double? csatResponses, double? occupancy) => new()
        {
            ["handled"] = handled,
            ["answered"] = answered,
            ["aht"] = aht,
            ["fcr"] = fcr,
            ["ticketsResolved"] = ticketsResolved,
            ["csat"] = csat,
            ["csatResponses"] = csatResponses,
            ["occupancy"] = occupancy,
        };
}
