using System.Reactive.Concurrency;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// A generated month of ticket traffic (March 2026, Paris time, across the switch to summer time) fed to
/// the engine on the event clock, in time order and with arrival shuffled within 4 minutes, and compared
/// with <see cref="TicketOracle"/> at hundreds of instants: every ticket KPI, in every scope and window.
/// </summary>
public class WallboardEngineTicketTrafficTests
{
    private const string Zone = "Europe/Paris";
    private const int Days = 30;
    private const int TicketsPerDay = 140;
    private static readonly DateTimeOffset MonthStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] SlidingWindows = ["5m", "60m", "1440m"];

    private static readonly KpiId[] Rolling = [.. TicketTally.Kpis, KpiId.ChannelShare];

    [Fact]
    public void Read_MonthFedInTimeOrder_MatchesTheOracleAtEveryCheckpoint()
    {
        var events = TicketTrafficGenerator.Generate(seed: 20260301, MonthStart, Days, TicketsPerDay);
        var ordered = events.OrderBy(e => e.Timestamp).ToList();
        var engine = NewEngine();
        var comparison = new TicketComparison(engine, Windows(engine));
        var oracle = NewOracle();
        var results = new Dictionary<IngestStatus, int>();
        var next = 0;
        var checkpoints = Checkpoints(ordered);
        foreach (var at in checkpoints)
        {
            for (; next < ordered.Count && ordered[next].Timestamp <= at; next++)
            {
                Tally(results, engine.Ingest(ordered[next]));
                oracle.Add(ordered[next]);
            }

            engine.Ingest(new MetricRecorded($"clock-{at.ToUnixTimeSeconds()}", at, "clock", 0, null, null));
            comparison.Compare(oracle.Read(at.ToUnixTimeSeconds()), Scopes, Rolling, TicketComparison.Gauges, at.ToString("u"));
        }

        Describe("in time order", events, checkpoints.Count, comparison, engine);
        Assert.Equal(events.Count - events.Select(e => e.Id).Distinct().Count(), results.GetValueOrDefault(IngestStatus.Duplicate));
        Assert.Equal(events.Select(e => e.Id).Distinct().Count(), results.GetValueOrDefault(IngestStatus.Accepted));
        Assert.True(comparison.Compared > 500_000, $"only {comparison.Compared} values compared");
        Assert.True(comparison.Mismatched == 0, comparison.Report());
    }

    [Fact]
    public void Read_MonthArrivingShuffledWithinFourMinutes_MatchesTheOracleOnWhatArrived()
    {
        var events = TicketTrafficGenerator.Generate(seed: 20260302, MonthStart, Days, TicketsPerDay);
        var jitter = new Random(4);
        var arrivals = events
            .Select(e => (Event: e, Arrival: e.Timestamp.AddMilliseconds(jitter.Next(240_000))))
            .OrderBy(a => a.Arrival)
            .Select(a => a.Event)
            .ToList();
        var engine = NewEngine();
        var comparison = new TicketComparison(engine, Windows(engine));
        var oracle = NewOracle();
        var results = new Dictionary<IngestStatus, int>();
        var checkpoints = 0;
        for (var i = 0; i < arrivals.Count; i++)
        {
            Tally(results, engine.Ingest(arrivals[i]));
            oracle.Add(arrivals[i]);
            if (i % 97 == 0 || i == arrivals.Count - 1)
            {
                var clock = engine.Clock;
                comparison.Compare(oracle.Read(clock.ToUnixTimeSeconds()), Scopes, Rolling, TicketComparison.Gauges, $"#{i} {clock:O}");
                checkpoints++;
            }
        }

        Describe("shuffled within 4 minutes", events, checkpoints, comparison, engine);
        Assert.False(results.ContainsKey(IngestStatus.Late));
        Assert.False(results.ContainsKey(IngestStatus.Rejected));
        Assert.True(comparison.Compared > 500_000, $"only {comparison.Compared} values compared");
        Assert.True(comparison.Mismatched == 0, comparison.Report());
    }

    private static IEnumerable<string> Scopes =>
        ["all", .. TicketTrafficGenerator.Queues.Select(q => "queue:" + q), .. TicketTrafficGenerator.Channels.Select(c => "channel:" + c),
         .. TicketTrafficGenerator.Categories.Select(c => "category:" + c), .. TicketTrafficGenerator.AgentIds.Select(a => "agent:" + a)];

    private static WallboardEngine NewEngine()
    {
        var options = new EngineOptions { Clock = ClockMode.Event, TimeZone = Zone, Windows = [.. SlidingWindows] };
        return new WallboardEngine(options, new HistoricalScheduler(MonthStart));
    }

    private static WindowId[] Windows(WallboardEngine engine) =>
        [.. engine.Windows.Where(window => window.Kind == WindowKind.Sliding), WindowId.Today];

    // The oracle's settings are the defaults of spec/kpis.md, written out rather than read from the engine.
    private static TicketOracle NewOracle() => new(
        [5 * 60, 60 * 60, 24 * 60 * 60],
        TimeZoneInfo.FindSystemTimeZoneById(Zone),
        new Dictionary<string, long> { ["chat"] = 120_000, ["sms"] = 300_000, ["social"] = 3_600_000, ["email"] = 3_600_000 },
        defaultTargetMs: 3_600_000,
        agedSeconds: 86_400,
        atRiskSeconds: 900);

    /// <summary>Every 4 hours, each local midnight and the second before, and the deadline and age boundaries of some tickets.</summary>
    private static SortedSet<DateTimeOffset> Checkpoints(List<WallboardEvent> ordered)
    {
        var end = MonthStart.AddDays(Days);
        var instants = new SortedSet<DateTimeOffset>();
        for (var at = MonthStart.AddHours(4); at < end; at = at.AddHours(4))
        {
            instants.Add(at);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        for (var day = 1; day < Days; day++)
        {
            var midnight = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 3, 1 + day, 0, 0, 0, DateTimeKind.Unspecified), zone));
            instants.Add(midnight.AddSeconds(-1));
            instants.Add(midnight);
        }

        var sample = new Random(11);
        var targets = new Dictionary<string, long> { ["chat"] = 120, ["sms"] = 300 };
        foreach (var created in ordered.OfType<TicketCreated>().Where(_ => sample.NextDouble() < 0.007))
        {
            var createdSecond = created.Timestamp.ToUnixTimeSeconds();
            var deadline = (created.Timestamp.ToUnixTimeMilliseconds() + (1000 * targets.GetValueOrDefault(created.Channel, 3600))) / 1000;
            foreach (var second in new[] { deadline - 901, deadline - 900, deadline, deadline + 1, createdSecond + 86_400, createdSecond + 86_401 })
            {
                instants.Add(DateTimeOffset.FromUnixTimeSeconds(second));
            }
        }

        instants.RemoveWhere(at => at >= end);
        instants.Add(end.AddSeconds(-1));
        return instants;
    }

    private static void Tally(Dictionary<IngestStatus, int> results, IngestResult result) =>
        results[result.Status] = results.GetValueOrDefault(result.Status) + 1;

    private static void Describe(string mode, List<WallboardEvent> events, int checkpoints, TicketComparison comparison, WallboardEngine engine)
    {
        var output = TestContext.Current.TestOutputHelper;
        var created = events.OfType<TicketCreated>().Select(e => e.TicketId).ToHashSet();
        var tickets = events.Select(TicketIdOf).ToHashSet();
        var day = engine.Read(ScopeId.All, WindowId.Sliding(1440));
        var now = engine.Read(ScopeId.All, WindowId.Now);
        output?.WriteLine(
            $"{mode}: {events.Count} events ({events.Count - events.Select(e => e.Id).Distinct().Count()} sent twice), {created.Count} tickets created, " +
            $"{tickets.Count - created.Count} orphans, {checkpoints} checkpoints, {comparison.Compared} values compared, {comparison.Mismatched} differ");
        output?.WriteLine(
            $"last 1440m: created {day[KpiId.TicketsCreated]}, resolved {day[KpiId.TicketsResolved]}, first reply {day[KpiId.FirstReplyTime]:0.#} s, " +
            $"within target {day[KpiId.FirstReplyWithinTarget]:0.#} %, avg reply {day[KpiId.AvgReplyTime]:0.#} s, resolution {day[KpiId.ResolutionTime]:0.#} s, " +
            $"one-touch {day[KpiId.OneTouchRate]:0.#} %, reopen {day[KpiId.ReopenRate]:0.#} %, answered {day[KpiId.AnsweredTicketRate]:0.#} %, resolution rate {day[KpiId.ResolutionRate]:0.#} %; " +
            $"now: backlog {now[KpiId.Backlog]}, aged {now[KpiId.BacklogAged]}, breached {now[KpiId.TicketsBreached]}, at risk {now[KpiId.TicketsAtRisk]}");
    }

    private static string TicketIdOf(WallboardEvent ticketEvent) => ticketEvent switch
    {
        TicketCreated e => e.TicketId,
        TicketMessagePosted e => e.TicketId,
        TicketEscalated e => e.TicketId,
        TicketResolved e => e.TicketId,
        TicketReopened e => e.TicketId,
        _ => string.Empty,
    };
}
