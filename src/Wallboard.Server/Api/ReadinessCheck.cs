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

        try
        {
            var database = await redis.DatabaseAsync();
            var latency = await database.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            status.RedisSucceeded();
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.###} ms");
        }
        catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
        {
            status.RedisFailed(error);
            return HealthCheckResult.Unhealthy("Redis does not answer: " + error.Message);
        }
    }
}
