using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Alerts.Delivery;

/// <summary>
/// The alert configuration the delivery tests share: one rule on the contacts waiting in each queue (warning
/// above 2, critical above 4, firing at once, resolving after 30 s back at or below the level), evaluated every
/// 100 ms on the event clock, routed to <c>oncall</c>: warning to Slack, critical to Slack and PagerDuty.
/// </summary>
public static class AlertSetup
{
    public const string PagerDutyKey = "R0UTINGKEY0123456789ABCDEFGHIJKL";
    public const string SlackPath = "/slack/services/T0001/B0001/SecretToken42";

    /// <summary>
    /// The rule alone, without default rules, evaluated every 100 ms: contacts waiting in each queue, critical above 4
    /// and warning above <paramref name="warningAbove"/> (none when null), firing at once, resolving after 30 s cleared.
    /// </summary>
    public static void WaitingRule(IDictionary<string, string?> settings, int? warningAbove = 2)
    {
        settings["Alerts:UseDefaultRules"] = "false";
        settings["Alerts:EvaluationInterval"] = "00:00:00.100";
        settings["Alerts:Rules:0:Id"] = "waiting";
        settings["Alerts:Rules:0:Kpi"] = "contactsWaiting";
        settings["Alerts:Rules:0:Scope"] = "queue:*";
        settings["Alerts:Rules:0:Window"] = "now";
        if (warningAbove is { } warning)
        {
            settings["Alerts:Rules:0:Warning:Above"] = warning.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        settings["Alerts:Rules:0:Critical:Above"] = "4";
        settings["Alerts:Rules:0:For"] = "00:00:00";
        settings["Alerts:Rules:0:ClearFor"] = "00:00:30";
    }

    public static Action<IDictionary<string, string?>> Oncall(HttpReceiver receiver, Action<IDictionary<string, string?>>? more = null) => settings =>
    {
        WaitingRule(settings);
        settings["Alerts:Rules:0:Route"] = "oncall";
        settings["Alerts:Channels:slack:Kind"] = "slack";
        settings["Alerts:Channels:slack:Url"] = receiver.Url(SlackPath);
        settings["Alerts:Channels:pagerduty:Kind"] = "pagerduty";
        settings["Alerts:Channels:pagerduty:Url"] = receiver.Url("/pagerduty/v2/enqueue");
        settings["Alerts:Channels:pagerduty:RoutingKey"] = PagerDutyKey;
        settings["Alerts:Routes:oncall:Warning:0"] = "slack";
        settings["Alerts:Routes:oncall:Critical:0"] = "slack";
        settings["Alerts:Routes:oncall:Critical:1"] = "pagerduty";
        settings["Alerts:Routes:oncall:GroupWindow"] = "00:00:00.300";
        settings["Alerts:Delivery:FirstRetryDelay"] = "00:00:00.050";
        settings["Alerts:ConsoleUrl"] = "https://wallboard.example.com/alerts";
        more?.Invoke(settings);
    };

    /// <summary><paramref name="count"/> contacts queued in a queue at second <paramref name="at"/> (ids and contacts named after the queue).</summary>
    public static JsonObject[] Queue(string queue, int count, double at) =>
        [.. Enumerable.Range(1, count).Select(index => EventJson.Queued($"q-{queue}-{at}-{index}", at, $"{queue}-{at}-{index}", queue))];

    /// <summary>The contacts of <see cref="Queue"/> answered at second <paramref name="at"/>.</summary>
    public static JsonObject[] Answer(string queue, int count, double queuedAt, double at) =>
        [.. Enumerable.Range(1, count).Select(index => EventJson.Answered($"a-{queue}-{queuedAt}-{index}", at, $"{queue}-{queuedAt}-{index}", $"agent-{queue}-{index}"))];

    /// <summary>An unrelated contact, alone in a queue of its own: moves the event clock without breaching.</summary>
    public static JsonObject Tick(double at) => EventJson.Queued($"tick-{at}", at, $"tick-{at}", $"tick-{at}");

    /// <summary>The alert id of the rule on a queue, fired at second <paramref name="at"/>.</summary>
    public static string AlertId(string queue, double at) => $"waiting|queue:{queue}|{EventJson.Base.AddSeconds(at).ToUnixTimeSeconds()}";

    public static async Task<JsonObject> AlertsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/alerts", UriKind.Relative), TestContext.Current.CancellationToken))!;

    /// <summary>Waits until the active alert's last timeline step is <paramref name="kind"/> (e.g. <c>clearing</c>).</summary>
    public static async Task WaitForStepAsync(HttpClient client, string alertId, string kind) =>
        await Eventually.TrueAsync(
            async () => (await AlertsAsync(client))["active"]!.AsArray()
                .Any(alert => (string)alert!["id"]! == alertId && (string)alert["timeline"]!.AsArray()[^1]!["kind"]! == kind),
            TimeSpan.FromSeconds(15),
            $"alert {alertId} at step {kind}");

    public static async Task<HttpResponseMessage> AcknowledgeAsync(HttpClient client, string alertId, string by, string? note) =>
        await client.PostAsJsonAsync(
            new Uri($"/api/v1/alerts/{Uri.EscapeDataString(alertId)}/ack", UriKind.Relative), new { by, note }, TestContext.Current.CancellationToken);

    public static async Task<JsonArray> DeliveriesAsync(HttpClient client, string alertId)
    {
        var body = await client.GetFromJsonAsync<JsonObject>(
            new Uri($"/api/v1/alerts/{Uri.EscapeDataString(alertId)}/deliveries", UriKind.Relative), TestContext.Current.CancellationToken);
        return body!["deliveries"]!.AsArray();
    }

    /// <summary>Waits until an alert's delivery record satisfies a condition, and returns it.</summary>
    public static async Task<JsonArray> DeliveriesWhenAsync(HttpClient client, string alertId, Func<JsonArray, bool> condition, string what)
    {
        JsonArray deliveries = [];
        await Eventually.TrueAsync(
            async () => condition(deliveries = await DeliveriesAsync(client, alertId)), TimeSpan.FromSeconds(15), what);
        return deliveries;
    }

    public static string[] Outcomes(JsonArray deliveries, string channel) =>
        [.. deliveries.Where(entry => (string)entry!["channel"]! == channel).Select(entry => $"{(string)entry!["change"]!}:{(string)entry["outcome"]!}")];
}
