using System.Reactive.Concurrency;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Server.Hosting;
using Wallboard.Server.Realtime;
using Wallboard.Server.State;

namespace Wallboard.Server.Ingestion;

/// <summary>
/// The one serialized ingress: requests queue here, a single loop appends each to the event log (one
/// pipelined round trip for all waiting requests) and then applies it to the engine in log order, so
/// that the log replayed after a crash gives exactly the same state. A request is answered only after
/// its events are durable and applied.
/// </summary>
internal sealed partial class IngestPipeline : BackgroundService
{
    private const int MaxRequestsPerRound = 256;

    private readonly Channel<IngestRequest> _queue;
    private readonly WallboardEngine _engine;
    private readonly EventLog _log;
    private readonly CheckpointStore _checkpoints;
    private readonly EngineActivity _activity;
    private readonly ServerStatus _status;
    private readonly IScheduler _scheduler;
    private readonly ILogger<IngestPipeline> _logger;

    public IngestPipeline(
        WallboardEngine engine,
        EventLog log,
        CheckpointStore checkpoints,
        EngineActivity activity,
        ServerStatus status,
        IScheduler scheduler,
        IOptions<IngestOptions> options,
        ILogger<IngestPipeline> logger)
    {
        _engine = engine;
        _log = log;
        _checkpoints = checkpoints;
        _activity = activity;
        _status = status;
        _scheduler = scheduler;
        _logger = logger;
        _queue = Channel.CreateBounded<IngestRequest>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Logs and applies the events; throws <see cref="EventLogUnavailableException"/> when that cannot be done now.</summary>
    public Task<IReadOnlyList<IngestResult>> SubmitAsync(IReadOnlyList<WallboardEvent> events, string eventsJson, CancellationToken cancellationToken) =>
        SubmitAsync(events, System.Text.Encoding.UTF8.GetBytes(eventsJson), cancellationToken);

    /// <summary>Logs and applies the events, given as one UTF-8 JSON array; throws <see cref="EventLogUnavailableException"/> when that cannot be done now.</summary>
    public async Task<IReadOnlyList<IngestResult>> SubmitAsync(IReadOnlyList<WallboardEvent> events, ReadOnlyMemory<byte> eventsJson, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        if (!_status.Recovered)
        {
            throw new EventLogUnavailableException("the server is recovering its state; retry shortly");
        }

        if (!_status.RedisAvailable && !await RedisAnswersAsync())
        {
            throw new EventLogUnavailableException("the event log (Redis) is unavailable: " + _status.RedisError);
        }

        var request = new IngestRequest(events, eventsJson);
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken);
        }
        catch (ChannelClosedException error)
        {
            throw new EventLogUnavailableException("the server is shutting down", error);
        }

        return await request.Completion.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking requests, then let the loop finish what is queued before the checkpoint is written.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var round = new List<IngestRequest>(MaxRequestsPerRound);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (round.Count < MaxRequestsPerRound && _queue.Reader.TryRead(out var request))
            {
                round.Add(request);
            }

            await ProcessAsync(round);
            round.Clear();
        }
    }

    private async Task ProcessAsync(List<IngestRequest> round)
    {
        var arrival = _scheduler.Now;
        var arrivalMs = arrival.ToUnixTimeMilliseconds();
        var call = _status.StartRedisCall();
        var appends = new Task<StackExchange.Redis.RedisValue>[round.Count];
        for (var i = 0; i < round.Count; i++)
        {
            appends[i] = _log.AppendAsync(arrivalMs, round[i].EventsJson);
        }

        try
        {
            await Task.WhenAll(appends);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException)
        {
            _status.RedisFailed(call, error);
            LogAppendFailed(error);
        }

        // Reported before any request is answered, so that a client told its events were taken never then sees stale values.
        if (Array.Exists(appends, append => append.IsCompletedSuccessfully))
        {
            _status.RedisSucceeded(call);
        }

        var applied = false;
        for (var i = 0; i < round.Count; i++)
        {
            if (appends[i].IsCompletedSuccessfully)
            {
                var results = _engine.IngestAt(round[i].Events, arrival);
                _checkpoints.Covered(await appends[i]);
                round[i].Complete(results);
                applied = true;
            }
            else
            {
                round[i].Fail(new EventLogUnavailableException(
                    "the event log (Redis) did not take the events: " + appends[i].Exception?.InnerException?.Message,
                    appends[i].Exception?.InnerException));
            }
        }

        if (applied)
        {
            _status.EventsApplied(arrival);
            _activity.NotifyApplied();
        }
    }

    private async Task<bool> RedisAnswersAsync()
    {
        var call = _status.StartRedisCall();
        try
        {
            await _log.LastIdAsync();
            _status.RedisSucceeded(call);
            return true;
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            _status.RedisFailed(call, error);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appending to the event log failed; the requests were answered 503")]
    private partial void LogAppendFailed(Exception error);
}
