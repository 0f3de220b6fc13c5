using System.Globalization;
using System.Reactive.Concurrency;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// Replays the real Volvo IT incident log (BPI Challenge 2013, 2010–2012) as ticket events through the
/// engine on the event clock and checks backlog, aged backlog, creations, resolutions, resolution time,
/// reopens, escalations and the resolution cohort against <see cref="VolvoOracle"/>, computed from the
/// rows themselves. Skipped, with the reason, when the research data is not beside the clone.
/// </summary>
public class WallboardEngineVolvoReplayTests
{
    // Every timestamp of the log carries +01:00; the fixed zone UTC+1 makes "today" the log's own day.
    private const string Zone = "Etc/GMT-1";
    private static readonly TimeSpan Offset = TimeSpan.FromHours(1);
    private static readonly string[] SlidingWindows = ["60m", "1440m"];

    private static readonly KpiId[] Rolling =
        [KpiId.TicketsCreated, KpiId.TicketsResolved, KpiId.ResolutionTime, KpiId.ReopenRate, KpiId.ResolutionRate, KpiId.TicketEscalationRate];

    private static readonly KpiId[] Gauges = [KpiId.Backlog, KpiId.BacklogAged];

    [Fact]
    public void Read_Log_HoldsContiguousTimeOrderedIncidentsAtOnePlusOne()
    {
        var log = VolvoIncidentLog.ReadOrSkip();

        Assert.Equal(0, log.Malformed);
        Assert.Equal(65_533, log.Rows.Count);
        Assert.All(log.Rows, row => Assert.Equal(Offset, row.At.Offset));
        var incidents = log.Rows.Select(row => row.Incident).Distinct().Count();
        var runs = log.Rows.Where((row, i) => i == 0 || log.Rows[i - 1].Incident != row.Incident).Count();
        Assert.Equal(7_554, incidents);
        Assert.Equal(incidents, runs);
        var backwards = log.Rows.Where((row, i) => i > 0 && log.Rows[i - 1].Incident == row.Incident && row.At <= log.Rows[i - 1].At).Count();
        Assert.Equal(0, backwards);
    }

    [Fact]
    public void Read_IncidentsReplayedInTimeOrder_MatchTheRowsAtEveryCheckpoint()
    {
        var log = VolvoIncidentLog.ReadOrSkip();
        var events = VolvoTicketMapping.ToEvents(log.Rows, out var fates).OrderBy(e => e.Timestamp).ToList();
        var options = new EngineOptions { Clock = ClockMode.Event, TimeZone = Zone, Windows = [.. SlidingWindows] };
        options.Tickets.ResolvedRetention = TimeSpan.FromDays(60);
        var engine = new WallboardEngine(options, new HistoricalScheduler(events[0].Timestamp));
        var windows = new[] { WindowId.Sliding(60), WindowId.Sliding(1440), WindowId.Today };
        var comparison = new TicketComparison(engine, windows);
        var oracle = new VolvoOracle(log.Rows, [3600, 86_400], Offset, agedSeconds: 86_400);
        var scopes = ScopesToCompare(log.Rows, events);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{log.Rows.Count} rows, {log.Malformed} malformed, {events.Count} events; rows by fate:");
        foreach (var (fate, count) in fates.OrderByDescending(pair => pair.Value))
        {
            output?.WriteLine($"  {count,6}  {fate}");
        }

        output?.WriteLine("day (end, +01:00) | backlog | aged | created today | resolved today | resolution time 1440m (h) | reopen rate 1440m | resolution rate 1440m");
        var results = new Dictionary<IngestStatus, int>();
        var next = 0;
        var checkpoints = Checkpoints(events[^1].Timestamp);
        foreach (var at in checkpoints)
        {
            for (; next < events.Count && events[next].Timestamp <= at; next++)
            {
                var result = engine.Ingest(events[next]).Status;
                results[result] = results.GetValueOrDefault(result) + 1;
            }

            engine.Ingest(new MetricRecorded($"clock-{at.ToUnixTimeSeconds()}", at, "clock", 0, null, null));
            comparison.Compare(oracle.Read(at.ToUnixTimeSeconds()), scopes, Rolling, Gauges, at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            if (at.Hour == 23 && at.Minute == 59 && at.DayOfWeek == DayOfWeek.Wednesday && at.Year == 2012)
            {
                output?.WriteLine(Figures(engine, at));
            }
        }

        output?.WriteLine($"{checkpoints.Count} checkpoints, {scopes.Count} scopes, {comparison.Compared} values compared, {comparison.Mismatched} differ");
        output?.WriteLine($"end ({events[^1].Timestamp:yyyy-MM-dd HH:mm}): {Figures(engine, events[^1].Timestamp)}");
        Assert.Equal(events.Count, results.GetValueOrDefault(IngestStatus.Accepted));
        Assert.True(comparison.Compared > 40_000, $"only {comparison.Compared} values compared");
        Assert.True(comparison.Mismatched == 0, comparison.Report());
    }

    /// <summary>Noon and the day's last second from March to May 2012, every third hour of one busy week, two earlier year-ends, the end.</summary>
    private static SortedSet<DateTimeOffset> Checkpoints(DateTimeOffset end)
    {
        var instants = new SortedSet<DateTimeOffset>
        {
            new(2011, 6, 30, 23, 59, 59, Offset),
            new(2011, 12, 31, 23, 59, 59, Offset),
            end,
        };
        for (var day = new DateTimeOffset(2012, 3, 1, 0, 0, 0, Offset); day < end; day = day.AddDays(1))
        {
            instants.Add(day.AddHours(12));
            instants.Add(day.AddDays(1).AddSeconds(-1));
        }

        for (var hour = new DateTimeOffset(2012, 5, 7, 0, 0, 0, Offset); hour < new DateTimeOffset(2012, 5, 14, 0, 0, 0, Offset); hour = hour.AddHours(3))
        {
            instants.Add(hour);
        }

        instants.RemoveWhere(at => at > end);
        return instants;
    }

    /// <summary>All, the three busiest org lines and support teams, the two busiest products, the three busiest resolvers.</summary>
    private static List<string> ScopesToCompare(IReadOnlyList<VolvoStatusChange> rows, List<WallboardEvent> events)
    {
        var firsts = rows.Where(row => !row.IsUnmatched).GroupBy(row => row.Incident).Select(incident => incident.First()).ToList();
        IEnumerable<string> Busiest(Func<VolvoStatusChange, string> key, int count) =>
            firsts.GroupBy(key).OrderByDescending(group => group.Count()).Take(count).Select(group => group.Key);
        var resolvers = events.OfType<TicketResolved>().Where(e => e.AgentId is not null)
            .GroupBy(e => e.AgentId!).OrderByDescending(group => group.Count()).Take(3).Select(group => "agent:" + group.Key);
        return ["all", .. Busiest(row => row.OrgLine, 3).Select(name => "channel:" + name), .. Busiest(row => row.SupportTeam, 3).Select(name => "queue:" + name),
            .. Busiest(row => row.Product, 2).Select(name => "category:" + name), .. resolvers];
    }

    private static string Figures(WallboardEngine engine, DateTimeOffset at)
    {
        var now = engine.Read(ScopeId.All, WindowId.Now);
        var today = engine.Read(ScopeId.All, WindowId.Today);
        var day = engine.Read(ScopeId.All, WindowId.Sliding(1440));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{at:yyyy-MM-dd} | {now[KpiId.Backlog]} | {now[KpiId.BacklogAged]} | {today[KpiId.TicketsCreated]} | {today[KpiId.TicketsResolved]} | " +
            $"{day[KpiId.ResolutionTime] / 3600:0.0} | {day[KpiId.ReopenRate]:0.0} % | {day[KpiId.ResolutionRate]:0.0} %");
    }
}
