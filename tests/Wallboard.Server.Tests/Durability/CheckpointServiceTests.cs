using System.Diagnostics;
using StackExchange.Redis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Durability;

/// <summary>Graceful shutdown of the real server process: SIGTERM drains ingest and writes a final checkpoint.</summary>
public class CheckpointServiceTests(RedisFixture redis)
{
    [Fact(Timeout = 120_000)]
    public async Task StopAsync_Sigterm_ExitsCleanlyAndTheRestartReplaysNothing()
    {
        // No periodic checkpoint within the test: the only one is the one written on shutdown.
        Action<IDictionary<string, string>> settings = values => values["Redis__CheckpointInterval"] = "01:00:00";
        var keyPrefix = ServerProcess.NewKeyPrefix();
        var batches = ContactCenterStream.Generate(seed: 7, TimeSpan.FromMinutes(10)).Batches(50);
        SortedDictionary<string, string> before;
        await using (var server = await ServerProcess.StartAsync(redis.Server, keyPrefix, settings))
        {
            foreach (var batch in batches)
            {
                await server.PostAcceptedAsync(batch);
            }

            before = await server.AllKpisAsync();
            var stopping = Stopwatch.StartNew();

            var exitCode = await server.StopAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(0, exitCode);
            TestContext.Current.TestOutputHelper?.WriteLine($"exited {stopping.ElapsedMilliseconds} ms after SIGTERM");
        }

        var newest = await NewestLogEntryAsync(keyPrefix, TestContext.Current.CancellationToken);
        await using var restarted = await ServerProcess.StartAsync(redis.Server, keyPrefix, settings);

        Assert.Contains(
            $"Recovered: checkpoint at {newest}, then 0 log entries (0 events) replayed",
            restarted.Output,
            StringComparison.Ordinal);
        var after = await restarted.AllKpisAsync();
        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    private async Task<string> NewestLogEntryAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        cancellationToken.ThrowIfCancellationRequested();
        var newest = await connection.GetDatabase().StreamRangeAsync(keyPrefix + "events", "-", "+", 1, Order.Descending);
        return newest.Single().Id.ToString();
    }
}
