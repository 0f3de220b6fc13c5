using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Wallboard.Benchmarks.Workload;
using Wallboard.Engine;
using Wallboard.Engine.Events;

namespace Wallboard.Benchmarks;

/// <summary>
/// Events per second through <see cref="WallboardEngine.Ingest(WallboardEvent)"/> on the event clock, one
/// thread. Each iteration starts a new engine and feeds it the first hour and a half of the stream (not
/// measured: windows full, contacts being forgotten), then measures the next million events; results read
/// per event. One invocation per iteration, because an engine cannot ingest the same events twice.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class IngestBenchmarks
{
    public const int WarmEvents = 1_000_000;
    public const int MeasuredEvents = 1_000_000;

    private WallboardEvent[] _events = [];
    private ArraySegment<WallboardEvent>[] _batches = [];
    private WallboardEngine _engine = BenchmarkWorkload.CreateEngine();

    [Params(1, 100, 1000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        _events = BenchmarkWorkload.Generate(WarmEvents + MeasuredEvents);
        _batches = [.. _events.Skip(WarmEvents).Chunk(BatchSize).Select(chunk => new ArraySegment<WallboardEvent>(chunk))];
    }

    [IterationSetup]
    public void WarmEngine()
    {
        _engine = BenchmarkWorkload.CreateEngine();
        for (var i = 0; i < WarmEvents; i++)
        {
            _engine.Ingest(_events[i]);
        }
    }

    /// <summary>BatchSize 1: <c>Ingest(event)</c> per event; otherwise <c>Ingest(batch)</c>.</summary>
    [Benchmark(OperationsPerInvoke = MeasuredEvents)]
    public int Ingest()
    {
        var ingested = 0;
        if (BatchSize == 1)
        {
            for (var i = WarmEvents; i < _events.Length; i++)
            {
                ingested += (int)_engine.Ingest(_events[i]).Status;
            }

            return ingested;
        }

        foreach (var batch in _batches)
        {
            ingested += _engine.Ingest(batch).Count;
        }

        return ingested;
    }
}
