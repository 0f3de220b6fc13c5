using StackExchange.Redis;
using Wallboard.Server.Hosting;

namespace Wallboard.Server.Tests.Hosting;

/// <summary>
/// Calls to Redis overlap (a readiness ping that times out while ingest already succeeds again), so the
/// availability the boards show follows the newest call, whatever order the answers come back in.
/// </summary>
public class ServerStatusReportTests
{
    private static readonly RedisException Refused = new("No connection is active/available");

    [Fact]
    public void RedisFailed_CallOlderThanTheLastSuccess_ChangesNothing()
    {
        var status = new ServerStatus();
        var changes = new List<bool>();
        status.RedisAvailabilityChanged += changes.Add;
        var ping = status.StartRedisCall();
        var append = status.StartRedisCall();

        status.RedisSucceeded(append);
        status.RedisFailed(ping, Refused);

        Assert.True(status.RedisAvailable);
        Assert.Null(status.RedisError);
        Assert.Empty(changes);
    }

    [Fact]
    public void RedisSucceeded_CallOlderThanTheLastFailure_ChangesNothing()
    {
        var status = new ServerStatus();
        var changes = new List<bool>();
        status.RedisAvailabilityChanged += changes.Add;
        var slow = status.StartRedisCall();
        var append = status.StartRedisCall();

        status.RedisFailed(append, Refused);
        status.RedisSucceeded(slow);

        Assert.False(status.RedisAvailable);
        Assert.Equal("RedisException: No connection is active/available", status.RedisError);
        Assert.Equal([false], changes);
    }

    [Fact]
    public void RedisFailedThenSucceeded_NewerCalls_RaisesBothChangesInOrder()
    {
        var status = new ServerStatus();
        var changes = new List<bool>();
        status.RedisAvailabilityChanged += changes.Add;

        status.RedisFailed(status.StartRedisCall(), Refused);
        status.RedisFailed(status.StartRedisCall(), Refused);
        status.RedisSucceeded(status.StartRedisCall());

        Assert.True(status.RedisAvailable);
        Assert.Null(status.RedisError);
        Assert.Equal([false, true], changes);
    }

    [Fact]
    public void BulkWriteFailed_EventLogAnswers_RedisStaysAvailable()
    {
        var status = new ServerStatus();
        var changes = new List<bool>();
        status.RedisAvailabilityChanged += changes.Add;

        status.BulkWriteFailed(Refused);

        Assert.True(status.RedisAvailable);
        Assert.Empty(changes);
        Assert.Equal("RedisException: No connection is active/available", status.BulkWriteError);
        status.BulkWriteSucceeded();
        Assert.Null(status.BulkWriteError);
    }
}
