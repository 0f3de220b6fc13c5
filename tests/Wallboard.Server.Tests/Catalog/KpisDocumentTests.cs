using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Catalog;

/// <summary><c>docs/kpis.md</c> maps every KPI of the literature and lists every KPI of the catalog, with examples that work.</summary>
public class KpisDocumentTests(RedisFixture redis)
{
    // The customer-service KPI literature list of issue 5, in its order.
    private static readonly string[] Literature =
    [
        "CSAT (customer satisfaction score)", "NPS (net promoter score)", "CES (customer effort score)", "Sentiment score",
        "Customer retention rate", "Churn rate", "Revenue churn", "Net revenue retention", "MRR growth", "Customer save rate",
        "First reply / first response time", "Average reply time", "Average resolution time", "Average ticket touches",
        "Replies per resolution", "Interactions per case", "First contact / first call resolution", "Escalation rate",
        "Resolved tickets", "Issue resolution rate", "Answered requests %", "Repeat contact rate", "Backlog", "Ticket volume",
        "Average issue count", "Tickets per channel", "Preferred channel", "Abandonment rate", "Rate of answered calls",
        "Service level / SLA compliance", "Occupancy", "Average handle time", "Agent productivity", "Top support agents",
        "Agent turnover", "Complaint type", "Upsell / cross-sell success", "Self-service usage", "Cost per ticket",
        "Support cost vs revenue", "Customer lifetime value", "Repurchase rate", "Customer experience rating", "Market share",
        "Customer profitability", "Brand equity",
    ];

    [Fact]
    public void LiteratureTable_EveryKpiOfTheLiterature_IsMappedWithAStatus()
    {
        var rows = KpisDocument.Load().Table("## The KPI literature, mapped");

        Assert.Equal(Literature, rows.Select(row => row[0]));
        Assert.All(rows, row => Assert.Equal(8, row.Length));
        Assert.All(rows, row => Assert.Contains(row[7], new[] { "computed live", "outside figure", "view" }));
        Assert.Equal(27, rows.Count(row => row[7] == "computed live"));
        Assert.Equal(13, rows.Count(row => row[7] == "outside figure"));
        Assert.Equal(6, rows.Count(row => row[7] == "view"));
    }

    [Fact]
    public void LiteratureTable_EveryIdNamed_IsACatalogKpiOrADocumentedOutsideFigure()
    {
        var document = KpisDocument.Load();
        var outside = document.Table("## Outside figures: `metric.recorded` → `ext.<name>`").Select(row => KpisDocument.Code(row[1]).Single()).ToList();

        foreach (var row in document.Table("## The KPI literature, mapped"))
        {
            var named = KpisDocument.Code(row[1]).Where(code => !code.Contains(':', StringComparison.Ordinal) && !code.Contains('/', StringComparison.Ordinal)).ToList();
            Assert.True(named.Count > 0, $"'{row[0]}' names no KPI");
            Assert.All(named, id => Assert.True(KpiCatalog.TryGet(id, out _) || outside.Contains(id), $"'{row[0]}' names '{id}', which is neither a catalog KPI nor a documented outside figure"));
            var readFrom = row[7] == "outside figure" ? named[0] : null;
            Assert.True(
                readFrom?.StartsWith("ext.", StringComparison.Ordinal) ?? KpiCatalog.TryGet(named[0], out _),
                $"'{row[0]}' is {row[7]} but is read from '{named[0]}'");
        }
    }

    [Fact]
    public async Task CatalogTable_EveryRow_IsTheServedCatalogEntryInTheEngineOrder()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();
        var body = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/catalog", UriKind.Relative), TestContext.Current.CancellationToken))!;

        var rows = KpisDocument.Load().Table("## The catalog: every KPI the engine computes");

        Assert.Equal(KpiCatalog.All.Select(kpi => kpi.Name), rows.Select(row => KpisDocument.Code(row[0]).Single()));
        var served = body["kpis"]!.AsArray().Select(entry => string.Join(" | ",
            (string)entry!["id"]!,
            (string)entry["label"]!,
            (string)entry["unit"]!,
            entry["measuredAt"]!.ToString() == "now" ? "now" : "sliding, today",
            (string)entry["direction"]!,
            string.Join(", ", entry["scopes"]!.AsArray().Select(scope => (string)scope!)),
            (string)entry["formula"]!,
            (string)entry["measuredAt"]!,
            Thresholds(entry["thresholds"]),
            string.Join(", ", entry["feeds"]!.AsArray().Select(feed => (string)feed!))));
        var documented = rows.Select(row => string.Join(" | ",
            KpisDocument.Code(row[0]).Single(),
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6].Split(" (sample: ", StringSplitOptions.None)[0],
            row[7],
            row[8],
            string.Join(", ", KpisDocument.Code(row[9]))));
        Assert.Equal(served, documented);
    }

    [Fact]
    public async Task OutsideFigureExamples_Posted_ShowAsExtValuesInTheNowWindowOfTheirScope()
    {
        var rows = KpisDocument.Load().Table("## Outside figures: `metric.recorded` → `ext.<name>`");
        var examples = rows.Select(row => (Name: KpisDocument.Code(row[1]).Single(), Event: JsonNode.Parse(KpisDocument.Code(row[2]).Single())!.AsObject())).ToList();
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var response = await EventJson.PostAsync(client, [.. examples.Select(example => example.Event)]);

        Assert.Equal(examples.Count, (int)response["accepted"]!);
        Assert.Empty(response["rejected"]!.AsArray());
        foreach (var (name, example) in examples)
        {
            Assert.Equal("metric.recorded", (string)example["type"]!);
            Assert.Equal(name, "ext." + (string)example["name"]!);
            var values = (await EventJson.KpisAsync(client, (string?)example["scope"] ?? "all", "now"))["values"]!;
            Assert.Equal((double)example["value"]!, (double?)values[name]);
        }
    }

    [Fact]
    public async Task RankingExample_KpisListed_AreTheRankingColumns()
    {
        await using var app = new WallboardApplication(redis.Server);
        var client = await app.ReadyClientAsync();

        var ranking = (await client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/agents/ranking", UriKind.Relative), TestContext.Current.CancellationToken))!;

        var listed = string.Join(",", ranking["kpis"]!.AsArray().Select(kpi => $"\"{(string)kpi!}\""));
        Assert.Contains($"\"kpis\":[{listed}]", KpisDocument.Load().Text, StringComparison.Ordinal);
    }

    private static string Thresholds(JsonNode? thresholds) =>
        thresholds is null ? "—" : $"{Level(thresholds["warning"])} / {Level(thresholds["critical"])}";

    private static string Level(JsonNode? level)
    {
        var parts = new List<string>();
        if ((double?)level?["above"] is { } above)
        {
            parts.Add(FormattableString.Invariant($"> {above}"));
        }

        if ((double?)level?["below"] is { } below)
        {
            parts.Add(FormattableString.Invariant($"< {below}"));
        }

        return parts.Count == 0 ? "—" : string.Join(" or ", parts);
    }
}
