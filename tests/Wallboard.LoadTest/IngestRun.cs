using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Wallboard.Engine.Events;

namespace Wallboard.LoadTest;

/// <summary>
/// <c>ingest</c>: several producers post pre-generated batches for a fixed time; the tool reports the
/// events/s the server accepted, the request latency and the errors. Each producer is a site of its own
/// (its own agents, shared queues) posting its stream in order, one request at a time, as an ACD
/// connector would: the concurrency comes from the number of producers, and no agent's events are
/// reordered by it. Agent ids carry the run id, so that a second run against the same server does not
/// send events older than the first run's for the same agents. Only requests that complete inside the
/// measured interval (after the warm-up) count.
/// </summary>
internal sealed class IngestRun
{
    // Event times run from this far behind the clock up to it: always inside the default 5-minute
    // lateness for a run of a few minutes, and never ahead of the server's clock.
    private static readonly TimeSpan EventTimeSpan = TimeSpan.FromSeconds(100);

    private readonly ServerClient _server;
    private readonly byte[][][] _streams;
    private readonly TimeSpan _warmup;
    private readonly TimeSpan _end;
    private readonly Stopwatch _clock = new();
    private volatile bool _exhausted;
    private long _unmeasuredErrors;
    private long _unmeasuredAccepted;

    private IngestRun(ServerClient server, byte[][][] streams, TimeSpan warmup, TimeSpan duration)
    {
        _server = server;
        _streams = streams;
        _warmup = warmup;
        _end = warmup + duration;
    }

    public static async Task<int> RunAsync(LoadArguments arguments, CancellationToken cancellationToken)
    {
        var url = arguments.Url;
        var duration = arguments.Seconds("seconds", 20, 1, 600);
        var warmup = arguments.Seconds("warmup", 5, 0, 60);
        var batchSize = arguments.Int("batch", 500, 1, 10_000);
        var producers = arguments.Int("concurrency", 8, 1, 256);
        var defaultEvents = (int)Math.Min(20_000_000, (duration + warmup).TotalSeconds * 150_000);
        var total = arguments.Int("events", defaultEvents, batchSize * producers, 50_000_000);
        var agents = arguments.Int("agents", 1_000, producers, 1_000_000);
        var queues = arguments.Int("queues", 50, 1, 100_000);

        var generation = Stopwatch.StartNew();
        var (streams, mix) = Generate(EventBatches.NewRunId(), producers, total, batchSize, agents, queues);
        var bytes = streams.Sum(stream => stream.Sum(batch => (long)batch.Length));
        Console.WriteLine(Invariant($"ingest: {total:N0} events pre-generated in {generation.Elapsed.TotalSeconds:0.0} s, {bytes / (double)total:0} bytes/event, as {producers} producers × batches of {batchSize}"));
        Console.WriteLine(Invariant($"  {agents:N0} agents ({agents / producers:N0} per producer) on {queues} shared queues; mix: {mix}"));

        using var server = new ServerClient(url, producers);
        await server.EnsureReadyAsync(cancellationToken);
        Console.WriteLine(Invariant($"  posting to {url}, one request in flight per producer: {warmup.TotalSeconds:0} s warm-up, then {duration.TotalSeconds:0} s measured"));

        var run = new IngestRun(server, streams, warmup, duration);
        var outcome = await run.ExecuteAsync(cancellationToken);
        if (run._unmeasuredErrors > 0)
        {
            Console.WriteLine(Invariant($"  {run._unmeasuredErrors} errors during the warm-up or after the end (not in the figures below)"));
        }

        return Report(outcome, duration, run._exhausted, run._unmeasuredAccepted);
    }

    private async Task<IngestOutcome> ExecuteAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        var workers = _streams.Select(stream => Task.Run(() => ProduceAsync(stream, cancellationToken), cancellationToken)).ToArray();
        var outcomes = await Task.WhenAll(workers);
        var merged = new IngestOutcome();
        foreach (var outcome in outcomes)
        {
            merged.Add(outcome);
        }

        return merged;
    }

    private async Task<IngestOutcome> ProduceAsync(byte[][] stream, CancellationToken cancellationToken)
    {
        var measured = new IngestOutcome();
        var next = 0;
        while (!cancellationToken.IsCancellationRequested && _clock.Elapsed < _end)
        {
            if (next == stream.Length)
            {
                _exhausted = true;
                break;
            }

            var scratch = new IngestOutcome();
            var started = Stopwatch.GetTimestamp();
            await _server.PostAsync(stream[next++], scratch, cancellationToken);
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
                Interlocked.Add(ref _unmeasuredAccepted, scratch.Accepted);
            }
        }

        return measured;
    }

    private static int Report(IngestOutcome outcome, TimeSpan duration, bool exhausted, long unmeasuredAccepted)
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
            Console.WriteLine("  a producer ran out of pre-generated events before the time was up: raise --events (the rate above is over the whole measured time)");
        }

        Console.WriteLine(Invariant($"RESULT ingest eventsPerSecond={rate:0} accepted={outcome.Accepted} totalAccepted={outcome.Accepted + unmeasuredAccepted} requests={outcome.Requests} errors={outcome.Errors} duplicates={outcome.Duplicates} late={outcome.Late} rejected={outcome.Rejected} exhausted={exhausted.ToString().ToLowerInvariant()} {latency.Fields("request")}"));
        return outcome.Errors == 0 ? 0 : 1;
    }

    private static (byte[][][] Streams, string Mix) Generate(string runId, int producers, int total, int batchSize, int agents, int queues)
    {
        var endMs = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var startMs = endMs - (long)EventTimeSpan.TotalMilliseconds;
        var perProducer = total / producers;
        var counts = new ConcurrentDictionary<EventType, int>();
        var streams = new byte[producers][][];
        Parallel.For(0, producers, producer =>
        {
            var model = new TrafficModel($"{runId}-{producer}", seed: 20261123 + producer, agents / producers, queues, site: $"{runId}-s{producer}-");
            var stream = new byte[(perProducer + batchSize - 1) / batchSize][];
            var batch = new List<WallboardEvent>(batchSize);
            var local = new Dictionary<EventType, int>();
            for (var i = 0; i < perProducer; i++)
            {
                var evt = model.Next(DateTimeOffset.FromUnixTimeMilliseconds(startMs + (endMs - startMs) * i / perProducer));
                local[evt.Type] = local.GetValueOrDefault(evt.Type) + 1;
                batch.Add(evt);
                if (batch.Count == batchSize || i == perProducer - 1)
                {
                    stream[i / batchSize] = EventBatches.ToJsonArray(batch);
                    batch.Clear();
                }
            }

            streams[producer] = stream;
            foreach (var (type, count) in local)
            {
                counts.AddOrUpdate(type, count, (_, sum) => sum + count);
            }
        });

        var all = counts.Values.Sum();
        var mix = string.Join(", ", counts.OrderByDescending(pair => pair.Value).Select(pair => Invariant($"{pair.Key.ToWireName()} {100.0 * pair.Value / all:0.0}%")));
        return (streams, mix);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
