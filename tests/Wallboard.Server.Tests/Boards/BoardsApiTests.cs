using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Alerts.Delivery;
using Wallboard.Server.Tests.Api;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Boards;

/// <summary><c>GET /api/v1/boards</c> and <c>GET /api/v1/boards/{id}</c>: the boards of configuration, hot-reloaded.</summary>
public class BoardsApiTests(RedisFixture redis)
{
    private const string Refused =
        "DataAnnotation validation failed for 'BoardsOptions' members: 'Boards' with the error: 'Board 'billing': 'noSuchKpi' is not a KPI of the catalog.'.";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The billing board of <see cref="BillingBoard"/> as the API shows it: a tile without scope, window or label gets all, 15m and null.</summary>
    private static JsonObject Billing() => new()
    {
        ["id"] = "billing",
        ["title"] = "Billing desk",
        ["tiles"] = new JsonArray(
            new JsonObject { ["kpi"] = "contactsWaiting", ["scope"] = "queue:billing", ["window"] = "now", ["label"] = "Waiting" },
            new JsonObject { ["kpi"] = "serviceLevel", ["scope"] = "all", ["window"] = "15m", ["label"] = null }),
    };

    [Fact]
    public async Task GetBoards_Configured_ListsSiteNameTimeZoneAndEveryBoardWithItsTiles()
    {
        await using var app = new WallboardApplication(redis.Server, settings =>
        {
            settings["Boards:SiteName"] = "North site";
            settings["Site:TimeZone"] = "Europe/Paris";
        });
        var client = await app.ReadyClientAsync();

        var boards = await BoardsAsync(client);

        Assert.Equal(["siteName", "timeZone", "boards"], boards.Select(pair => pair.Key));
        Assert.Equal("North site", (string)boards["siteName"]!);
        Assert.Equal("Europe/Paris", (string)boards["timeZone"]!);
        AssertJson(ConfiguredBoards(app), boards["boards"]!);
    }

    [Fact]
    public async Task GetBoard_ConfiguredId_AnswersThatBoardAlone()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        foreach (var expected in ConfiguredBoards(app))
        {
            var id = (string)expected!["id"]!;
            var board = await client.GetFromJsonAsync<JsonObject>(new Uri($"/api/v1/boards/{id}", UriKind.Relative), TestContext.Current.CancellationToken);

            AssertJson(expected, board!);
        }
    }

    [Theory]
    [InlineData("no-such-board")]
    [InlineData("Overview")]
    public async Task GetBoard_UnknownId_Answers404Problem(string id)
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await ApiCalls.GetAsync(client, $"/api/v1/boards/{id}");

        var (title, detail) = await ApiCalls.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No such board", title);
        Assert.Equal($"no board has the id '{id}'", detail);
    }

    [Fact]
    public async Task GetBoards_BoardAddedAndTitleEditedAtRuntime_ListsTheNewBoardsAndPushesBoardsChanged()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var configured = ConfiguredBoards(app);

        // Attached before the board connects: adding a source reloads the configuration too.
        var edits = ConfigurationEdits.AttachTo(app.Services);
        await using var hub = app.CreateHubConnection();
        var changes = Channel.CreateUnbounded<bool>();
        hub.On(nameof(IWallboardClient.BoardsChanged), () => changes.Writer.TryWrite(true));
        await hub.StartAsync(TestContext.Current.CancellationToken);

        var edit = BillingBoard(configured.Count);
        edit["Boards:Boards:0:Title"] = "Floor overview";
        edits.Apply(edit);
        await NextAsync(changes);
        var boards = await BoardsAsync(client);
        var billing = await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/boards/billing", UriKind.Relative), TestContext.Current.CancellationToken);

        var expected = configured.DeepClone().AsArray();
        expected[0]!["title"] = "Floor overview";
        expected.Add(Billing());
        AssertJson(expected, boards["boards"]!);
        AssertJson(Billing(), billing!);
    }

    [Fact]
    public async Task GetBoards_InvalidEdit_KeepsTheLastValidBoardsAndLogsWhyOnce()
    {
        var logs = new CapturedLogs();
        await using var app = new WallboardApplication(redis.Server)
        {
            ConfigureServices = services => services.AddSingleton<ILogEventSink>(logs),
        };
        var client = await app.ReadyClientAsync();
        var configured = ConfiguredBoards(app);
        var edits = ConfigurationEdits.AttachTo(app.Services);
        edits.Apply(BillingBoard(configured.Count));

        // A tile on a KPI that does not exist, and a new title: the whole edit is refused. Saved twice (as an
        // editor does), it is still one bad edit.
        var invalid = BillingBoard(configured.Count);
        invalid[$"Boards:Boards:{configured.Count}:Title"] = "Billing (edited)";
        invalid[$"Boards:Boards:{configured.Count}:Tiles:1:Kpi"] = "noSuchKpi";
        edits.Apply(invalid);
        edits.Apply(invalid);
        var boards = await BoardsAsync(client);
        using var billing = await ApiCalls.GetAsync(client, "/api/v1/boards/billing");

        var expected = configured.DeepClone().AsArray();
        expected.Add(Billing());
        AssertJson(expected, boards["boards"]!);
        Assert.Equal(HttpStatusCode.OK, billing.StatusCode);
        AssertJson(Billing(), (await billing.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!);
        var warning = Assert.Single(logs.Lines, line => line.Contains("is invalid and was ignored", StringComparison.Ordinal));
        Assert.StartsWith("Warning The edited configuration of \"BoardsOptions\" is invalid and was ignored; the last valid one stays in use", warning, StringComparison.Ordinal);
        Assert.Contains(Refused, warning, StringComparison.Ordinal);

        // The next valid edit is taken again.
        invalid[$"Boards:Boards:{configured.Count}:Tiles:1:Kpi"] = "abandonRate";
        edits.Apply(invalid);
        var fixedBoard = await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/boards/billing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("Billing (edited)", (string)fixedBoard!["title"]!);
        Assert.Equal("abandonRate", (string)fixedBoard["tiles"]![1]!["kpi"]!);
    }

    /// <summary>The billing board as configuration keys, as board number <paramref name="index"/>.</summary>
    private static Dictionary<string, string?> BillingBoard(int index) => new()
    {
        [$"Boards:Boards:{index}:Id"] = "billing",
        [$"Boards:Boards:{index}:Title"] = "Billing desk",
        [$"Boards:Boards:{index}:Tiles:0:Kpi"] = "contactsWaiting",
        [$"Boards:Boards:{index}:Tiles:0:Scope"] = "queue:billing",
        [$"Boards:Boards:{index}:Tiles:0:Window"] = "now",
        [$"Boards:Boards:{index}:Tiles:0:Label"] = "Waiting",
        [$"Boards:Boards:{index}:Tiles:1:Kpi"] = "serviceLevel",
    };

    /// <summary>The boards of the server's appsettings.json, in the API's shape (camelCase, defaults filled in).</summary>
    private static JsonArray ConfiguredBoards(WallboardApplication app)
    {
        var path = Path.Combine(app.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "appsettings.json");
        var settings = JsonNode.Parse(File.ReadAllText(path))!;
        return new JsonArray([.. settings["Boards"]!["Boards"]!.AsArray().Select(board => (JsonNode)new JsonObject
        {
            ["id"] = (string)board!["Id"]!,
            ["title"] = (string)board["Title"]!,
            ["tiles"] = new JsonArray([.. board["Tiles"]!.AsArray().Select(tile => (JsonNode)new JsonObject
            {
                ["kpi"] = (string)tile!["Kpi"]!,
                ["scope"] = (string?)tile["Scope"] ?? "all",
                ["window"] = (string?)tile["Window"] ?? "15m",
                ["label"] = (string?)tile["Label"],
            })]),
        })]);
    }

    private static async Task<JsonObject> BoardsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/boards", UriKind.Relative), TestContext.Current.CancellationToken))!;

    private static void AssertJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");

    private static async Task NextAsync(Channel<bool> changes)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        await changes.Reader.ReadAsync(timeout.Token);
    }
}
