using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Alerts.Delivery;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel on a free port) standing in for Slack, Teams, PagerDuty and
/// webhooks: it records every request and answers 200 (202 under <c>/pagerduty</c>) unless told otherwise.
/// </summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Dictionary<string, Queue<ScriptedResponse>> _scripts = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private HttpReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<HttpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new HttpReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>The URL of a path on this receiver.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>The next requests to paths starting with <paramref name="pathPrefix"/> get these answers, in order.</summary>
    public void Respond(string pathPrefix, params ScriptedResponse[] responses)
    {
        lock (_gate)
        {
            _scripts[pathPrefix] = new Queue<ScriptedResponse>(responses);
        }
    }

    public IReadOnlyList<ReceivedRequest> Requests(string pathPrefix)
    {
        lock (_gate)
        {
            return [.. _requests.Where(request => request.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests reached paths under <paramref name="pathPrefix"/>.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> WaitForAsync(string pathPrefix, int count, int timeoutSeconds = 15)
    {
        await Eventually.TrueAsync(() => Requests(pathPrefix).Count >= count, TimeSpan.FromSeconds(timeoutSeconds), $"{count} requests to {pathPrefix}");
        return Requests(pathPrefix);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        ScriptedResponse? scripted = null;
        lock (_gate)
        {
            _requests.Add(new ReceivedRequest(
                path,
                JsonNode.Parse(text)!.AsObject(),
                text,
                context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                _clock.Elapsed));
            var script = _scripts.FirstOrDefault(entry => path.StartsWith(entry.Key, StringComparison.Ordinal)).Value;
            if (script is { Count: > 0 })
            {
                scripted = script.Dequeue();
            }
        }

        var answer = scripted ?? (path.StartsWith("/pagerduty", StringComparison.Ordinal)
            ? new ScriptedResponse(202, Body: """{"status":"success","message":"Event processed"}""")
            : new ScriptedResponse(200, Body: "ok"));
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}

public sealed record ReceivedRequest(string Path, JsonObject Body, string Text, IReadOnlyDictionary<string, string> Headers, TimeSpan At);

public sealed record ScriptedResponse(int Status, string? RetryAfter = null, string Body = "");
