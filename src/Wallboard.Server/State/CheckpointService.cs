using Microsoft.Extensions.Options;
using Wallboard.Engine;
using Wallboard.Server.Hosting;

namespace Wallboard.Server.State;

/// <summary>Checkpoints the engine periodically and once more on shutdown, after ingest has drained.</summary>
internal sealed partial class CheckpointService(
    WallboardEngine engine, CheckpointStore store, ServerStatus status, TimeProvider time, IOptions<RedisOptions> options, ILogger<CheckpointService> logger)
    : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (status.Recovered)
        {
            await SaveAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (status.Recovered)
                {
                    await SaveAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes the final checkpoint.
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(engine, cancellationToken);
            status.BulkWriteSucceeded();
        }
        // ObjectDisposedException: under WebApplicationFactory two StopAsync calls race (the factory's and
        // Program's RunAsync), and the one that finishes first disposes the multiplexer.
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException)
        {
            status.BulkWriteFailed(error);
            LogSaveFailed(error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the checkpoint failed ({Reason}); the next one retries, and the log covers the gap")]
    private partial void LogSaveFailed(string reason);
}
