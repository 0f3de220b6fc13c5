using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wallboard.Server.Hosting;
using Wallboard.Server.State;

namespace Wallboard.Server.Api;

/// <summary>Ready means: the engine state was recovered and caught up with the log, and Redis answers a ping.</summary>
internal sealed class ReadinessCheck(ServerStatus status, RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!status.Recovered)
        {
            return HealthCheckResult.Unhealthy("recovering the engine state from the checkpoint and the event log");
        }

        var call = status.StartRedisCall();
        try
        {
            var database = await redis.DatabaseAsync();
            var latency = await database.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            status.RedisSucceeded(call);
            var answers = $"Redis answers in {latency.TotalMilliseconds:0.###} ms";

            // Still ready: events are taken and boards are live; the writer retries and the log covers a checkpoint.
            return status.BulkWriteError is { } bulkError
                ? HealthCheckResult.Degraded($"{answers}, but the last write of KPI rows or of a checkpoint failed: {bulkError}")
                : HealthCheckResult.Healthy(answers);
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            status.RedisFailed(call, error);
            return HealthCheckResult.Unhealthy("Redis does not answer: " + error.Message);
        }
    }
}
