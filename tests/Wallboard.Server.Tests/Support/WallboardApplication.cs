using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Wallboard.Server.Tests.Support;

/// <summary>
/// The server in memory (real Kestrel pipeline through TestServer) on the real test Redis, under a key
/// prefix of its own, with the event clock so that tests choose time through event timestamps.
/// </summary>
public sealed class WallboardApplication(RedisServer redis, Action<IDictionary<string, string?>>? configure = null)
    : WebApplicationFactory<Program>
{
    public string KeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Redis:KeyPrefix"] = KeyPrefix,
            ["Engine:Clock"] = "Event",
            ["Simulator:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        configure?.Invoke(settings);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Testing");
        if (ConfigureServices is not null)
        {
            builder.ConfigureServices(ConfigureServices);
        }
    }

    /// <summary>A client that waits until the server has recovered its state and is ready.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        await Eventually.TrueAsync(
            async () => (await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(15),
            "/readyz answers 200");
        return client;
    }

    /// <summary>An official SignalR .NET client over WebSockets to the in-memory server.</summary>
    public HubConnection CreateHubConnection() => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, "/hubs/wallboard"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.WebSocketFactory = async (context, cancellationToken) =>
                await Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken);
        })
        .Build();
}
