using System.Collections.Frozen;
using Wallboard.Engine.Events;
using static Wallboard.Engine.Kpis.KpiDirection;
using static Wallboard.Engine.Kpis.KpiUnit;

namespace Wallboard.Engine.Kpis;

/// <summary>
/// The single source of truth for the KPIs: the engine computes exactly these, and the API's catalog
/// lists exactly these. Formulas follow <c>spec/kpis.md</c>; <c>docs/kpis.md</c> explains the readings.
/// </summary>
public static class KpiCatalog
{
    private static readonly ScopeKind[] ContactScopes = [ScopeKind.All, ScopeKind.Queue, ScopeKind.Channel, ScopeKind.Agent];
    private static readonly ScopeKind[] QueueScopes = [ScopeKind.All, ScopeKind.Queue, ScopeKind.Channel];
    private static readonly ScopeKind[] AgentScopes = [ScopeKind.All, ScopeKind.Queue, ScopeKind.Team, ScopeKind.Agent];
    private static readonly ScopeKind[] TicketScopes = [ScopeKind.All, ScopeKind.Queue, ScopeKind.Channel, ScopeKind.Category, ScopeKind.Agent];
    private static readonly ScopeKind[] BacklogScopes = [ScopeKind.All, ScopeKind.Queue, ScopeKind.Channel, ScopeKind.Category];
    private static readonly ScopeKind[] VoiceScopes = [ScopeKind.All, ScopeKind.Queue, ScopeKind.Channel, ScopeKind.Agent, ScopeKind.Category];
    private static readonly ScopeKind[] ChannelScopes = [ScopeKind.All, ScopeKind.Channel];
    private static readonly EventType[] TicketEvents =
        [EventType.TicketCreated, EventType.TicketMessage, EventType.TicketEscalated, EventType.TicketResolved, EventType.TicketReopened];
    private static readonly EventType[] SurveyEvents = [EventType.SurveyResponded];
    private static readonly EventType[] LeaveEvents = [EventType.ContactQueued, EventType.ContactAnswered, EventType.ContactAbandoned];
    private static readonly EventType[] CompletionEvents = [EventType.ContactQueued, EventType.ContactCompleted, EventType.ContactTransferred];

    private static readonly KpiDefinition[] Definitions =
    [
        Rolling(KpiId.Offered, "offered", "Offered", Count, Neutral, "count of contact.queued", "queued", null, QueueScopes, [EventType.ContactQueued]),
        Rolling(KpiId.Answered, "answered", "Answered", Count, HigherIsBetter, "count of contact.answered", "answered", null, ContactScopes, LeaveEvents),
        Rolling(KpiId.Abandoned, "abandoned", "Abandoned", Count, LowerIsBetter, "count of contact.abandoned", "abandoned", null, QueueScopes, LeaveEvents),
        Rolling(KpiId.ShortAbandoned, "shortAbandoned", "Short abandons", Count, Neutral, "abandoned with wait < T_short", "abandoned", null, QueueScopes, LeaveEvents),
        Rolling(KpiId.AbandonRate, "abandonRate", "Abandon rate", Percent, LowerIsBetter,
            "(abandoned − shortAbandoned) / (answered + abandoned − shortAbandoned) × 100", "leave",
            new(ThresholdLevel.GreaterThan(8), ThresholdLevel.GreaterThan(10)), QueueScopes, LeaveEvents),
        Rolling(KpiId.AnswerRate, "answerRate", "Answer rate", Percent, HigherIsBetter,
            "answered / (answered + abandoned − shortAbandoned) × 100", "leave", null, QueueScopes, LeaveEvents),
        Rolling(KpiId.ServiceLevel, "serviceLevel", "Service level", Percent, HigherIsBetter,
            "answered with wait ≤ T_sl / (answered + abandoned − shortAbandoned) × 100", "leave",
            new(ThresholdLevel.LessThan(80), ThresholdLevel.LessThan(70)), QueueScopes, LeaveEvents),
        Rolling(KpiId.Asa, "asa", "Average speed of answer", Seconds, LowerIsBetter, "mean wait of answered contacts", "answered", null, ContactScopes, LeaveEvents),
        Rolling(KpiId.AvgAbandonTime, "avgAbandonTime", "Average time to abandon", Seconds, Neutral,
            "mean wait of abandoned contacts (short ones included)", "abandoned", null, QueueScopes, LeaveEvents),
        Rolling(KpiId.MaxWait, "maxWait", "Longest wait (left queue)", Seconds, LowerIsBetter,
            "largest wait of contacts that left the queue", "leave", null, ContactScopes, LeaveEvents),
        Rolling(KpiId.Handled, "handled", "Handled", Count, HigherIsBetter, "count of contact.completed", "completed", null, ContactScopes, [EventType.ContactCompleted]),
        Rolling(KpiId.Aht, "aht", "Average handle time", Seconds, LowerIsBetter,
            "mean of talkSeconds + holdSeconds + wrapSeconds", "completed", null, ContactScopes, CompletionEvents),
        Rolling(KpiId.AvgTalk, "avgTalk", "Average talk time", Seconds, Neutral, "mean of talkSeconds", "completed", null, ContactScopes, CompletionEvents),
        Rolling(KpiId.AvgHold, "avgHold", "Average hold time", Seconds, LowerIsBetter, "mean of holdSeconds", "completed", null, ContactScopes, CompletionEvents),
        Rolling(KpiId.AvgWrap, "avgWrap", "Average wrap-up time", Seconds, LowerIsBetter, "mean of wrapSeconds", "completed", null, ContactScopes, CompletionEvents),
        Rolling(KpiId.TransferRate, "transferRate", "Transfer rate", Percent, LowerIsBetter,
            "contact.transferred / answered × 100", "transferred / answered", null, ContactScopes, [EventType.ContactQueued, EventType.ContactAnswered, EventType.ContactTransferred]),
        Rolling(KpiId.EscalationRate, "escalationRate", "Escalation rate", Percent, LowerIsBetter,
            "transfers with escalation: true / answered × 100", "transferred / answered", null, ContactScopes, [EventType.ContactQueued, EventType.ContactAnswered, EventType.ContactTransferred]),
        Rolling(KpiId.RepeatContactRate, "repeatContactRate", "Repeat contact rate", Percent, LowerIsBetter,
            "contacts whose customerId had another contact queued within the repeat horizon before / contacts with a customerId × 100",
            "first queued", null, QueueScopes, [EventType.ContactQueued]),
        Rolling(KpiId.Fcr, "fcr", "First contact resolution", Percent, HigherIsBetter,
            "completed contacts with resolved: true, never transferred and not a repeat contact / completed contacts × 100", "completed",
            new(ThresholdLevel.LessThan(70), ThresholdLevel.LessThan(50)), ContactScopes, CompletionEvents),
        Rolling(KpiId.UpsellRate, "upsellRate", "Upsell / cross-sell success", Percent, HigherIsBetter,
            "completions with upsellAccepted / completions with upsellOffered × 100", "completed", null, ContactScopes, [EventType.ContactCompleted]),
        Rolling(KpiId.SaveRate, "saveRate", "Customer save rate", Percent, HigherIsBetter,
            "completions with saved / completions with cancellationRequested × 100", "completed", null, ContactScopes, [EventType.ContactCompleted]),
        Rolling(KpiId.Occupancy, "occupancy", "Occupancy", Percent, Band,
            "seconds in busy + wrapup / seconds in busy + wrapup + available × 100, summed over the scope's agents, each interval clipped to the window",
            "time-weighted", new(new ThresholdLevel(90, 70), ThresholdLevel.GreaterThan(95)), AgentScopes, [EventType.AgentState]),
        Gauge(KpiId.ContactsWaiting, "contactsWaiting", "Waiting", LowerIsBetter, "contacts queued and not yet answered or abandoned", null, QueueScopes, LeaveEvents),
        Gauge(KpiId.LongestWait, "longestWait", "Longest waiting now", LowerIsBetter,
            "N − queued T of the oldest waiting contact; null when none waits",
            new(ThresholdLevel.GreaterThan(60), ThresholdLevel.GreaterThan(120)), QueueScopes, LeaveEvents, Seconds),
        Gauge(KpiId.AgentsAvailable, "agentsAvailable", "Available", HigherIsBetter, "agents whose current state is available", null, AgentScopes, [EventType.AgentState]),
        Gauge(KpiId.AgentsBusy, "agentsBusy", "Busy", Neutral, "agents whose current state is busy", null, AgentScopes, [EventType.AgentState]),
        Gauge(KpiId.AgentsWrapup, "agentsWrapup", "Wrap-up", Neutral, "agents whose current state is wrapup", null, AgentScopes, [EventType.AgentState]),
        Gauge(KpiId.AgentsAway, "agentsAway", "Away", Neutral, "agents whose current state is away", null, AgentScopes, [EventType.AgentState]),
        Gauge(KpiId.AgentsOnline, "agentsOnline", "Online", HigherIsBetter,
            "agents whose current state is not offline (an agent never seen is offline)", null, AgentScopes, [EventType.AgentState]),
        Rolling(KpiId.TicketsCreated, "ticketsCreated", "Tickets created", Count, Neutral, "count of ticket.created", "created", null, BacklogScopes, [EventType.TicketCreated]),
        Rolling(KpiId.TicketsResolved, "ticketsResolved", "Tickets resolved", Count, HigherIsBetter, "count of ticket.resolved", "resolved", null, TicketScopes, TicketEvents),
        Rolling(KpiId.FirstReplyTime, "firstReplyTime", "First reply time", Seconds, LowerIsBetter,
            "mean of first reply ts − created ts (a reply is a ticket.message with author agent)", "first reply", null, TicketScopes, TicketEvents),
        Rolling(KpiId.FirstReplyWithinTarget, "firstReplyWithinTarget", "First replies within target", Percent, HigherIsBetter,
            "first replies within the channel's target / first replies × 100", "first reply",
            new(ThresholdLevel.LessThan(90), ThresholdLevel.LessThan(80)), TicketScopes, TicketEvents),
        Rolling(KpiId.AvgReplyTime, "avgReplyTime", "Average reply time", Seconds, LowerIsBetter,
            "mean wait of all replies, from the earliest customer message (or the creation) not yet replied to; bot messages neither reply nor wait",
            "reply", null, TicketScopes, TicketEvents),
        Rolling(KpiId.ResolutionTime, "resolutionTime", "Average resolution time", Seconds, LowerIsBetter,
            "mean of resolved ts − created ts", "resolved", null, TicketScopes, TicketEvents),
        Rolling(KpiId.TouchesPerResolution, "touchesPerResolution", "Replies per resolution", Average, LowerIsBetter,
            "mean number of replies the ticket had when resolved", "resolved", null, TicketScopes, TicketEvents),
        Rolling(KpiId.OneTouchRate, "oneTouchRate", "One-touch resolution", Percent, HigherIsBetter,
            "resolutions with exactly one reply / resolutions × 100", "resolved", null, TicketScopes, TicketEvents),
        Rolling(KpiId.ReopenRate, "reopenRate", "Reopen rate", Percent, LowerIsBetter,
            "ticket.reopened / ticket.resolved × 100", "each event", null, BacklogScopes, TicketEvents),
        Rolling(KpiId.TicketEscalationRate, "ticketEscalationRate", "Ticket escalation rate", Percent, LowerIsBetter,
            "ticket.escalated / ticket.created × 100", "each event", null, BacklogScopes, TicketEvents),
        Rolling(KpiId.AnsweredTicketRate, "answeredTicketRate", "Answered tickets", Percent, HigherIsBetter,
            "tickets created in the window that have a reply by now / tickets created in the window × 100", "created", null, BacklogScopes, TicketEvents),
        Rolling(KpiId.ResolutionRate, "resolutionRate", "Resolution rate", Percent, HigherIsBetter,
            "tickets created in the window that are resolved now / tickets created in the window × 100", "created",
            new(ThresholdLevel.LessThan(80), ThresholdLevel.LessThan(60)), BacklogScopes, TicketEvents),
        Gauge(KpiId.Backlog, "backlog", "Backlog", LowerIsBetter, "tickets created or reopened and not resolved since", null, BacklogScopes, TicketEvents),
        Gauge(KpiId.BacklogAged, "backlogAged", "Aged backlog", LowerIsBetter, "backlog tickets older than the aged-backlog age (24 h)", null, BacklogScopes, TicketEvents),
        Gauge(KpiId.TicketsBreached, "ticketsBreached", "First-reply breaches", LowerIsBetter,
            "open tickets with no reply whose first-reply target has passed",
            new(ThresholdLevel.GreaterThan(0), ThresholdLevel.GreaterThan(10)), BacklogScopes, TicketEvents),
        Gauge(KpiId.TicketsAtRisk, "ticketsAtRisk", "First replies at risk", LowerIsBetter,
            "open tickets with no reply whose first-reply target passes within the at-risk horizon (15 min)", null, BacklogScopes, TicketEvents),
        Rolling(KpiId.Volume, "volume", "Volume", Count, Neutral, "offered + ticketsCreated", "queued / created", null, QueueScopes,
            [EventType.ContactQueued, EventType.TicketCreated]),
        Rolling(KpiId.ChannelShare, "channelShare", "Channel share", Percent, Neutral,
            "(in a channel: scope) that channel's volume / volume of all × 100", "queued / created", null, [ScopeKind.Channel],
            [EventType.ContactQueued, EventType.TicketCreated]),
        Rolling(KpiId.Csat, "csat", "CSAT", Percent, HigherIsBetter, "csat responses with score ≥ 4 / csat responses × 100", "answer",
            new(ThresholdLevel.LessThan(85), ThresholdLevel.LessThan(80)), VoiceScopes, SurveyEvents) with { SampleKpi = KpiId.CsatResponses },
        Rolling(KpiId.CsatAvg, "csatAvg", "CSAT average", Score, HigherIsBetter, "mean csat score (1–5)", "answer", null, VoiceScopes, SurveyEvents)
            with { SampleKpi = KpiId.CsatResponses },
        Rolling(KpiId.Nps, "nps", "NPS", Score, HigherIsBetter, "(responses 9–10 − responses 0–6) / nps responses × 100", "answer",
            new(ThresholdLevel.LessThan(50), ThresholdLevel.LessThan(30)), VoiceScopes, SurveyEvents) with { SampleKpi = KpiId.NpsResponses },
        Rolling(KpiId.Ces, "ces", "Customer effort", Score, HigherIsBetter, "mean ces score (1–7)", "answer",
            new(ThresholdLevel.LessThan(5), ThresholdLevel.LessThan(4)), VoiceScopes, SurveyEvents) with { SampleKpi = KpiId.CesResponses },
        Rolling(KpiId.SurveyResponses, "surveyResponses", "Survey responses", Count, Neutral, "count of survey responses (all kinds)", "answer", null, VoiceScopes, SurveyEvents),
        Rolling(KpiId.CsatResponses, "csatResponses", "CSAT responses", Count, Neutral, "count of csat responses", "answer", null, VoiceScopes, SurveyEvents),
        Rolling(KpiId.NpsResponses, "npsResponses", "NPS responses", Count, Neutral, "count of nps responses", "answer", null, VoiceScopes, SurveyEvents),
        Rolling(KpiId.CesResponses, "cesResponses", "CES responses", Count, Neutral, "count of ces responses", "answer", null, VoiceScopes, SurveyEvents),
        Rolling(KpiId.Sentiment, "sentiment", "Sentiment", Score, HigherIsBetter, "mean sentiment.scored score (0–100)", "score",
            new(ThresholdLevel.LessThan(80), ThresholdLevel.LessThan(60)), VoiceScopes, [EventType.SentimentScored]) with { SampleKpi = KpiId.SentimentScores },
        Rolling(KpiId.SentimentScores, "sentimentScores", "Sentiment scores", Count, Neutral, "count of sentiment.scored", "score", null, VoiceScopes,
            [EventType.SentimentScored]),
        Rolling(KpiId.SelfServiceSessions, "selfServiceSessions", "Self-service sessions", Count, Neutral, "count of selfservice.session", "session", null,
            ChannelScopes, [EventType.SelfServiceSession]),
        Rolling(KpiId.SelfServiceResolution, "selfServiceResolution", "Self-service resolution", Percent, HigherIsBetter,
            "resolved sessions / sessions × 100", "session", null, ChannelScopes, [EventType.SelfServiceSession]),
        Rolling(KpiId.SelfServiceRate, "selfServiceRate", "Self-service usage", Percent, HigherIsBetter,
            "sessions / (sessions + offered + ticketsCreated) × 100", "session", null, ChannelScopes,
            [EventType.SelfServiceSession, EventType.ContactQueued, EventType.TicketCreated]),
    ];

    private static readonly FrozenDictionary<string, KpiDefinition> ByName =
        Definitions.ToFrozenDictionary(definition => definition.Name, StringComparer.Ordinal);

    /// <summary>Every KPI, in <see cref="KpiId"/> order.</summary>
    public static IReadOnlyList<KpiDefinition> All => Definitions;

    public static KpiDefinition Get(KpiId id) => Definitions[(int)id];

    public static bool TryGet(string name, out KpiDefinition? definition) => ByName.TryGetValue(name, out definition);

    private static KpiDefinition Rolling(
        KpiId id, string name, string label, KpiUnit unit, KpiDirection direction, string formula, string measuredAt,
        KpiThresholds? thresholds, ScopeKind[] scopes, EventType[] feeds) =>
        new(id, name, label, unit, direction, IsGauge: false, formula, measuredAt, thresholds, scopes, feeds);

    private static KpiDefinition Gauge(
        KpiId id, string name, string label, KpiDirection direction, string formula, KpiThresholds? thresholds,
        ScopeKind[] scopes, EventType[] feeds, KpiUnit unit = Count) =>
        new(id, name, label, unit, direction, IsGauge: true, formula, "now", thresholds, scopes, feeds);
}
