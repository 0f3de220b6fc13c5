using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wallboard.Server.Tests.Support;
using static Wallboard.Server.Tests.Alerts.Delivery.AlertSetup;

namespace Wallboard.Server.Tests.Alerts.Delivery;

/// <summary>End to end: events in, alerts evaluated on the event clock, notifications out to a real local receiver.</summary>
public class AlertNotifierTests(RedisFixture redis)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Breach_Critical_SendsOneSlackMessageAndOnePagerDutyTrigger()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver));
        var client = await app.ReadyClientAsync();

        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));

        var pagerDuty = Assert.Single(await receiver.WaitForAsync("/pagerduty", 1));
        var slack = Assert.Single(await receiver.WaitForAsync("/slack", 1));
        var alertId = AlertId("sales", 4);
        Assert.Equal("/pagerduty/v2/enqueue", pagerDuty.Path);
        Assert.Equal("trigger", (string)pagerDuty.Body["event_action"]!);
        Assert.Equal(alertId, (string)pagerDuty.Body["dedup_key"]!);
        Assert.Equal(PagerDutyKey, (string)pagerDuty.Body["routing_key"]!);
        Assert.Equal("critical", (string)pagerDuty.Body["payload"]!["severity"]!);
        Assert.Equal("Critical: Waiting on queue:sales is 5 (threshold above 4)", (string)pagerDuty.Body["payload"]!["summary"]!);
        Assert.Equal(SlackPath, slack.Path);
        Assert.Equal("Critical alert fired: Critical: Waiting on queue:sales is 5 (threshold above 4)", (string)slack.Body["text"]!);
        Assert.Equal(["header", "section", "context"], slack.Body["blocks"]!.AsArray().Select(block => (string)block!["type"]!));
        var deliveries = await DeliveriesWhenAsync(client, alertId, entries => entries.Count == 2, "two delivery records");
        Assert.Equal(["fired:delivered"], Outcomes(deliveries, "slack"));
        Assert.Equal(["fired:delivered"], Outcomes(deliveries, "pagerduty"));
        Assert.Single(receiver.Requests("/pagerduty"));
        Assert.Single(receiver.Requests("/slack"));
    }

    [Fact]
    public async Task Acknowledge_FiringAlert_SendsPagerDutyAcknowledgeWithTheSameDedupKey()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver));
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
        await receiver.WaitForAsync("/pagerduty", 1);
        var alertId = AlertId("sales", 4);

        var response = await AcknowledgeAsync(client, alertId, "maria", "calling in two agents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pagerDuty = await receiver.WaitForAsync("/pagerduty", 2);
        var slack = await receiver.WaitForAsync("/slack", 2);
        Assert.Equal(["trigger", "acknowledge"], pagerDuty.Select(request => (string)request.Body["event_action"]!));
        Assert.Equal([alertId, alertId], pagerDuty.Select(request => (string)request.Body["dedup_key"]!));
        Assert.Equal(
            "Alert acknowledged: Waiting on queue:sales: acknowledged by maria: calling in two agents",
            (string)slack[1].Body["text"]!);
    }

    [Fact]
    public async Task Recovery_AfterTheClearDuration_SendsExactlyOneResolve()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver));
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
        await receiver.WaitForAsync("/pagerduty", 1);
        var alertId = AlertId("sales", 4);

        await EventJson.PostAsync(client, Answer("sales", 5, queuedAt: 4, at: 10));
        await WaitForStepAsync(client, alertId, "clearing");
        await EventJson.PostAsync(client, Tick(39));
        await EventJson.PostAsync(client, Tick(40));

        var pagerDuty = await receiver.WaitForAsync("/pagerduty", 2);
        var slack = await receiver.WaitForAsync("/slack", 2);
        var deliveries = await DeliveriesWhenAsync(client, alertId, entries => entries.Count == 4, "four delivery records");
        Assert.Equal(["trigger", "resolve"], pagerDuty.Select(request => (string)request.Body["event_action"]!));
        Assert.Equal([alertId, alertId], pagerDuty.Select(request => (string)request.Body["dedup_key"]!));
        Assert.Equal("Alert resolved: Waiting on queue:sales: back at 0 after 36 s", (string)slack[1].Body["text"]!);
        Assert.Equal(["fired:delivered", "resolved:delivered"], Outcomes(deliveries, "pagerduty"));
        Assert.Equal(2, receiver.Requests("/pagerduty").Count);
        Assert.Equal(2, receiver.Requests("/slack").Count);
    }

    [Fact]
    public async Task Delivery_ReceiverAnswers500Then429WithRetryAfter_RetriesAndDeliversOnce()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Respond("/slack", new ScriptedResponse(500, Body: "boom"), new ScriptedResponse(429, RetryAfter: "1", Body: "rate_limited"));
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver));
        var client = await app.ReadyClientAsync();

        await EventJson.PostAsync(client, Queue("sales", 3, at: 4));

        var slack = await receiver.WaitForAsync("/slack", 3);
        var alertId = AlertId("sales", 4);
        var deliveries = await DeliveriesWhenAsync(client, alertId, entries => entries.Count == 3, "three delivery attempts");
        // The system timer counts whole milliseconds of its own clock, so a wait of 1 s can end a little before 1 s
        // of the receiver's Stopwatch; a back-off instead of the Retry-After would be far shorter than this bound.
        Assert.True(
            slack[2].At - slack[1].At >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(20),
            $"retried {(slack[2].At - slack[1].At).TotalMilliseconds} ms after a Retry-After of 1 s");
        Assert.Equal(["fired:retrying", "fired:retrying", "fired:delivered"], Outcomes(deliveries, "slack"));
        Assert.Equal([500, 429, 200], deliveries.Select(entry => (int)entry!["status"]!));
        Assert.Equal([1, 2, 3], deliveries.Select(entry => (int)entry!["attempt"]!));
        Assert.Equal(["HTTP 500: boom", "HTTP 429: rate_limited", null], deliveries.Select(entry => (string?)entry!["error"]));
        Assert.Single(deliveries.Select(entry => (string)entry!["messageId"]!).Distinct());
        Assert.Equal(3, receiver.Requests("/slack").Count);
        Assert.Single(slack.Select(request => request.Text).Distinct());
    }

    [Fact]
    public async Task Breach_TenQueuesAtOnce_OneSlackMessageListsTheTenAlerts()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver));
        var client = await app.ReadyClientAsync();
        var queues = Enumerable.Range(0, 10).Select(index => $"q{index}").ToArray();

        await EventJson.PostAsync(client, [.. queues.SelectMany(queue => Queue(queue, 3, at: 4))]);

        var slack = Assert.Single(await receiver.WaitForAsync("/slack", 1));
        var lines = ((string)slack.Body["blocks"]![1]!["text"]!["text"]!).Split('\n');
        Assert.Equal([.. queues.Select(queue => $"• Warning: Waiting on queue:{queue} is 3 (threshold above 2)")], lines.Order(StringComparer.Ordinal));
        Assert.Equal(":large_orange_circle: 10 alerts fired", (string)slack.Body["blocks"]![0]!["text"]!["text"]!);
        foreach (var queue in queues)
        {
            var deliveries = await DeliveriesWhenAsync(client, AlertId(queue, 4), entries => entries.Count == 1, $"the delivery of {queue}");
            Assert.Equal(["fired:delivered"], Outcomes(deliveries, "slack"));
        }

        Assert.Empty(receiver.Requests("/pagerduty"));
        Assert.Single(receiver.Requests("/slack"));
    }

    [Fact]
    public async Task Repeat_WhileUnacknowledged_RemindsAndStopsAfterAcknowledge()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver, settings => settings["Alerts:Routes:oncall:RepeatEvery"] = "00:10:00"));
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, Queue("sales", 3, at: 4));
        await receiver.WaitForAsync("/slack", 1);

        await EventJson.PostAsync(client, Tick(300));
        await EventJson.PostAsync(client, Tick(604));
        await receiver.WaitForAsync("/slack", 2);
        await AcknowledgeAsync(client, AlertId("sales", 4), "maria", null);
        await receiver.WaitForAsync("/slack", 3);
        await EventJson.PostAsync(client, [Tick(1204), .. Queue("billing", 3, at: 1204)]);
        var slack = await receiver.WaitForAsync("/slack", 4);

        Assert.Equal(
            [
                "Warning alert fired: Warning: Waiting on queue:sales is 3 (threshold above 2)",
                "Alert still firing, not acknowledged: Warning: Waiting on queue:sales is 3 (threshold above 2)",
                "Alert acknowledged: Waiting on queue:sales: acknowledged by maria",
                "Warning alert fired: Warning: Waiting on queue:billing is 3 (threshold above 2)",
            ],
            slack.Select(request => (string)request.Body["text"]!));
    }

    [Fact]
    public async Task Escalation_UnacknowledgedForTheDelay_TellsTheFurtherChannel()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver, settings =>
        {
            settings["Alerts:Channels:lead:Kind"] = "webhook";
            settings["Alerts:Channels:lead:Url"] = receiver.Url("/lead");
            settings["Alerts:Channels:lead:Headers:Authorization"] = "Bearer lead-secret";
            settings["Alerts:Routes:oncall:EscalateAfter"] = "00:15:00";
            settings["Alerts:Routes:oncall:EscalateTo:0"] = "lead";
        }));
        var client = await app.ReadyClientAsync();
        await EventJson.PostAsync(client, Queue("sales", 3, at: 4));
        await receiver.WaitForAsync("/slack", 1);
        var alertId = AlertId("sales", 4);

        await EventJson.PostAsync(client, Tick(600));
        await EventJson.PostAsync(client, Tick(904));
        var escalation = Assert.Single(await receiver.WaitForAsync("/lead", 1));
        await AcknowledgeAsync(client, alertId, "maria", "on it");
        var lead = await receiver.WaitForAsync("/lead", 2);

        Assert.Equal("unacknowledged", (string)escalation.Body["change"]!);
        Assert.Equal("oncall", (string)escalation.Body["route"]!);
        Assert.Equal(alertId, (string)escalation.Body["alert"]!["id"]!);
        Assert.Equal("Bearer lead-secret", escalation.Headers["Authorization"]);
        Assert.Equal("acknowledged", (string)lead[1].Body["change"]!);
        Assert.Equal("maria", (string)lead[1].Body["alert"]!["acknowledged"]!["by"]!);

        // The acknowledgement goes to Slack and to the lead concurrently, so the lead's copy says nothing about
        // Slack's: wait for it. The escalation itself went to the lead only.
        var slack = await receiver.WaitForAsync("/slack", 2);
        Assert.Equal(2, slack.Count);
        Assert.StartsWith("Alert acknowledged", (string)slack[1].Body["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_InTheMiddle_DoesNotRepeatANotification()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var configure = Oncall(receiver, settings => settings["Alerts:Routes:oncall:RepeatEvery"] = "00:10:00");
        string prefix;
        var alertId = AlertId("sales", 4);
        await using (var first = new WallboardApplication(redis.Server, configure))
        {
            prefix = first.KeyPrefix;
            var client = await first.ReadyClientAsync();
            await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
            await receiver.WaitForAsync("/pagerduty", 1);
            await EventJson.PostAsync(client, Tick(604));
            await receiver.WaitForAsync("/slack", 2);
            await DeliveriesWhenAsync(client, alertId, entries => entries.Count == 3, "fired (2) and reminder delivered");
        }

        await using var second = new WallboardApplication(redis.Server, settings =>
        {
            configure(settings);
            settings["Redis:KeyPrefix"] = prefix;
        });
        var restarted = await second.ReadyClientAsync();
        await EventJson.PostAsync(restarted, Tick(650));
        await DeliveriesWhenAsync(restarted, alertId, entries => Outcomes(entries, "slack").Contains("reminder:skipped"), "the reminder skipped after the restart");
        await EventJson.PostAsync(restarted, Answer("sales", 5, queuedAt: 4, at: 660));
        await WaitForStepAsync(restarted, alertId, "clearing");
        await EventJson.PostAsync(restarted, Tick(690));

        var pagerDuty = await receiver.WaitForAsync("/pagerduty", 2);
        var slack = await receiver.WaitForAsync("/slack", 3);
        var deliveries = await DeliveriesWhenAsync(restarted, alertId, entries => entries.Count == 6, "resolve delivered to both channels");
        Assert.Equal(["trigger", "resolve"], pagerDuty.Select(request => (string)request.Body["event_action"]!));
        Assert.Equal(
            ["Critical alert fired", "Alert still firing, not acknowledged", "Alert resolved"],
            slack.Select(request => ((string)request.Body["text"]!).Split(':')[0]));
        Assert.Equal(["fired:delivered", "reminder:delivered", "reminder:skipped", "resolved:delivered"], Outcomes(deliveries, "slack"));
        Assert.Equal(2, receiver.Requests("/pagerduty").Count);
        Assert.Equal(3, receiver.Requests("/slack").Count);
    }

    [Fact]
    public async Task Restart_WhileADeliveryIsRetried_DeliversItOnceAfterTheRestart()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Respond("/pagerduty", [.. Enumerable.Repeat(new ScriptedResponse(503, Body: "maintenance"), 1000)]);
        var configure = Oncall(receiver, settings =>
        {
            settings["Alerts:Delivery:MaxAttempts"] = "50";
            settings["Alerts:Delivery:MaxRetryDelay"] = "00:00:00.200";
        });
        string prefix;
        var alertId = AlertId("sales", 4);
        await using (var first = new WallboardApplication(redis.Server, configure))
        {
            prefix = first.KeyPrefix;
            var client = await first.ReadyClientAsync();
            await EventJson.PostAsync(client, Queue("sales", 5, at: 4));
            await receiver.WaitForAsync("/slack", 1);
            await receiver.WaitForAsync("/pagerduty", 3);
        }

        var failed = receiver.Requests("/pagerduty").Count;
        receiver.Respond("/pagerduty");
        await using var second = new WallboardApplication(redis.Server, settings =>
        {
            configure(settings);
            settings["Redis:KeyPrefix"] = prefix;
        });
        var restarted = await second.ReadyClientAsync();

        var deliveries = await DeliveriesWhenAsync(
            restarted, alertId, entries => Outcomes(entries, "pagerduty").Contains("fired:delivered"), "the trigger delivered after the restart");
        var pagerDuty = await receiver.WaitForAsync("/pagerduty", failed + 1);
        Assert.Equal(failed + 1, pagerDuty.Count);
        Assert.All(pagerDuty, request => Assert.Equal("trigger", (string)request.Body["event_action"]!));
        var outcomes = Outcomes(deliveries, "pagerduty");
        Assert.Equal("fired:delivered", outcomes[^1]);
        Assert.All(outcomes[..^1], outcome => Assert.Equal("fired:retrying", outcome));
        Assert.Single(receiver.Requests("/slack"));
    }

    [Fact]
    public async Task Delivery_FailuresRetriesAndSuccesses_NeverLogTheSecrets()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Respond("/slack", new ScriptedResponse(500, Body: "no_service"));
        receiver.Respond("/pagerduty", new ScriptedResponse(429, RetryAfter: "0", Body: "throttled"));
        var logs = new CapturedLogs();
        var closedPort = RedisServer.FreePort();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver, settings =>
        {
            settings["Serilog:MinimumLevel:Default"] = "Verbose";
            settings["Alerts:Delivery:MaxAttempts"] = "2";
            settings["Alerts:Channels:hook:Kind"] = "webhook";
            settings["Alerts:Channels:hook:Url"] = $"http://127.0.0.1:{closedPort}/hooks/hook-secret-77?sig=signature-99";
            settings["Alerts:Channels:hook:Headers:Authorization"] = "Bearer header-secret-55";
            settings["Alerts:Routes:oncall:Critical:2"] = "hook";
        }))
        {
            ConfigureServices = services => services.AddSingleton<Serilog.Core.ILogEventSink>(logs),
        };
        var client = await app.ReadyClientAsync();

        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));

        var alertId = AlertId("sales", 4);
        var deliveries = await DeliveriesWhenAsync(
            client, alertId, entries => entries.Count(entry => (string)entry!["outcome"]! is "delivered" or "failed") == 3, "three channels done");
        Assert.Equal(["fired:retrying", "fired:delivered"], Outcomes(deliveries, "slack"));
        Assert.Equal(["fired:retrying", "fired:delivered"], Outcomes(deliveries, "pagerduty"));
        Assert.Equal(["fired:retrying", "fired:failed"], Outcomes(deliveries, "hook"));
        string[] secrets = ["SecretToken42", PagerDutyKey, "hook-secret-77", "signature-99", "header-secret-55"];
        // The delivery record is stored before the sender logs the outcome: wait for the log lines themselves.
        await Eventually.TrueAsync(
            () => logs.Lines.Any(line => line.Contains("channel \"hook\"", StringComparison.Ordinal) && line.Contains("given up", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            "the give-up of channel hook is logged");
        await Eventually.TrueAsync(
            () => logs.Lines.Any(line => line.Contains("channel \"slack\"", StringComparison.Ordinal) && line.Contains("HTTP 500", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            "the HTTP 500 of channel slack is logged");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, deliveries.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fired_EveryChannelKind_PostsItsOwnFormat()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var app = new WallboardApplication(redis.Server, Oncall(receiver, settings =>
        {
            settings["Alerts:Channels:teams:Kind"] = "teams";
            settings["Alerts:Channels:teams:Url"] = receiver.Url("/teams/workflows/abc/triggers/manual/paths/invoke?sig=xyz");
            settings["Alerts:Channels:hook:Kind"] = "webhook";
            settings["Alerts:Channels:hook:Url"] = receiver.Url("/hook");
            settings["Alerts:Routes:oncall:Critical:2"] = "teams";
            settings["Alerts:Routes:oncall:Critical:3"] = "hook";
        }));
        var client = await app.ReadyClientAsync();

        await EventJson.PostAsync(client, Queue("sales", 5, at: 4));

        var teams = Assert.Single(await receiver.WaitForAsync("/teams", 1));
        var hook = Assert.Single(await receiver.WaitForAsync("/hook", 1));
        var slack = Assert.Single(await receiver.WaitForAsync("/slack", 1));
        var pagerDuty = Assert.Single(await receiver.WaitForAsync("/pagerduty", 1));
        foreach (var request in new[] { slack, teams, pagerDuty, hook })
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{request.Path}\n{request.Body.ToJsonString(Indented)}");
            Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        }

        Assert.Equal("message", (string)teams.Body["type"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)teams.Body["attachments"]![0]!["contentType"]!);
        Assert.Equal("Critical alert fired", (string)teams.Body["attachments"]![0]!["content"]!["body"]![0]!["text"]!);
        Assert.Equal("Attention", (string)teams.Body["attachments"]![0]!["content"]!["body"]![0]!["color"]!);
        Assert.Equal("fired", (string)hook.Body["change"]!);
        Assert.Equal(AlertId("sales", 4), (string)hook.Body["alert"]!["id"]!);
        Assert.Equal(AlertId("sales", 4), (string)hook.Body["group"]![0]!["id"]!);
        Assert.Equal(5, (double)hook.Body["alert"]!["value"]!);
        Assert.Equal("/teams/workflows/abc/triggers/manual/paths/invoke", teams.Path);
    }
}
