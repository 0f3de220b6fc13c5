using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Durability;

/// <summary>
/// The built server as a real operating-system process (<c>dotnet Wallboard.Server.dll</c>), so that a test
/// can kill it with SIGKILL (as a crash or the OOM killer would) or stop it with SIGTERM (as an orchestrator
/// would). It runs on the event clock under the given key prefix; its console output is kept and written
/// to the test's output, which the runner shows when the test fails.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Every window of the default configuration, as the API names them.</summary>
    public static readonly IReadOnlyList<string> Windows = ["now", "5m", "15m", "30m", "60m", "today"];

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private ServerProcess(Process process, string keyPrefix, Uri baseAddress)
    {
        _process = process;
        KeyPrefix = keyPrefix;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string KeyPrefix { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewKeyPrefix() => $"durability:{Guid.NewGuid():N}:";

    /// <summary>Starts the server on a free port and waits until <c>/readyz</c> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(
        RedisServer redis, string keyPrefix, Action<IDictionary<string, string>>? configure = null)
    {
        // Another process may take the free port between the probe and Kestrel's bind: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(redis, keyPrefix, configure);
            try
            {
                await server.WaitReadyAsync();
                return server;
            }
            catch (Exception) when (attempt < 3 && server.HasExited && server.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await server.DisposeAsync();
            }
            catch (Exception)
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>SIGKILL (<c>kill -9</c>): the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            // The server starts no child processes. Kill(entireProcessTree: true) would first walk /proc
            // for descendants, long enough for a fast server to answer the request the test kills it under.
            _process.Kill();
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>SIGTERM, then waits for the process to exit; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        var signal = new ProcessStartInfo("kill") { ArgumentList = { "-TERM", ProcessId.ToString(CultureInfo.InvariantCulture) } };
        using (var kill = Process.Start(signal) ?? throw new InvalidOperationException("kill did not start"))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, kill.ExitCode);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"The server process {ProcessId} did not exit within {timeout.TotalSeconds:0.#} s of SIGTERM.");
        }

        return _process.ExitCode;
    }

    public async Task<HttpResponseMessage> PostAsync(string eventsJson) =>
        await Client.PostAsync(
            new Uri("/api/v1/events", UriKind.Relative),
            new StringContent(eventsJson, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    /// <summary>Posts a batch that must be taken; returns the 202 body.</summary>
    public async Task<JsonObject> PostAcceptedAsync(string eventsJson)
    {
        using var response = await PostAsync(eventsJson);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/v1/events answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The scopes the server has seen, sorted (the API's order is not part of the contract).</summary>
    public async Task<IReadOnlyList<string>> ScopesAsync()
    {
        var payload = await Client.GetFromJsonAsync<JsonObject>(new Uri("/api/v1/scopes", UriKind.Relative), TestContext.Current.CancellationToken);
        return [.. payload!["scopes"]!.AsArray().Select(scope => (string)scope!).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every KPI of every scope in every window: "scope window" → the whole <c>GET /api/v1/kpis</c> payload as JSON.</summary>
    public async Task<SortedDictionary<string, string>> AllKpisAsync()
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in await ScopesAsync())
        {
            foreach (var window in Windows)
            {
                all[$"{scope} {window}"] = (await EventJson.KpisAsync(Client, scope, window)).ToJsonString();
            }
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"--- server process {ProcessId} ({KeyPrefix}) output ---{Environment.NewLine}{Output}");
        _process.Dispose();
    }

    private static ServerProcess Launch(RedisServer redis, string keyPrefix, Action<IDictionary<string, string>>? configure)
    {
        var root = RepositoryRoot();
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(root, "src", "Wallboard.Server");
        var assembly = Path.Combine(project, "bin", configuration, "net10.0", "Wallboard.Server.dll");
        Assert.True(File.Exists(assembly), $"{assembly} is missing: build the solution in {configuration} first.");

        var port = RedisServer.FreePort();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Redis__KeyPrefix"] = keyPrefix,
            ["Redis__CheckpointInterval"] = "00:00:01",
            ["Engine__Clock"] = "event",
            ["Simulator__Enabled"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Wallboard.Server.State.StateRecovery"] = "Information",
        };
        configure?.Invoke(settings);

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { assembly, "--contentRoot", project },
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, keyPrefix, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Wallboard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Wallboard.sln above {AppContext.BaseDirectory}.");
    }

    private async Task WaitReadyAsync() => await Eventually.TrueAsync(
        async () =>
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The server process exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{Output}");
            }

            try
            {
                using var probe = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                probe.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative), probe.Token);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                return false;
            }
        },
        ReadyTimeout,
        $"the server process on {BaseAddress} answers /readyz 200");

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
