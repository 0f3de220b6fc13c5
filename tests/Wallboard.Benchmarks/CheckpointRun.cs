using System.Diagnostics;
using System.Globalization;
using Wallboard.Benchmarks.Workload;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;

namespace Wallboard.Benchmarks;

/// <summary>
/// <c>--checkpoint [--speedup K] [--events N] [--runs R]</c>: ingests N generated events (1.5 million by
/// default) with their event time compressed K times (20 by default: about 3,900 events a second instead
/// of 193), so that the 5-minute lateness keeps many events, then checkpoints R times (3 by default) and
/// reports the checkpoint's size, how long the engine's gate was held (the capture), how long the encoding
/// took outside it (the write), and how long a new engine took to restore it.
/// </summary>
/// <remarks>
/// A probe thread takes the gate about every millisecond while the checkpoint runs and reports its longest
/// wait: what an ingest or a push would have waited. A full collection runs before each checkpoint so the
/// runs start alike; the stream is kept and reused between runs, as the server does.
/// </remarks>
internal static class CheckpointRun
{
    public const string Switch = "--checkpoint";

    private const int Chunk = 100_000;
    private const int Batch = 1_000;

    public static int Run(string[] args)
    {
        var speedup = Option(args, "--speedup") ?? 20;
        var count = (int)(Option(args, "--events") ?? 1_500_000);
        var runs = (int)(Option(args, "--runs") ?? 3);
        var engine = BenchmarkWorkload.CreateEngine();
        var clock = Stopwatch.StartNew();
        Feed(engine, count, speedup);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Ingested {count:N0} events compressed {speedup}x in {clock.Elapsed.TotalSeconds:0.0} s; event clock at {engine.Clock:O}; scopes: {engine.Scopes().Count:N0}"));

        using var stream = new MemoryStream();
        Console.WriteLine();
        Console.WriteLine("| run | retained events | bytes | reserve ms | capture ms (gate held) | write ms | checkpoint ms | longest gate wait ms | restore ms | KPIs equal |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var run = 1; run <= runs; run++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            stream.SetLength(0);
            var figures = Measure(engine, stream);
            stream.Position = 0;
            var restored = BenchmarkWorkload.CreateEngine();
            var start = Stopwatch.GetTimestamp();
            if (!restored.TryRestore(stream, out var reason))
            {
                Console.WriteLine("Restore refused: " + reason);
                return 1;
            }

            var restoreMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {run} | {figures.Events:N0} | {stream.Length:N0} | {figures.ReserveMs:0} | {figures.CaptureMs:0} | {figures.WriteMs:0} | {figures.ReserveMs + figures.CaptureMs + figures.WriteMs:0} | {figures.LongestWaitMs:0} | {restoreMs:0} | {SameKpis(engine, restored)} |"));
        }

        return 0;
    }

    private static Figures Measure(WallboardEngine engine, MemoryStream stream)
    {
        using var done = new ManualResetEventSlim();
        var longestWait = TimeSpan.Zero;
        var probe = new Thread(() =>
        {
            while (!done.IsSet)
            {
                var asked = Stopwatch.GetTimestamp();
                _ = engine.Clock;
                var waited = Stopwatch.GetElapsedTime(asked);
                longestWait = waited > longestWait ? waited : longestWait;
                done.Wait(1);
            }
        });
        probe.Start();
        var start = Stopwatch.GetTimestamp();
        var buffers = engine.ReserveCheckpointBuffers();
        var reserved = Stopwatch.GetTimestamp();
        using var image = engine.CaptureCheckpoint(buffers);
        var captured = Stopwatch.GetTimestamp();
        image.WriteTo(stream);
        var written = Stopwatch.GetTimestamp();
        done.Set();
        probe.Join();
        return new Figures(
            image.EventCount,
            Stopwatch.GetElapsedTime(start, reserved).TotalMilliseconds,
            Stopwatch.GetElapsedTime(reserved, captured).TotalMilliseconds,
            Stopwatch.GetElapsedTime(captured, written).TotalMilliseconds,
            longestWait.TotalMilliseconds);
    }

    // The generator's stream with its event time squeezed towards its start: the same contacts and agents, K times as often.
    private static void Feed(WallboardEngine engine, int count, double speedup)
    {
        var generator = new EventGenerator(BenchmarkWorkload.Seed, BenchmarkWorkload.Start, CentrePace.Compressed);
        var startMs = BenchmarkWorkload.Start.ToUnixTimeMilliseconds();
        var batch = new List<WallboardEvent>(Batch);
        for (var taken = 0; taken < count; taken += Chunk)
        {
            foreach (var generated in generator.Take(Math.Min(Chunk, count - taken)))
            {
                var atMs = startMs + (long)((generated.Timestamp.ToUnixTimeMilliseconds() - startMs) / speedup);
                batch.Add(generated with { Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(atMs) });
                if (batch.Count == Batch)
                {
                    engine.Ingest(batch);
                    batch.Clear();
                }
            }
        }

        engine.Ingest(batch);
    }

    private static bool SameKpis(WallboardEngine expected, WallboardEngine actual)
    {
        foreach (var scope in expected.Scopes())
        {
            foreach (var window in expected.Windows)
            {
                var left = expected.Read(scope, window);
                var right = actual.Read(scope, window);
                if (KpiCatalog.All.Any(kpi => !left[kpi.Id].Equals(right[kpi.Id])))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static double? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : null;
    }

    private readonly record struct Figures(long Events, double ReserveMs, double CaptureMs, double WriteMs, double LongestWaitMs);
}
