using System.Reactive.Concurrency;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Support;

/// <summary>An engine on virtual time with terse event builders, for exact KPI assertions.</summary>
internal sealed class EngineHarness
{
    private int _nextId;

    public EngineHarness(Action<EngineOptions>? configure = null, DateTimeOffset? start = null)
    {
        Start = start ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        Options = new EngineOptions { Clock = ClockMode.Event };
        configure?.Invoke(Options);
        Scheduler = new HistoricalScheduler(Start);
        Engine = new WallboardEngine(Options, Scheduler);
    }

    public DateTimeOffset Start { get; }

    public EngineOptions Options { get; }

    public HistoricalScheduler Scheduler { get; }

    public WallboardEngine Engine { get; }

    public DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    public IngestResult Send(WallboardEvent incoming) => Engine.Ingest(incoming);

    public string NextId() => "e" + Interlocked.Increment(ref _nextId);

    public IngestResult Queued(double at, string contact, string queue = "sales", string channel = "voice", string? customer = null) =>
        Send(new ContactQueued(NextId(), At(at), contact, queue, channel, customer));

    public IngestResult Answered(double at, string contact, string agent = "a1") =>
        Send(new ContactAnswered(NextId(), At(at), contact, agent));

    public IngestResult Abandoned(double at, string contact) => Send(new ContactAbandoned(NextId(), At(at), contact));

    public IngestResult Transferred(double at, string contact, string? toQueue = null, bool escalation = false) =>
        Send(new ContactTransferred(NextId(), At(at), contact, toQueue, escalation));

    public IngestResult Completed(
        double at, string contact, string agent = "a1", double talk = 0, double hold = 0, double wrap = 0, bool? resolved = null, ContactOutcome? outcome = null) =>
        Send(new ContactCompleted(NextId(), At(at), contact, agent, talk, hold, wrap, resolved, outcome ?? ContactOutcome.None));

    public IngestResult Agent(double at, string agent, AgentState state, string[]? queues = null, string? team = null) =>
        Send(new AgentStateChanged(NextId(), At(at), agent, state, queues, team, null, null));

    /// <summary>Moves the event clock to <paramref name="at"/> with an event that touches no KPI.</summary>
    public void ClockTo(double at) => Send(new MetricRecorded(NextId(), At(at), "clock", 0, null, null));

    public double? Kpi(KpiId kpi, string window = "5m", string scope = "all")
    {
        Assert.True(ScopeId.TryParse(scope, out var scopeId));
        Assert.True(WindowId.TryParse(window, out var windowId));
        return Engine.Read(scopeId.Value, windowId.Value)[kpi];
    }
}
