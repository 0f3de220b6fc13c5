[assembly: AssemblyFixture(typeof(Wallboard.Server.Tests.Support.RedisFixture))]

namespace Wallboard.Server.Tests.Support;

/// <summary>The shared test Redis for the whole test assembly; each test uses its own key prefix.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("Redis is not started yet.");

    public async ValueTask InitializeAsync() => _server = await RedisServer.SharedAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
