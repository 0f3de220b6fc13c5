using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Wallboard.Benchmarks.Workload;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;

namespace Wallboard.Benchmarks;

/// <summary>
/// <c>--steady [--pace P] [--events N] [--steady-from I] [--batch B] [--short-memories] [--pause-at-steady]</c>: ingests N events of the centre at
/// pace P (<c>compressed</c>, the default, <c>realistic</c> or <c>small</c>; see <see cref="CentrePace"/>) generated
/// beforehand (20 million by default) on one thread, one by one or, with B &gt; 1, in batches of B as the server does, and reports
/// throughput, GC collections by generation and bytes allocated per event, for each tenth of the run and
/// from event I on (the second half by default) as the steady state. The events are generated before
/// anything is measured. With <c>--pause-at-steady</c> it waits for a line on standard input when the steady
/// state starts and again when it ends, for scripts/callgrind-engine.sh to count exactly those events.
/// </summary>
/// <remarks>
/// With the default options the engine's state grows for a day of event time (ids kept 24 h against
/// duplicates, customers 24 h for repeat contacts) and the interaction directory for two: at the compressed
/// pace (≈193 events/s) a day is ≈17 million events, at the realistic one (≈10 events/s) ≈0.83 million, so
/// only a start past that measures the true steady state.
/// </remarks>
internal static class SteadyStateRun
{
    public const string Switch = "--steady";

    private const int Slices = 10;

    public static int Run(string[] args)
    {
        var count = Option(args, "--events") ?? 20_000_000;
        var batchSize = Math.Max(1, Option(args, "--batch") ?? 1);
        var steadyFrom = Option(args, "--steady-from") ?? count / 2;
        var pace = CentrePace.Named(TextOption(args, "--pace") ?? CentrePace.Compressed.Name);
        Console.WriteLine($"Generating {count:N0} events (seed {BenchmarkWorkload.Seed}, {pace.Name} pace)...");
        var clock = Stopwatch.StartNew();
        var events = BenchmarkWorkload.Generate(count, pace);
        Console.WriteLine($"Generated in {clock.Elapsed.TotalSeconds:0.0} s: {WorkloadProfile.Of(events)}");

        // Start from a compacted heap so that collections caused by the generator are not counted.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();

        var engine = BenchmarkWorkload.CreateEngine(shortMemories: args.Contains("--short-memories"));
        var pause = args.Contains("--pause-at-steady");
        var statuses = new int[Enum.GetValues<IngestStatus>().Length];
        var sliceSize = count / Slices;
        Console.WriteLine();
        Console.WriteLine("| slice | events | events/s | events/CPU-s | gen0 | gen1 | gen2 | bytes/event | GC pause ms | heap MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var steadyStart = default(Sample);
        for (var slice = 0; slice < Slices; slice++)
        {
            var before = Sample.Now();
            var end = slice == Slices - 1 ? count : (slice + 1) * sliceSize;
            for (var i = slice * sliceSize; i < end; i += batchSize)
            {
                var length = Math.Min(batchSize, end - i);
                if (steadyFrom >= i && steadyFrom < i + length)
                {
                    if (pause)
                    {
                        StartCounting();
                    }

                    steadyFrom = i;
                    steadyStart = Sample.Now();
                }

                if (batchSize == 1)
                {
                    statuses[(int)engine.Ingest(events[i]).Status]++;
                    continue;
                }

                foreach (var result in engine.Ingest(new ArraySegment<WallboardEvent>(events, i, length)))
                {
                    statuses[(int)result.Status]++;
                }
            }

            Print($"{slice + 1}/{Slices}", end - (slice * sliceSize), before, Sample.Now());
        }

        if (pause)
        {
            StopCounting();
        }

        Console.WriteLine();
        var steadyHours = (events[steadyFrom].Timestamp - events[0].Timestamp).TotalHours;
        Console.WriteLine($"Steady state (events {steadyFrom:N0} to {count:N0}, from {steadyHours:0.0} h of event time on):");
        Print("steady", count - steadyFrom, steadyStart, Sample.Now());
        Console.WriteLine();
        Console.WriteLine("Ingest results: " + string.Join(", ", Enum.GetValues<IngestStatus>().Select(status => $"{status} {statuses[(int)status]:N0}")));
        Console.WriteLine($"Event clock at the end: {engine.Clock:O}; scopes: {engine.Scopes().Count:N0}");
        PrintShape(engine);
        return 0;
    }

    // A collection inside the counted events would be a matter of where the gen0 budget happened to run out:
    // the counts are of the engine's work, which allocates next to nothing.
    private static void StartCounting()
    {
        _ = GC.TryStartNoGCRegion(256L << 20);
        WaitForLine("steady state starts");
    }

    private static void StopCounting()
    {
        WaitForLine("steady state ends");
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }

    private static void WaitForLine(string moment)
    {
        Console.WriteLine($"{moment}: waiting for a line on standard input");
        Console.Out.Flush();
        _ = Console.ReadLine();
    }

    // What the stream looks like to a wallboard: shows the generated centre is a plausible one.
    private static void PrintShape(WallboardEngine engine)
    {
        var hour = engine.Read(ScopeId.All, WindowId.Sliding(60));
        var now = engine.Read(ScopeId.All, WindowId.Now);
        KpiId[] rolling =
        [
            KpiId.Offered, KpiId.AbandonRate, KpiId.ShortAbandoned, KpiId.ServiceLevel, KpiId.Asa, KpiId.Aht, KpiId.TransferRate,
            KpiId.RepeatContactRate, KpiId.Fcr, KpiId.Occupancy,
        ];
        KpiId[] gauges = [KpiId.ContactsWaiting, KpiId.AgentsAvailable, KpiId.AgentsBusy, KpiId.AgentsWrapup, KpiId.AgentsAway];
        Console.WriteLine("KPIs of scope all, last 60 minutes: " + string.Join(", ", rolling.Select(kpi => $"{kpi} {hour[kpi]:0.#}")));
        Console.WriteLine("Now: " + string.Join(", ", gauges.Select(kpi => $"{kpi} {now[kpi]:0}")));
    }

    private static int? Option(string[] args, string name) =>
        TextOption(args, name) is { } text ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : null;

    private static string? TextOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static void Print(string label, int events, Sample before, Sample after)
    {
        var seconds = (after.Ticks - before.Ticks) / (double)Stopwatch.Frequency;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {label} | {events:N0} | {events / seconds:N0} | {events / (after.Cpu - before.Cpu).TotalSeconds:N0} | {after.Gen0 - before.Gen0} | {after.Gen1 - before.Gen1} | {after.Gen2 - before.Gen2} | " +
            $"{(after.Allocated - before.Allocated) / (double)events:0.0} | {(after.Pause - before.Pause).TotalMilliseconds:0} | {after.HeapBytes / 1048576.0:N0} |"));
    }

    // CPU time is the process's (the GC's background thread included): on a shared machine it shows the cost
    // per event even when other processes take turns on the cores.
    private readonly record struct Sample(long Ticks, TimeSpan Cpu, int Gen0, int Gen1, int Gen2, long Allocated, TimeSpan Pause, long HeapBytes)
    {
        public static Sample Now() => new(
            Stopwatch.GetTimestamp(),
            Process.GetCurrentProcess().TotalProcessorTime,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetAllocatedBytesForCurrentThread(),
            GC.GetTotalPauseDuration(),
            GC.GetTotalMemory(forceFullCollection: false));
    }
}
