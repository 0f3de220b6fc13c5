using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Wallboard.LoadTest;

/// <summary>HTTP to the server: readiness, and posting one body of events.</summary>
internal sealed class ServerClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public ServerClient(Uri url, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Throws unless <c>/readyz</c> answers 200: measuring a server that is still recovering would mislead.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("/readyz", UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{_http.BaseAddress}readyz answered {(int)response.StatusCode}; start the server and wait for it to be ready");
        }
    }

    /// <summary>Posts a JSON array of events and adds what the 202 answer counted (or the error) to <paramref name="outcome"/>.</summary>
    public async Task PostAsync(byte[] body, IngestOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await _http.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            outcome.Requests++;
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                outcome.Error($"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer.AsSpan(0, Math.Min(answer.Length, 300)))}");
                return;
            }

            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            outcome.Accepted += root.GetProperty("accepted").GetInt32();
            outcome.Duplicates += root.GetProperty("duplicates").GetInt32();
            outcome.Late += root.GetProperty("late").GetInt32();
            outcome.Rejected += root.GetProperty("rejected").GetArrayLength();
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or KeyNotFoundException
            || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            outcome.Requests++;
            outcome.Error(error.GetType().Name + ": " + error.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}
