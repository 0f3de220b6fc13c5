using Microsoft.Extensions.Options;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Time;
using Wallboard.Server.Ingestion;

namespace Wallboard.Server.Simulation;

/// <summary>
/// Feeds the board from <see cref="SimulationModel"/> when <c>Simulator:Enabled</c> is set: every tick it
/// advances the model to the simulated now (start + real time elapsed × speed) and submits what happened as
/// one batch through the ingest pipeline, exactly like a real source. While the event log is away, batches
/// wait and are retried (the oldest dropped beyond <see cref="PendingEvents.DefaultCapacity"/>); nothing
/// that goes wrong here stops the server.
/// </summary>
internal sealed partial class TrafficSimulator : BackgroundService
{
    public static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(250);

    // On stop, the closing batch (waiting customers hang up, agents log off) gets this long to reach the log.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly IngestPipeline _pipeline;
    private readonly SimulatorOptions _options;
    private readonly EngineOptions _engineOptions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TrafficSimulator> _logger;
    private readonly PendingEvents _pending = new(PendingEvents.DefaultCapacity);
    private int _dropped;

    public TrafficSimulator(
        IngestPipeline pipeline,
        IOptions<SimulatorOptions> options,
        IOptions<EngineOptions> engineOptions,
        TimeProvider timeProvider,
        ILogger<TrafficSimulator> logger)
    {
        _pipeline = pipeline;
        _options = options.Value;
        _engineOptions = engineOptions.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var start = _timeProvider.GetUtcNow();
        var startTimestamp = _timeProvider.GetTimestamp();
        DateTimeOffset SimulatedNow() => start + (_timeProvider.GetElapsedTime(startTimestamp) * _options.Speed);

        SimulationModel? model = null;
        try
        {
            model = CreateModel(start);
            using var timer = new PeriodicTimer(TickPeriod, _timeProvider);
            do
            {
                Add(model.AdvanceTo(SimulatedNow()));
                await TrySubmitAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            LogFailed(error);
            return;
        }

        if (model is not null)
        {
            await CloseAsync(model, SimulatedNow());
        }
    }

    private SimulationModel CreateModel(DateTimeOffset start)
    {
        var seed = _options.Seed ?? Random.Shared.Next();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(_engineOptions.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var model = new SimulationModel(_options, zone, start, seed);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var queues = _options.EffectiveQueues;
            var summary = string.Join(", ", queues.Select(queue => $"{queue.Name} ({queue.Channel}, {queue.PeakArrivalsPerHour:0.#}/h)"));
            LogStarted(
                queues.Count,
                summary,
                _options.Agents,
                _options.EffectiveTeams.Count,
                _options.TicketsPerHour,
                _options.Speed,
                seed);
        }
        if (_options.Speed != 1 && _engineOptions.Clock == ClockMode.Wall)
        {
            LogSpeedNeedsEventClock(_options.Speed);
        }

        return model;
    }

    private void Add(IReadOnlyList<WallboardEvent> events)
    {
        var dropped = _pending.Add(events);
        if (dropped > 0 && _dropped == 0)
        {
            LogDropping(PendingEvents.DefaultCapacity);
        }

        _dropped += dropped;
    }

    private async Task TrySubmitAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending.Snapshot();
        IReadOnlyList<IngestResult> results;
        try
        {
            results = await _pipeline.SubmitAsync(batch, EventWriter.ToJsonArray(batch), cancellationToken);
        }
        catch (EventLogUnavailableException error)
        {
            LogDeferred(batch.Count, error.Message);
            return;
        }

        _pending.Remove(batch.Count);
        if (_dropped > 0)
        {
            LogResumed(_dropped);
            _dropped = 0;
        }

        var rejected = results.Where(result => result.Status == IngestStatus.Rejected).ToList();
        if (rejected.Count > 0)
        {
            LogRejected(rejected.Count, rejected[0].Reason);
        }
    }

    private async Task CloseAsync(SimulationModel model, DateTimeOffset now)
    {
        try
        {
            Add(model.Close(now));
            using var timeout = new CancellationTokenSource(CloseTimeout, _timeProvider);
            await TrySubmitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            LogCloseTimedOut(_pending.Count);
        }
        catch (Exception error)
        {
            LogFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Traffic simulator on: {QueueCount} queues ({Queues}), {Agents} agents in {Teams} teams, {TicketsPerHour} tickets/h at peak, speed {Speed}x, seed {Seed}")]
    private partial void LogStarted(int queueCount, string queues, int agents, int teams, double ticketsPerHour, double speed, int seed);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Simulator speed is {Speed}x but the engine runs on the wall clock: simulated events will be too far ahead or behind it; set Engine:Clock=Event")]
    private partial void LogSpeedNeedsEventClock(double speed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulated batch of {Count} events deferred: {Reason}")]
    private partial void LogDeferred(int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event log is still away; simulated events beyond the newest {Capacity} are being dropped")]
    private partial void LogDropping(int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event log takes simulated events again; {Dropped} were dropped while it was away")]
    private partial void LogResumed(int dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} simulated events were rejected, the first because {Reason}")]
    private partial void LogRejected(int count, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The simulator's closing batch did not reach the event log in time; {Count} events not sent")]
    private partial void LogCloseTimedOut(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The traffic simulator failed and stopped; the server goes on without it")]
    private partial void LogFailed(Exception error);
}
