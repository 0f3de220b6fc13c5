using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Wallboard.LoadTest;

/// <summary>
/// One board: a SignalR connection over WebSockets with the official .NET client, subscribed to a few
/// scopes × windows including one probe queue. Every push that moves the probe's <c>offered</c> in the
/// 5-minute window gives a latency sample against the <see cref="ProbeSchedule"/>.
/// </summary>
internal sealed class ProbeClient : IAsyncDisposable
{
    public const string ProbeWindow = "5m";

    private readonly HubConnection _connection;
    private readonly ProbeSchedule _schedule;
    private readonly string _probeScope;
    private readonly List<ProbeSample> _samples = [];
    private int _seen;

    private ProbeClient(HubConnection connection, ProbeSchedule schedule, int probe, string probeScope)
    {
        _connection = connection;
        _schedule = schedule;
        Probe = probe;
        _probeScope = probeScope;
        // The server invokes "KpisChanged" (the JavaScript client matches names case-insensitively; the .NET client does not).
        _connection.On<KpiUpdateMessage>("KpisChanged", OnUpdate);
    }

    public int Probe { get; }

    /// <summary>The highest marker this client has seen.</summary>
    public int Seen => Volatile.Read(ref _seen);

    public long Pushes { get; private set; }

    public long ProbePushes { get; private set; }

    /// <summary>The samples; read only after the run, once pushes have stopped.</summary>
    public IReadOnlyList<ProbeSample> Samples => _samples;

    public static async Task<ProbeClient> ConnectAsync(
        Uri url, SubscribeMessage subscription, int probe, string probeScope, ProbeSchedule schedule, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(url, "/hubs/wallboard"), HttpTransportType.WebSockets, options => options.SkipNegotiation = true)
            .Build();
        var client = new ProbeClient(connection, schedule, probe, probeScope);
        try
        {
            await connection.StartAsync(cancellationToken);
            var snapshot = await connection.InvokeAsync<KpiUpdateMessage>("Subscribe", subscription, cancellationToken);
            client._seen = client.Offered(snapshot) ?? 0;
            return client;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnUpdate(KpiUpdateMessage update)
    {
        var received = Stopwatch.GetTimestamp();
        Pushes++;
        if (Offered(update) is not { } offered || offered <= _seen)
        {
            return;
        }

        ProbePushes++;
        var newest = _schedule.SentAt(Probe, offered);
        var oldest = _schedule.SentAt(Probe, _seen + 1);
        if (newest != 0 && oldest != 0)
        {
            _samples.Add(new ProbeSample(newest, Distribution.Milliseconds(newest, received), Distribution.Milliseconds(oldest, received)));
        }

        Volatile.Write(ref _seen, offered);
    }

    private int? Offered(KpiUpdateMessage update)
    {
        foreach (var row in update.Rows)
        {
            if (row.Scope == _probeScope && row.Window == ProbeWindow && row.Offered is { } value)
            {
                return (int)value;
            }
        }

        return null;
    }
}
