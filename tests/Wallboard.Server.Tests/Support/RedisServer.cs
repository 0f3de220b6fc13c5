using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Wallboard.Server.Tests.Support;

/// <summary>
/// A real redis-server: the one the test script started (<c>WALLBOARD_TEST_REDIS</c>), or one this
/// process starts on a free port in a temp dir. Tests that stop Redis start their own with <see cref="StartOwnAsync"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;

    private RedisServer(string connectionString, Process? process, string? directory, int port)
    {
        ConnectionString = connectionString;
        _process = process;
        _directory = directory;
        Port = port;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>The shared test Redis (from the test script, or started here when run outside it).</summary>
    public static async Task<RedisServer> SharedAsync()
    {
        if (Environment.GetEnvironmentVariable("WALLBOARD_TEST_REDIS") is { Length: > 0 } given)
        {
            return new RedisServer(given, null, null, int.Parse(given[(given.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }

        return await StartOwnAsync();
    }

    /// <summary>Starts a private redis-server (the binary must be on PATH: scripts/test.sh installs it).</summary>
    public static async Task<RedisServer> StartOwnAsync(int? port = null, string? directory = null)
    {
        var chosenPort = port ?? FreePort();
        var dir = directory ?? Directory.CreateTempSubdirectory("wallboard-redis-").FullName;
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--bind", "127.0.0.1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("redis-server is not installed: run the tests with scripts/test.sh, which installs it");
            throw;
        }

        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer($"127.0.0.1:{chosenPort}", process, dir, chosenPort);
        await Eventually.TrueAsync(server.PingsAsync, TimeSpan.FromSeconds(10), "redis-server answers PING");
        return server;
    }

    /// <summary>Stops this private server the hard way (as an outage would).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async Task<bool> PingsAsync()
    {
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",abortConnect=false,connectTimeout=500");
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp dir is harmless.
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
