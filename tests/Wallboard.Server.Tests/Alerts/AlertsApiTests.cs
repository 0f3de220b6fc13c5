using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Wallboard.Server.Tests.Alerts.Delivery;
using Wallboard.Server.Tests.Support;
using static Wallboard.Server.Tests.Alerts.Delivery.AlertSetup;

namespace Wallboard.Server.Tests.Alerts;

public class AlertsApiTests(RedisFixture redis)
{
    private const string Refused =
        "DataAnnotation validation failed for 'AlertsOptions' members: 'Rules' with the error: 'Alert rule 'waiting': 'noSuchKpi' is not a KPI of the catalog'.";

    [Fact]
    public async Task GetAlerts_InvalidRulesEdit_KeepsTheLastValidRulesAndSaysWhy()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var logs = new CapturedLogs();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver))
        {
            ConfigureServices = services => services.AddSingleton<ILogEventSink>(logs),
        };
        var client = await app.ReadyClientAsync();
        var edits = ConfigurationEdits.AttachTo(app.Services);

        // Critical from 10 instead of 4, and a KPI that does not exist: the whole edit is refused. Saved twice
        // (as an editor does), it is still one bad edit.
        var invalid = new Dictionary<string, string?> { ["Alerts:Rules:0:Kpi"] = "noSuchKpi", ["Alerts:Rules:0:Critical:Above"] = "10" };
        edits.Apply(invalid);
        edits.Apply(invalid);
        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
        var pagerDuty = Assert.Single(await receiver.WaitForAsync("/pagerduty", 1));
        var (status, refused) = await GetAlertsAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Refused, (string?)refused["configError"]);
        var sales = Assert.Single(refused["active"]!.AsArray());
        Assert.Equal(AlertId("sales", 4), (string)sales!["id"]!);
        Assert.Equal("critical", (string)sales["severity"]!);
        Assert.Equal(5, (double)sales["value"]!);
        Assert.Equal("critical", (string)pagerDuty.Body["payload"]!["severity"]!);
        var warning = Assert.Single(logs.Lines, line => line.Contains("is invalid and was ignored", StringComparison.Ordinal));
        Assert.StartsWith("Warning The edited configuration of \"AlertsOptions\" is invalid", warning, StringComparison.Ordinal);
        Assert.Contains(Refused, warning, StringComparison.Ordinal);

        edits.Apply(new Dictionary<string, string?> { ["Alerts:Rules:0:Critical:Above"] = "10" });
        await EventJson.PostAsync(client, Queue("support", 5, at: 6));
        await WaitForStepAsync(client, AlertId("support", 6), "fired");
        var (_, applied) = await GetAlertsAsync(client);

        Assert.Null(applied["configError"]);
        Assert.True(applied.ContainsKey("configError"));
        var active = applied["active"]!.AsArray().ToDictionary(alert => (string)alert!["scope"]!, alert => alert!);
        Assert.Equal(["queue:sales", "queue:support"], active.Keys.Order());
        Assert.Equal("warning", (string)active["queue:support"]["severity"]!);
        Assert.Equal("warning", (string)active["queue:sales"]["severity"]!);
        Assert.Equal("deescalated", (string)active["queue:sales"]["timeline"]!.AsArray()[^1]!["kind"]!);
        Assert.Single(logs.Lines, line => line.Contains("is invalid and was ignored", StringComparison.Ordinal));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAlertsAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!
            : [];
        return (response.StatusCode, body);
    }
}
