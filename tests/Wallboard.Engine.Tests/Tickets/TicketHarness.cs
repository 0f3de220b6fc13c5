using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Tickets;

/// <summary>An <see cref="EngineHarness"/> with terse ticket, survey and self-service builders (times in seconds after the start).</summary>
internal sealed class TicketHarness(Action<EngineOptions>? configure = null, string idPrefix = "")
{
    public EngineHarness Harness { get; } = new(configure);

    public WallboardEngine Engine => Harness.Engine;

    public IngestResult Created(double at, string ticket, string channel = "email", string? queue = "support", string? category = "billing") =>
        Harness.Send(new TicketCreated(NextId(), At(at), ticket, channel, queue, null, category, null));

    public IngestResult Customer(double at, string ticket) =>
        Harness.Send(new TicketMessagePosted(NextId(), At(at), ticket, MessageAuthor.Customer, null));

    public IngestResult Reply(double at, string ticket, string? agent = "a1") =>
        Harness.Send(new TicketMessagePosted(NextId(), At(at), ticket, MessageAuthor.Agent, agent));

    public IngestResult Bot(double at, string ticket) =>
        Harness.Send(new TicketMessagePosted(NextId(), At(at), ticket, MessageAuthor.Bot, null));

    public IngestResult Escalated(double at, string ticket) =>
        Harness.Send(new TicketEscalated(NextId(), At(at), ticket, "2"));

    public IngestResult Resolved(double at, string ticket, string? agent = "a1") =>
        Harness.Send(new TicketResolved(NextId(), At(at), ticket, agent));

    public IngestResult Reopened(double at, string ticket) =>
        Harness.Send(new TicketReopened(NextId(), At(at), ticket));

    public IngestResult Survey(
        double at, SurveyKind kind, double score, string? contact = null, string? ticket = null, string? agent = null, string? queue = null, string? channel = null) =>
        Harness.Send(new SurveyResponded(NextId(), At(at), kind, score, contact, ticket, agent, queue, channel));

    public IngestResult Sentiment(double at, double score, string? contact = null, string? ticket = null, string? queue = null, string? channel = null) =>
        Harness.Send(new SentimentScored(NextId(), At(at), score, contact, ticket, queue, channel));

    public IngestResult SelfService(double at, string channel, bool resolved) =>
        Harness.Send(new SelfServiceSessionEnded(NextId(), At(at), "s" + NextId(), channel, resolved));

    public IngestResult Metric(double at, string name, double value, string? scope = null) =>
        Harness.Send(new MetricRecorded(NextId(), At(at), name, value, null, scope));

    /// <summary>A new event id; the prefix keeps two harnesses (an engine and its restart) from reusing ids.</summary>
    public string NextId() => idPrefix + Harness.NextId();

    /// <summary>The start plus whole milliseconds (<c>AddSeconds(120.001)</c> would land a tick short of 120,001 ms).</summary>
    public DateTimeOffset At(double seconds) => Harness.Start.AddMilliseconds(Math.Round(seconds * 1000));

    /// <summary>Moves the event clock to <paramref name="at"/> with an event that touches no KPI.</summary>
    public void ClockTo(double at) => Harness.Send(new MetricRecorded(NextId(), At(at), "clock", 0, null, null));

    public double? Kpi(KpiId kpi, string window = "5m", string scope = "all") => Harness.Kpi(kpi, window, scope);

    public KpiValues Read(string window, string scope = "all")
    {
        Assert.True(ScopeId.TryParse(scope, out var scopeId));
        Assert.True(WindowId.TryParse(window, out var windowId));
        return Engine.Read(scopeId.Value, windowId.Value);
    }
}
