using System.Globalization;
using Wallboard.Engine.Agents;
using Wallboard.Engine.Contacts;
using Wallboard.Engine.CustomerVoice;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Tickets;
using Wallboard.Engine.Time;

namespace Wallboard.Engine;

/// <summary>
/// The engine's state machine: one event at a time in, KPI values out. Not thread-safe by design;
/// <see cref="WallboardEngine"/> serialises every call.
/// </summary>
internal sealed partial class KpiEngine
{
    private readonly ClockMode _mode;
    private readonly long _maxSkewMs;
    private readonly EngineClock _clock;
    private readonly ScopeRegistry _scopes;
    private readonly ContactBook _contacts;
    private readonly AgentRoster _agents;
    private readonly TicketBook _tickets;
    private readonly InteractionDirectory _directory;
    private readonly CustomerVoiceRecorder _voice;
    private readonly DuplicateFilter _duplicates;
    private readonly FutureEvents _future;

    public KpiEngine(EngineOptions options)
    {
        Fingerprint = FingerprintOf(options);
        _mode = options.Clock;
        _maxSkewMs = (long)options.MaxClockSkew.TotalMilliseconds;
        _clock = new EngineClock((long)options.AllowedLateness.TotalMilliseconds);
        Layout = new WindowLayout(options.SlidingWindows(), options.AllowedLateness, options.Tickets);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var site = new DailyResetSchedule(zone, options.Defaults.DailyReset);
        _scopes = new ScopeRegistry(_clock, Layout, scope =>
            scope.Kind == ScopeKind.Queue && options.Queues.ContainsKey(scope.Name)
                ? new DailyResetSchedule(zone, options.SettingsFor(scope.Name).DailyReset)
                : site);
        _agents = new AgentRoster(_scopes, _clock);
        _directory = new InteractionDirectory(_clock, options.InteractionMemory);
        _contacts = new ContactBook(_scopes, _clock, options, _agents.ScopeOf, RememberForgotten);
        _tickets = new TicketBook(_scopes, _clock, options.Tickets, _agents.ScopeOf);
        _voice = new CustomerVoiceRecorder(_scopes, _clock, FindInteraction, _agents.ScopeOf);
        MinimumSample = options.MinimumSample;
        _duplicates = new DuplicateFilter(options.DuplicateHorizon);
        _future = new FutureEvents(options.MaxFutureEvents);
        EmptyScope = new ScopeState(ScopeId.All, _clock, site, Layout);
        EmptyChannel = new ScopeState(ScopeId.Channel("-"), _clock, site, Layout);
    }

    public WindowLayout Layout { get; }

    public int MinimumSample { get; }

    public long NowMs => _clock.NowMs;

    public bool HasStarted => _clock.HasStarted;

    public IReadOnlyList<ScopeState> Scopes => _scopes.Scopes;

    public IEnumerable<AgentTimeline> Agents => _agents.Agents;

    public int ContactCount => _contacts.Count;

    /// <summary>Bumped whenever an agent's state changes, so that agent views are pushed only on change.</summary>
    public long AgentsVersion { get; private set; }

    private ScopeState EmptyScope { get; }

    // A channel never seen has no volume: its channelShare is 0 of all's volume, not "does not apply".
    private ScopeState EmptyChannel { get; }

    public IngestResult Apply(WallboardEvent incoming, long wallNowMs)
    {
        var atMs = incoming.Timestamp.ToUnixTimeMilliseconds();
        if (_mode == ClockMode.Wall && atMs > wallNowMs + _maxSkewMs)
        {
            return IngestResult.Rejected(string.Create(
                CultureInfo.InvariantCulture,
                $"'ts' is {(atMs - wallNowMs) / 1000.0:0.###} s ahead of the engine clock; at most {_maxSkewMs / 1000.0:0.###} s is allowed"));
        }

        if (incoming is MetricRecorded { Scope: { } metricScope } && !ScopeId.TryParse(metricScope, out _))
        {
            return IngestResult.Rejected($"field 'scope' must be 'all' or kind:name (queue, channel, team, agent, category), got '{metricScope}'");
        }

        var nowMs = _mode == ClockMode.Wall ? wallNowMs : Math.Max(_clock.NowMs, atMs);
        if (atMs > nowMs && _future.Count >= _future.Capacity)
        {
            return IngestResult.Rejected("too many events ahead of the engine clock are waiting; retry shortly");
        }

        if (!_duplicates.TryRecord(incoming.Id, nowMs))
        {
            return IngestResult.Duplicate;
        }

        AdvanceTo(nowMs);
        if (atMs > _clock.NowMs)
        {
            _future.TryHold(incoming);
            return IngestResult.Accepted;
        }

        var late = atMs < _clock.LateBoundaryMs;
        Route(incoming);
        return late ? IngestResult.Late : IngestResult.Accepted;
    }

    /// <summary>Moves a wall clock forward (ticks); an event clock moves only with events.</summary>
    public void AdvanceWallClock(long wallNowMs)
    {
        if (_mode == ClockMode.Wall)
        {
            AdvanceTo(wallNowMs);
        }
    }

    public KpiValues Evaluate(ScopeId scope, WindowId window) =>
        Evaluate(_scopes.Find(scope) ?? (scope.Kind == ScopeKind.Channel ? EmptyChannel : EmptyScope), window);

    public IReadOnlyDictionary<KpiId, KpiParts> Explain(ScopeId scope, WindowId window) =>
        KpiCalculator.Explain(_scopes.Find(scope) ?? EmptyScope, Layout, window, _clock.NowSecond);

    public KpiValues Evaluate(ScopeState scope, WindowId window) =>
        KpiCalculator.Compute(scope, Layout, window, _clock.NowSecond, _scopes.All, MinimumSample);

    private void AdvanceTo(long nowMs)
    {
        if (!_clock.AdvanceTo(nowMs))
        {
            return;
        }

        while (_future.TryTakeDue(_clock.NowMs, out var due))
        {
            Route(due!);
        }

        _contacts.Expire();
        _tickets.Expire();
        _directory.Expire();
        _duplicates.Expire(_clock.NowMs);
    }

    private void Route(WallboardEvent incoming)
    {
        switch (incoming)
        {
            case ContactQueued queued:
                _contacts.Apply(queued, queued.ContactId);
                break;
            case ContactAnswered answered:
                _contacts.Apply(answered, answered.ContactId);
                break;
            case ContactAbandoned abandoned:
                _contacts.Apply(abandoned, abandoned.ContactId);
                break;
            case ContactTransferred transferred:
                _contacts.Apply(transferred, transferred.ContactId);
                break;
            case ContactCompleted completed:
                _contacts.Apply(completed, completed.ContactId);
                break;
            case AgentStateChanged agentState:
                _agents.Apply(agentState);
                AgentsVersion++;
                break;
            case TicketCreated or TicketMessagePosted or TicketEscalated or TicketResolved or TicketReopened:
                ApplyTicket(incoming);
                break;
            case SurveyResponded survey:
                _voice.Record(survey);
                break;
            case SentimentScored sentiment:
                _voice.Record(sentiment);
                break;
            case SelfServiceSessionEnded session:
                _voice.Record(session);
                break;
            case MetricRecorded metric:
                _voice.Record(metric);
                break;
            default:
                break;
        }
    }

    // A live contact's queue, channel and agent are its current state; the directory only learns a contact
    // when the book forgets it. Writing it on every contact event instead cost a lookup in a table of two
    // days of contacts (millions, far out of the cache) per event, for surveys that come once per contact.
    private Interaction? FindInteraction(string? contactId, string? ticketId) =>
        (contactId is not null && _contacts.Find(contactId) is { } live ? InteractionOf(live) : _directory.Contact(contactId))
        ?? _directory.Ticket(ticketId);

    private void RememberForgotten(ContactTimeline contact) =>
        _directory.RememberContact(contact.ContactId, InteractionOf(contact), contact.LastEventMs);

    private static Interaction InteractionOf(ContactTimeline contact)
    {
        ref var state = ref contact.State;
        return new Interaction(state.Queue, state.ChannelScope?.Id.Name, state.AgentScope?.Id.Name, Category: null);
    }

    private void ApplyTicket(WallboardEvent ticketEvent)
    {
        var ticketId = ticketEvent switch
        {
            TicketCreated created => created.TicketId,
            TicketMessagePosted message => message.TicketId,
            TicketEscalated escalated => escalated.TicketId,
            TicketResolved resolved => resolved.TicketId,
            _ => ((TicketReopened)ticketEvent).TicketId,
        };
        var ticket = _tickets.Apply(ticketEvent, ticketId);
        ref var state = ref ticket.State;
        _directory.RememberTicket(ticketId, new Interaction(state.Queue, state.Channel, state.LastAgentId, state.Category), ticket.LastEventMs);
    }
}
