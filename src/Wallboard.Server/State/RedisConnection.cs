using StackExchange.Redis;

namespace Wallboard.Server.State;

/// <summary>
/// The one multiplexer of the process. It connects in the background and fails fast while Redis is
/// away, so that ingest answers 503 at once instead of queueing requests for the backlog timeout.
/// </summary>
internal sealed partial class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer;
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
        options.ClientName = "wallboard";
        Endpoint = string.Join(",", options.EndPoints.Select(endpoint => endpoint.ToString()));
        _multiplexer = new Lazy<Task<IConnectionMultiplexer>>(async () =>
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
            multiplexer.ConnectionFailed += (_, args) => LogConnectionFailed(args.EndPoint, args.FailureType);
            multiplexer.ConnectionRestored += (_, args) => LogConnectionRestored(args.EndPoint);
            return multiplexer;
        });
    }

    public string Endpoint { get; }

    public async Task<IDatabase> DatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    public async Task<bool> IsConnectedAsync() => (await _multiplexer.Value).IsConnected;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection to {Endpoint} failed: {FailureType}")]
    private partial void LogConnectionFailed(System.Net.EndPoint? endpoint, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection to {Endpoint} restored")]
    private partial void LogConnectionRestored(System.Net.EndPoint? endpoint);
}
