using BenchmarkDotNet.Attributes;
using Wallboard.Benchmarks.Workload;
using Wallboard.Engine;
using Wallboard.Engine.Events;

namespace Wallboard.Benchmarks;

/// <summary>
/// The cost of a snapshot tick with 50 queues, 4 channels, 25 teams and 500 agents (580 scopes × 6 windows).
/// In event-clock mode the clock moves only with events, so a tick is "one second of events, then
/// <c>TakeSnapshot(full: false)</c>"; the snapshot's own cost is the difference from the baseline, which
/// ingests the same second of events without a snapshot.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 64)]
public class SnapshotBenchmarks
{
    private const int WarmEvents = 1_000_000;
    private const int EventsPerSecond = 200;
    private const int SpareSeconds = 2_000;

    private WallboardEvent[] _events = [];
    private WallboardEngine _engine = BenchmarkWorkload.CreateEngine();
    private int _next;

    [GlobalSetup]
    public void WarmEngine()
    {
        _events = BenchmarkWorkload.Generate(WarmEvents + (SpareSeconds * EventsPerSecond));
        _engine = BenchmarkWorkload.CreateEngine();
        for (_next = 0; _next < WarmEvents; _next++)
        {
            _engine.Ingest(_events[_next]);
        }

        _engine.TakeSnapshot(full: true);
    }

    [Benchmark(Baseline = true)]
    public int IngestOneSecond() => IngestNextSecond();

    [Benchmark]
    public int IngestOneSecondThenSnapshot() => IngestNextSecond() + _engine.TakeSnapshot(full: false).Rows.Count;

    /// <summary>Every row, changed or not (what a client that just connected gets).</summary>
    [Benchmark]
    public int FullSnapshot() => _engine.TakeSnapshot(full: true).Rows.Count;

    private int IngestNextSecond()
    {
        if (_next + EventsPerSecond > _events.Length)
        {
            throw new InvalidOperationException("The pre-generated events ran out: generate more spare seconds.");
        }

        var accepted = 0;
        for (var end = _next + EventsPerSecond; _next < end; _next++)
        {
            accepted += (int)_engine.Ingest(_events[_next]).Status;
        }

        return accepted;
    }
}
