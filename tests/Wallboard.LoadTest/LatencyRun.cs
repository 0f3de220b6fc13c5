using System.Diagnostics;
using System.Globalization;
using Wallboard.Engine.Events;

namespace Wallboard.LoadTest;

/// <summary>
/// <c>latency</c>: connects many boards, then posts events at a steady rate in small batches, paced by a
/// Stopwatch. Each batch carries one <c>contact.queued</c> on a probe queue (they take turns); boards
/// subscribed to that queue see its <c>offered</c> move, and each such push is timed from the POST of
/// the batch that caused it. Only markers posted after the warm-up count.
/// </summary>
internal sealed class LatencyRun
{
    private const int MaxPostsInFlight = 32;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly ServerClient _server;
    private readonly ProbeSchedule _schedule;
    private readonly TrafficModel _model;
    private readonly string[] _probeQueues;
    private readonly IngestOutcome _posts = new();
    private readonly Lock _postsGate = new();

    private LatencyRun(ServerClient server, ProbeSchedule schedule, TrafficModel model, string[] probeQueues)
    {
        _server = server;
        _schedule = schedule;
        _model = model;
        _probeQueues = probeQueues;
    }

    public static async Task<int> RunAsync(LoadArguments arguments, CancellationToken cancellationToken)
    {
        var url = arguments.Url;
        var clientCount = arguments.Int("clients", 500, 1, 20_000);
        var rate = arguments.Int("rate", 2000, 1, 1_000_000);
        var duration = arguments.Seconds("seconds", 30, 1, 600);
        var warmup = arguments.Seconds("warmup", 3, 0, 60);
        var batchSize = arguments.Int("batch", 20, 2, 10_000);
        var probes = arguments.Int("probes", 10, 1, 1_000);
        var runId = EventBatches.NewRunId();
        var model = new TrafficModel(runId, seed: 7, arguments.Int("agents", 1_000, 1, 1_000_000), arguments.Int("queues", 50, 1, 100_000));

        var interval = TimeSpan.FromSeconds((double)batchSize / rate);
        var batchCount = (int)Math.Ceiling((warmup + duration) / interval);
        var probeQueues = Enumerable.Range(0, probes).Select(k => $"probe-{runId}-{k}").ToArray();
        var schedule = new ProbeSchedule(probes, batchCount / probes + 1);

        using var server = new ServerClient(url, MaxPostsInFlight);
        await server.EnsureReadyAsync(cancellationToken);
        var connecting = Stopwatch.StartNew();
        var (clients, failures, firstFailure) = await ConnectAsync(url, clientCount, model.QueueCount, probeQueues, schedule, cancellationToken);
        Console.WriteLine(Invariant($"latency: {clients.Count}/{clientCount} boards connected over WebSockets in {connecting.Elapsed.TotalSeconds:0.0} s, each on all, one of {model.QueueCount} queues and one of {probes} probe queues × now and 5m"));
        if (firstFailure is not null)
        {
            Console.WriteLine($"  {failures} failed to connect; first: {firstFailure}");
        }

        try
        {
            var run = new LatencyRun(server, schedule, model, probeQueues);
            Console.WriteLine(Invariant($"  posting {rate:N0} events/s as {batchSize} every {interval.TotalMilliseconds:0.##} ms from {model.AgentCount:N0} agents: {warmup.TotalSeconds:0} s warm-up, then {duration.TotalSeconds:0} s measured"));
            var sending = await run.SendAsync(batchCount, batchSize, interval, warmup, cancellationToken);
            var drained = await DrainAsync(clients, schedule, cancellationToken);
            return run.Report(clients, clientCount, sending, duration, drained);
        }
        finally
        {
            await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()));
        }
    }

    private static async Task<(List<ProbeClient> Clients, int Failures, string? FirstFailure)> ConnectAsync(
        Uri url, int count, int queues, string[] probeQueues, ProbeSchedule schedule, CancellationToken cancellationToken)
    {
        var clients = new List<ProbeClient>(count);
        var failures = 0;
        string? firstFailure = null;
        var gate = new Lock();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var probe = i % probeQueues.Length;
            var probeScope = "queue:" + probeQueues[probe];
            var subscription = new SubscribeMessage(["all", "queue:" + TrafficModel.QueueName(i % queues), probeScope], ["now", ProbeClient.ProbeWindow]);
            try
            {
                var client = await ProbeClient.ConnectAsync(url, subscription, probe, probeScope, schedule, token);
                lock (gate)
                {
                    clients.Add(client);
                }
            }
            catch (Exception error) when (error is HttpRequestException or System.Net.WebSockets.WebSocketException or IOException
                or InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException or TimeoutException)
            {
                lock (gate)
                {
                    failures++;
                    firstFailure ??= error.GetType().Name + ": " + error.Message;
                }
            }
        });
        return (clients, failures, firstFailure);
    }

    private async Task<SendingFigures> SendAsync(int batchCount, int batchSize, TimeSpan interval, TimeSpan warmup, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(MaxPostsInFlight);
        var posts = new List<Task>(batchCount);
        var lags = new List<double>(batchCount);
        var clock = Stopwatch.StartNew();
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var events = new List<WallboardEvent>(batchSize);
        for (var i = 0; i < batchCount && !cancellationToken.IsCancellationRequested; i++)
        {
            // Each batch is due at start + i × interval, whatever the previous ones cost: a late batch goes at once.
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            lags.Add(Math.Max(0, (clock.Elapsed - due).TotalMilliseconds));
            var now = TimeProvider.System.GetUtcNow();
            var probe = i % _probeQueues.Length;
            events.Clear();
            for (var e = 1; e < batchSize; e++)
            {
                events.Add(_model.Next(now));
            }

            events.Add(_model.QueuedElsewhere(_probeQueues[probe], now));
            var body = EventBatches.ToJsonArray(events);
            await inFlight.WaitAsync(cancellationToken);
            var sentAt = Stopwatch.GetTimestamp();
            _schedule.Sent(probe, i / _probeQueues.Length + 1, sentAt);
            posts.Add(PostAsync(body, sentAt >= measureFrom, inFlight, cancellationToken));
        }

        var elapsed = clock.Elapsed;
        await Task.WhenAll(posts);
        return new SendingFigures(posts.Count, posts.Count * batchSize, elapsed, new Distribution(lags), measureFrom);
    }

    private async Task PostAsync(byte[] body, bool measured, SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        var outcome = new IngestOutcome();
        try
        {
            var started = Stopwatch.GetTimestamp();
            await _server.PostAsync(body, outcome, cancellationToken);
            if (measured)
            {
                outcome.LatenciesMs.Add(Distribution.Milliseconds(started, Stopwatch.GetTimestamp()));
            }
        }
        finally
        {
            inFlight.Release();
        }

        lock (_postsGate)
        {
            _posts.Add(outcome);
        }
    }

    // Waits, with a bound, until every board has seen the last marker of its probe queue.
    private static async Task<bool> DrainAsync(List<ProbeClient> clients, ProbeSchedule schedule, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < DrainTimeout && !cancellationToken.IsCancellationRequested)
        {
            if (clients.All(client => client.Seen >= schedule.Last(client.Probe)))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return false;
    }

    private int Report(List<ProbeClient> clients, int wanted, SendingFigures sending, TimeSpan duration, bool drained)
    {
        var samples = clients.SelectMany(client => client.Samples).Where(sample => sample.SentAt >= sending.MeasureFrom).ToList();
        var newest = new Distribution(samples.Select(sample => sample.NewestMs));
        var oldest = new Distribution(samples.Select(sample => sample.OldestMs));
        var posts = new Distribution(_posts.LatenciesMs);
        var pushes = clients.Sum(client => client.Pushes);
        var probePushes = clients.Sum(client => client.ProbePushes);
        var sentRate = sending.Events / sending.Elapsed.TotalSeconds;
        var pushRate = clients.Count == 0 ? 0 : pushes / (double)clients.Count / sending.Elapsed.TotalSeconds;

        Console.WriteLine(Invariant($"  sent {sending.Events:N0} events in {sending.Batches:N0} batches over {sending.Elapsed.TotalSeconds:0.0} s = {sentRate:N0} events/s; send lag behind schedule {sending.Lag.Describe()}"));
        Console.WriteLine(Invariant($"  POST latency (measured part) {posts.Describe()}; errors {_posts.Errors}, accepted {_posts.Accepted:N0}, late {_posts.Late}, rejected {_posts.Rejected}"));
        if (_posts.FirstError is { } error)
        {
            Console.WriteLine("  first error: " + error);
        }

        Console.WriteLine(Invariant($"  pushes received {pushes:N0} ({pushRate:0.0} per board per second), {probePushes:N0} of them moved a probe"));
        Console.WriteLine("  event-to-board latency, newest marker in each push: " + newest.Describe());
        Console.WriteLine("  event-to-board latency, oldest unseen marker in each push: " + oldest.Describe());
        if (!drained)
        {
            Console.WriteLine(Invariant($"  not every board saw its last marker within {DrainTimeout.TotalSeconds:0} s"));
        }

        Console.WriteLine(Invariant($"RESULT latency clients={clients.Count} wanted={wanted} eventsPerSecond={sentRate:0} measuredSeconds={duration.TotalSeconds:0} pushes={pushes} probePushes={probePushes} samples={newest.Count} drained={drained.ToString().ToLowerInvariant()} postErrors={_posts.Errors} {newest.Fields("newest")} {oldest.Fields("oldest")} {posts.Fields("post")} {sending.Lag.Fields("lag")}"));
        return clients.Count == wanted && _posts.Errors == 0 && drained ? 0 : 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
