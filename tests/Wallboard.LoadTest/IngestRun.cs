using System.Diagnostics;
using System.Globalization;
using Wallboard.Engine.Events;

namespace Wallboard.LoadTest;

/// <summary>
/// <c>ingest</c>: posts pre-generated batches from several workers for a fixed time and reports the
/// events/s the server accepted, the request latency and the errors. Only requests that complete
/// inside the measured interval (after the warm-up) count.
/// </summary>
internal sealed class IngestRun
{
    // Event times run from this far behind the clock up to it: always inside the default 5-minute
    // lateness for a run of a few minutes, and never ahead of the server's clock.
    private static readonly TimeSpan EventTimeSpan = TimeSpan.FromSeconds(100);

    private readonly ServerClient _server;
    private readonly byte[][] _batches;
    private readonly TimeSpan _warmup;
    private readonly TimeSpan _end;
    private readonly Stopwatch _clock = new();
    private int _next = -1;
    private volatile bool _exhausted;
    private long _unmeasuredErrors;

    private IngestRun(ServerClient server, byte[][] batches, TimeSpan warmup, TimeSpan duration)
    {
        _server = server;
        _batches = batches;
        _warmup = warmup;
        _end = warmup + duration;
    }

    public static async Task<int> RunAsync(LoadArguments arguments, CancellationToken cancellationToken)
    {
        var url = arguments.Url;
        var duration = arguments.Seconds("seconds", 20, 1, 600);
        var warmup = arguments.Seconds("warmup", 3, 0, 60);
        var batchSize = arguments.Int("batch", 500, 1, 10_000);
        var concurrency = arguments.Int("concurrency", 8, 1, 256);
        var defaultEvents = (int)Math.Min(20_000_000, (duration + warmup).TotalSeconds * 100_000);
        var total = arguments.Int("events", defaultEvents, batchSize, 50_000_000);
        var model = new TrafficModel(EventBatches.NewRunId(), seed: 20261123, arguments.Int("agents", 20_000, 1, 1_000_000), arguments.Int("queues", 500, 1, 100_000));

        var generation = Stopwatch.StartNew();
        var batches = Generate(model, total, batchSize, out var mix);
        var bytes = batches.Sum(batch => (long)batch.Length);
        Console.WriteLine(Invariant($"ingest: {total:N0} events pre-generated in {generation.Elapsed.TotalSeconds:0.0} s as {batches.Length:N0} batches of {batchSize} ({bytes / (double)total:0} bytes/event)"));
        Console.WriteLine(Invariant($"  {model.AgentCount:N0} agents on {model.QueueCount:N0} queues; mix: {mix}"));

        using var server = new ServerClient(url, concurrency);
        await server.EnsureReadyAsync(cancellationToken);
        Console.WriteLine(Invariant($"  posting to {url} with {concurrency} concurrent requests: {warmup.TotalSeconds:0} s warm-up, then {duration.TotalSeconds:0} s measured"));

        var run = new IngestRun(server, batches, warmup, duration);
        var outcome = await run.ExecuteAsync(concurrency, cancellationToken);
        if (run._unmeasuredErrors > 0)
        {
            Console.WriteLine(Invariant($"  {run._unmeasuredErrors} errors during the warm-up or after the end (not in the figures below)"));
        }

        return Report(outcome, duration, run._exhausted);
    }

    private async Task<IngestOutcome> ExecuteAsync(int concurrency, CancellationToken cancellationToken)
    {
        _clock.Start();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(cancellationToken), cancellationToken)).ToArray();
        var outcomes = await Task.WhenAll(workers);
        var merged = new IngestOutcome();
        foreach (var outcome in outcomes)
        {
            merged.Add(outcome);
        }

        return merged;
    }

    private async Task<IngestOutcome> WorkAsync(CancellationToken cancellationToken)
    {
        var measured = new IngestOutcome();
        while (!cancellationToken.IsCancellationRequested && _clock.Elapsed < _end)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= _batches.Length)
            {
                _exhausted = true;
                break;
            }

            var scratch = new IngestOutcome();
            var started = Stopwatch.GetTimestamp();
            await _server.PostAsync(_batches[index], scratch, cancellationToken);
            var finished = Stopwatch.GetTimestamp();
            var at = _clock.Elapsed;
            if (at >= _warmup && at <= _end)
            {
                scratch.LatenciesMs.Add(Distribution.Milliseconds(started, finished));
                measured.Add(scratch);
            }
            else
            {
                Interlocked.Add(ref _unmeasuredErrors, scratch.Errors);
            }
        }

        return measured;
    }

    private static int Report(IngestOutcome outcome, TimeSpan duration, bool exhausted)
    {
        var latency = new Distribution(outcome.LatenciesMs);
        var rate = outcome.Accepted / duration.TotalSeconds;
        Console.WriteLine(Invariant($"  accepted {outcome.Accepted:N0} events in {duration.TotalSeconds:0.0} s = {rate:N0} events/s"));
        Console.WriteLine(Invariant($"  requests {outcome.Requests:N0}, errors {outcome.Errors}, duplicates {outcome.Duplicates}, late {outcome.Late}, rejected {outcome.Rejected}"));
        Console.WriteLine("  request latency: " + latency.Describe());
        if (outcome.FirstError is { } error)
        {
            Console.WriteLine("  first error: " + error);
        }

        if (exhausted)
        {
            Console.WriteLine("  the pre-generated events ran out before the time was up: raise --events (the rate above holds for the time measured)");
        }

        Console.WriteLine(Invariant($"RESULT ingest eventsPerSecond={rate:0} accepted={outcome.Accepted} requests={outcome.Requests} errors={outcome.Errors} duplicates={outcome.Duplicates} late={outcome.Late} rejected={outcome.Rejected} exhausted={exhausted.ToString().ToLowerInvariant()} {latency.Fields("request")}"));
        return outcome.Errors == 0 ? 0 : 1;
    }

    private static byte[][] Generate(TrafficModel model, int total, int batchSize, out string mix)
    {
        var endMs = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var startMs = endMs - (long)EventTimeSpan.TotalMilliseconds;
        var counts = new Dictionary<EventType, int>();
        var batches = new byte[(total + batchSize - 1) / batchSize][];
        var batch = new List<WallboardEvent>(batchSize);
        for (var i = 0; i < total; i++)
        {
            var evt = model.Next(DateTimeOffset.FromUnixTimeMilliseconds(startMs + (endMs - startMs) * i / total));
            counts[evt.Type] = counts.GetValueOrDefault(evt.Type) + 1;
            batch.Add(evt);
            if (batch.Count == batchSize || i == total - 1)
            {
                batches[i / batchSize] = EventBatches.ToJsonArray(batch);
                batch.Clear();
            }
        }

        mix = string.Join(", ", counts.OrderByDescending(pair => pair.Value).Select(pair => Invariant($"{pair.Key.ToWireName()} {100.0 * pair.Value / total:0.0}%")));
        return batches;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
