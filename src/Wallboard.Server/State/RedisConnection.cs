using StackExchange.Redis;

namespace Wallboard.Server.State;

/// <summary>
/// The process's two multiplexers. They connect in the background and fail fast while Redis is away, so
/// that ingest answers 503 at once instead of queueing requests for the backlog timeout.
/// </summary>
/// <remarks>
/// A multiplexer sends every command over one socket in order. The bulk writes (a second's changed KPI
/// rows, thousands of HSETs; a checkpoint of megabytes) go through a connection of their own, so that the
/// event log's appends, which every ingest request waits for, never queue behind them: on one connection
/// they set the ingest requests' 99th percentile at 100-120 ms, and the boards' latency with it.
/// </remarks>
internal sealed partial class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;
    private readonly Lazy<Task<IConnectionMultiplexer>> _bulk;
    private readonly ILogger<RedisConnection> _logger;

    public RedisConnection(IConfiguration configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var connectionString = configuration.GetConnectionString("Redis") ?? "127.0.0.1:6379";
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        Endpoint = string.Join(",", options.EndPoints.Select(endpoint => endpoint.ToString()));
        _multiplexer = Connect(options, "wallboard");
        _bulk = Connect(options, "wallboard-bulk");
    }

    public string Endpoint { get; }

    /// <summary>The connection for the event log, reads and small writes.</summary>
    public async Task<IDatabase> DatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    /// <summary>The connection for large batches of writes (KPI hashes, checkpoints).</summary>
    public async Task<IDatabase> BulkDatabaseAsync() => (await _bulk.Value).GetDatabase();

    public async Task<bool> IsConnectedAsync() => (await _multiplexer.Value).IsConnected;

    public async ValueTask DisposeAsync()
    {
        foreach (var multiplexer in new[] { _multiplexer, _bulk })
        {
            if (multiplexer.IsValueCreated)
            {
                await (await multiplexer.Value).DisposeAsync();
            }
        }
    }

    private Lazy<Task<IConnectionMultiplexer>> Connect(ConfigurationOptions options, string clientName)
    {
        var named = options.Clone();
        named.ClientName = clientName;
        return new Lazy<Task<IConnectionMultiplexer>>(async () =>
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(named);
            multiplexer.ConnectionFailed += (_, args) => LogConnectionFailed(clientName, args.EndPoint, args.FailureType);
            multiplexer.ConnectionRestored += (_, args) => LogConnectionRestored(clientName, args.EndPoint);
            return multiplexer;
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection {Connection} to {Endpoint} failed: {FailureType}")]
    private partial void LogConnectionFailed(string connection, System.Net.EndPoint? endpoint, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection {Connection} to {Endpoint} restored")]
    private partial void LogConnectionRestored(string connection, System.Net.EndPoint? endpoint);
}
