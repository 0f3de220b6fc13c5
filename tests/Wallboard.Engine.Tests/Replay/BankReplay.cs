using System.Globalization;
using System.Reactive.Concurrency;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Replay;

/// <summary>
/// Feeds bank events to a <see cref="WallboardEngine"/> on the event clock and compares what it reads with
/// the <see cref="BankCallOracle"/>, KPI by KPI, scope by scope, window by window. Mismatches are collected
/// (not thrown one by one) so that a failure shows every checkpoint, scope and KPI that disagrees.
/// </summary>
internal sealed class BankReplay
{
    /// <summary>The windows compared: sliding minutes, and null for <c>today</c>.</summary>
    public static readonly int?[] ComparedWindows = [15, 60, 240, 1440, null];

    private const int MaxReportedMismatches = 40;

    private readonly BankCallOracle _oracle;
    private readonly IReadOnlyList<(string Name, ScopeId Id)> _scopes;
    private readonly List<string> _mismatches = [];
    private int _ticks;

    public BankReplay(IReadOnlyList<BankCall> calls)
    {
        var options = new EngineOptions
        {
            Clock = ClockMode.Event,
            Windows = ["5m", "15m", "30m", "60m", "240m", "1440m"],
        };
        Engine = new WallboardEngine(options, new HistoricalScheduler(new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        _oracle = new BankCallOracle(calls);
        _scopes = [.. _oracle.Scopes().Select(name => (name, ScopeId.TryParse(name, out var id) ? id.Value : throw new FormatException(name)))];
    }

    public WallboardEngine Engine { get; }

    public Dictionary<IngestStatus, int> Statuses { get; } = Enum.GetValues<IngestStatus>().ToDictionary(status => status, _ => 0);

    public int Comparisons { get; private set; }

    public int MismatchCount { get; private set; }

    /// <summary>The first mismatches, one line each.</summary>
    public IReadOnlyList<string> Mismatches => _mismatches;

    public void Feed(WallboardEvent contactEvent) => Statuses[Engine.Ingest(contactEvent).Status]++;

    /// <summary>Moves the event clock to <paramref name="at"/> with an event no KPI of the comparison counts.</summary>
    public void Tick(DateTimeOffset at) =>
        Feed(new MetricRecorded("tick/" + ++_ticks, at, "replayTick", 0, null, null));

    /// <summary>Compares every scope in every compared window at the engine's clock, which must be <paramref name="now"/>.</summary>
    public void CompareAt(DateTimeOffset now)
    {
        if (Engine.Clock != now)
        {
            Report($"clock is {Engine.Clock:O}, expected {now:O}");
            return;
        }

        var nowSecond = now.ToUnixTimeSeconds();
        foreach (var minutes in ComparedWindows)
        {
            var window = minutes is { } m ? WindowId.Sliding(m) : WindowId.Today;
            var tallies = _oracle.Tally(nowSecond, minutes);
            foreach (var (name, id) in _scopes)
            {
                var expected = tallies.GetValueOrDefault(name) ?? new OracleTally();
                Compare($"{now:yyyy-MM-dd HH:mm:ss} {name} {window}", expected, Engine.Read(id, window));
            }
        }
    }

    /// <summary>The engine's <c>today</c> figures of a scope, as a markdown table row.</summary>
    public string FiguresRow(string label, ScopeId scope)
    {
        var values = Engine.Read(scope, WindowId.Today);
        return string.Join(
            " | ",
            label,
            Format(values[KpiId.Offered], "0"),
            Format(values[KpiId.Answered], "0"),
            Format(values[KpiId.Abandoned], "0"),
            Format(values[KpiId.ShortAbandoned], "0"),
            Format(values[KpiId.AbandonRate], "0.00"),
            Format(values[KpiId.ServiceLevel], "0.00"),
            Format(values[KpiId.Asa], "0.0"),
            Format(values[KpiId.MaxWait], "0"),
            Format(values[KpiId.Handled], "0"),
            Format(values[KpiId.Aht], "0.0"));
    }

    public const string FiguresHeader =
        "scope | offered | answered | abandoned | short | abandonRate % | serviceLevel % | asa s | maxWait s | handled | aht s";

    private void Compare(string where, OracleTally expected, KpiValues actual)
    {
        Count(where, KpiId.Offered, expected.Offered, actual);
        Count(where, KpiId.Answered, expected.Answered, actual);
        Count(where, KpiId.Abandoned, expected.Abandoned, actual);
        Count(where, KpiId.ShortAbandoned, expected.ShortAbandoned, actual);
        Count(where, KpiId.Handled, expected.Completed, actual);
        Value(where, KpiId.MaxWait, expected.MaxWait, actual);
        Value(where, KpiId.AbandonRate, expected.AbandonRate, actual);
        Value(where, KpiId.AnswerRate, expected.AnswerRate, actual);
        Value(where, KpiId.ServiceLevel, expected.ServiceLevel, actual);
        Value(where, KpiId.Asa, expected.Asa, actual);
        Value(where, KpiId.AvgAbandonTime, expected.AvgAbandonTime, actual);
        Value(where, KpiId.Aht, expected.Aht, actual);
    }

    private void Count(string where, KpiId kpi, long expected, KpiValues actual)
    {
        Comparisons++;
        if (actual[kpi] != expected)
        {
            Report($"{where} {kpi}: expected {expected}, engine {Show(actual[kpi])}");
        }
    }

    // Ratios and means to 9 decimal places, as Assert.Equal(expected, actual, precision: 9) would; null only against null.
    private void Value(string where, KpiId kpi, double? expected, KpiValues actual)
    {
        Comparisons++;
        var value = actual[kpi];
        var same = expected is null
            ? value is null
            : value is not null && Math.Round(expected.Value, 9) == Math.Round(value.Value, 9);
        if (!same)
        {
            Report($"{where} {kpi}: expected {Show(expected)}, engine {Show(value)}");
        }
    }

    private void Report(string mismatch)
    {
        MismatchCount++;
        if (_mismatches.Count < MaxReportedMismatches)
        {
            _mismatches.Add(mismatch);
        }
    }

    private static string Show(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";

    private static string Format(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "null";
}
