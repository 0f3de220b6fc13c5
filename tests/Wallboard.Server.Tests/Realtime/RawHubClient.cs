using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Wallboard.Server.Tests.Realtime;

/// <summary>
/// A board whose network stalls: the SignalR JSON protocol spoken by hand over a bare
/// <see cref="ClientWebSocket"/> on a socket with a tiny TCP receive buffer. It reads only when the test
/// asks, so once the kernel buffers are full nothing the server writes to it can complete. (The official
/// client always reads, so it cannot play this part.)
/// </summary>
public sealed class RawHubClient : IDisposable
{
    private const byte RecordSeparator = 0x1e;
    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly List<byte> _received = [];

    private RawHubClient(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    /// <summary>Connects to the hub's WebSocket endpoint directly (no negotiate) and completes the JSON handshake.</summary>
    public static async Task<RawHubClient> ConnectAsync(Uri hub, int receiveBufferBytes, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler
        {
            // Set before connecting, so that the TCP window never scales past it.
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = receiveBufferBytes, NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var webSocket = new ClientWebSocket();
        webSocket.Options.KeepAliveInterval = TimeSpan.Zero;
        var client = new RawHubClient(webSocket, new HttpMessageInvoker(handler));
        try
        {
            var address = new UriBuilder(hub) { Scheme = hub.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
            await webSocket.ConnectAsync(address, client._invoker, cancellationToken);
            await client.SendAsync("""{"protocol":"json","version":1}""", cancellationToken);
            using var handshake = await client.ReceiveAsync(cancellationToken);
            if (handshake.RootElement.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"The hub refused the handshake: {error}");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends a hub invocation and does not wait for (or read) its completion.</summary>
    public Task InvokeAsync(string invocationId, string target, object argument, CancellationToken cancellationToken) =>
        SendAsync(
            JsonSerializer.Serialize(new { type = 1, invocationId, target, arguments = new[] { argument } }, JsonSerializerOptions.Web),
            cancellationToken);

    /// <summary>A protocol ping: keeps the server's client timeout from closing a client that only stopped reading.</summary>
    public Task PingAsync(CancellationToken cancellationToken) => SendAsync("""{"type":6}""", cancellationToken);

    /// <summary>The next hub message, reading from the socket as long as it takes.</summary>
    public async Task<JsonDocument> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _received.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                var message = _received.GetRange(0, end).ToArray();
                _received.RemoveRange(0, end + 1);
                return JsonDocument.Parse(message);
            }

            var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The server closed the socket: {result.CloseStatus} {result.CloseStatusDescription}");
            }

            _received.AddRange(_buffer.AsSpan(0, result.Count));
        }
    }

    /// <summary>Drops the connection without a closing handshake, as a board that lost power or network would.</summary>
    public void Abort() => _socket.Abort();

    public void Dispose()
    {
        _socket.Dispose();
        _invoker.Dispose();
    }

    private Task SendAsync(string json, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        return _socket.SendAsync(bytes.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();
    }
}
