namespace Wallboard.Engine.Kpis;

/// <summary>
/// The whole-number quantities kept per one-second pane; every rolling KPI is a ratio or mean of these.
/// Durations are milliseconds so running sums stay exact under subtraction.
/// </summary>
/// <remarks>
/// The counters of one measurement are consecutive (an answer's, an abandon's, a completion's, a transfer's,
/// a customer's first contact, an occupancy change), so that a fold writes them to a scope as one range.
/// </remarks>
internal enum Counter
{
    Offered,
    Answered,
    Abandoned,
    ShortAbandoned,
    AnsweredWithinServiceLevel,
    AnswerWaitMs,
    AbandonWaitMs,
    Completed,
    HandleMs,
    TalkMs,
    HoldMs,
    WrapMs,
    Transfers,
    Escalations,
    CustomerContacts,
    RepeatContacts,
    FirstContactResolved,
    UpsellOffered,
    UpsellAccepted,
    CancellationRequested,
    Saved,

    // Changes in the number of agents busy or in wrap-up, and the same weighted by the second of the change,
    // so that the time integral over any window is a closed formula of window sums (see OccupancyIntegral).
    OccupiedDelta,
    OccupiedDeltaSeconds,
    StaffedDelta,
    StaffedDeltaSeconds,

    TicketsCreated,
    TicketsResolved,
    FirstReplies,
    FirstReplyMs,
    FirstRepliesWithinTarget,
    Replies,
    ReplyWaits,
    ReplyWaitMs,
    ResolutionMs,
    ResolutionTouches,
    OneTouchResolutions,
    Reopens,
    TicketEscalations,

    // Tickets counted at their creation's pane once they have a reply / are resolved now (cohort KPIs).
    CreatedAndReplied,
    CreatedAndResolved,

    // Scores in thousandths, so that sums stay whole numbers.
    CsatResponses,
    CsatSatisfied,
    CsatScoreMilli,
    NpsResponses,
    NpsPromoters,
    NpsDetractors,
    CesResponses,
    CesScoreMilli,
    SentimentScores,
    SentimentMilli,
    SelfServiceSessions,
    SelfServiceResolved,
}
