using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace Wallboard.Server.Tests.Realtime;

/// <summary>
/// A hub connection on an in-memory transport that nobody reads: every write to it hangs until <see cref="Read"/>.
/// Added to the server's <c>ConnectionTracker</c> by hand, it lets a test choose which write a board is stuck on,
/// which a real socket (whose kernel buffers take an unknown amount first) cannot.
/// </summary>
public sealed class StalledConnection : IAsyncDisposable
{
    private readonly Pipe _toClient = new(new PipeOptions(pauseWriterThreshold: 1, resumeWriterThreshold: 1, useSynchronizationContext: false));
    private readonly Pipe _fromClient = new();
    private readonly StringBuilder _read = new();

    public StalledConnection()
    {
        var transport = new DefaultConnectionContext(
            Guid.NewGuid().ToString("N"), new DuplexPipe(_fromClient.Reader, _toClient.Writer), new DuplexPipe(_toClient.Reader, _fromClient.Writer));
        var options = new HubConnectionContextOptions
        {
            KeepAliveInterval = TimeSpan.FromSeconds(15),
            ClientTimeoutInterval = TimeSpan.FromSeconds(30),
            StreamBufferCapacity = 10,
        };
        Context = new HubConnectionContext(transport, options, NullLoggerFactory.Instance) { Protocol = new JsonHubProtocol() };
    }

    public HubConnectionContext Context { get; }

    /// <summary>Everything written so far: what was read, and what waits to be.</summary>
    public string Written
    {
        get
        {
            if (!_toClient.Reader.TryRead(out var result))
            {
                return _read.ToString();
            }

            // Nothing consumed and nothing examined: a reader that examined everything would let the writer go on.
            var waiting = Encoding.UTF8.GetString(result.Buffer);
            _toClient.Reader.AdvanceTo(result.Buffer.Start);
            return _read + waiting;
        }
    }

    /// <summary>Reads what was written, which completes the write in flight.</summary>
    public void Read()
    {
        if (_toClient.Reader.TryRead(out var result))
        {
            _read.Append(Encoding.UTF8.GetString(result.Buffer));
            _toClient.Reader.AdvanceTo(result.Buffer.End);
        }
    }

    /// <summary>
    /// Waits for something to be written and reads it, as a client that keeps up does; returns what it read. Not to
    /// be mixed with <see cref="Written"/> or <see cref="Read"/>: a pipe has one reader at a time.
    /// </summary>
    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        var result = await _toClient.Reader.ReadAsync(cancellationToken);
        var text = Encoding.UTF8.GetString(result.Buffer);
        _toClient.Reader.AdvanceTo(result.Buffer.End);
        _read.Append(text);
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        Context.Abort();
        await _toClient.Reader.CompleteAsync();
        await _fromClient.Writer.CompleteAsync();
    }

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
