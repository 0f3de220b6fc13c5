using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Wallboard.Server.Tests.Alerts.Delivery;

/// <summary>A Serilog sink the server picks up from DI (<c>ReadFrom.Services</c>): every event, rendered, with its properties and exception.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(property => $"{property.Key}={property.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} | {properties} | {logEvent.Exception}");
    }
}
