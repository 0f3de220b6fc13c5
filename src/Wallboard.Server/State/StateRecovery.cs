using System.Text.Json;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Server.Hosting;

namespace Wallboard.Server.State;

/// <summary>
/// Brings the engine back after a start or a crash: load the checkpoint, replay the event log after
/// its position with the recorded arrival times, then report ready. Until then ingest answers 503.
/// While Redis is unreachable it retries with back-off.
/// </summary>
internal sealed partial class StateRecovery(
    WallboardEngine engine,
    EventLog log,
    CheckpointStore checkpoints,
    ServerStatus status,
    NameTable names,
    TimeProvider time,
    ILogger<StateRecovery> logger)
    : BackgroundService
{
    private const int PageSize = 500;

    public long ReplayedEntries { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            var call = status.StartRedisCall();
            try
            {
                await RecoverAsync(stoppingToken);
                status.RedisSucceeded(call);
                status.MarkRecovered();
                return;
            }
            catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
            {
                status.RedisFailed(call, error);
                LogRecoveryRetry(delay, error.Message);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var position = await checkpoints.RestoreAsync(engine, cancellationToken);
        var entries = 0L;
        var events = 0L;
        await foreach (var entry in log.ReadAfterAsync(position, PageSize, cancellationToken))
        {
            var batch = Parse(entry.EventsJson);
            engine.IngestAt(batch, DateTimeOffset.FromUnixTimeMilliseconds(entry.ArrivalMs));
            checkpoints.Covered(entry.Id);
            entries++;
            events += batch.Count;
        }

        ReplayedEntries = entries;
        LogRecovered(position, entries, events);
    }

    private List<WallboardEvent> Parse(string eventsJson)
    {
        using var document = JsonDocument.Parse(eventsJson);
        var batch = new List<WallboardEvent>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            // The log holds only events that passed validation; a parse failure here would mean a contract change.
            if (EventParser.Parse(element, names) is { IsValid: true } parsed)
            {
                batch.Add(parsed.Event);
            }
        }

        return batch;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery cannot reach Redis ({Reason}); retrying in {Delay}")]
    private partial void LogRecoveryRetry(TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered: checkpoint at {Position}, then {Entries} log entries ({Events} events) replayed")]
    private partial void LogRecovered(StackExchange.Redis.RedisValue position, long entries, long events);
}
