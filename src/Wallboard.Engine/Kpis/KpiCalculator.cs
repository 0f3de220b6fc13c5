using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Kpis;

/// <summary>Turns a scope's window sums into KPI values, following <c>spec/kpis.md</c> formula by formula.</summary>
internal static class KpiCalculator
{
    private static readonly int KpiCount = Enum.GetValues<KpiId>().Length;

    public static KpiValues Compute(ScopeState scope, WindowLayout layout, WindowId window, long nowSecond, ScopeState all, int minimumSample)
    {
        var values = new double[KpiCount];
        Array.Fill(values, double.NaN);
        if (window.Kind == WindowKind.Now)
        {
            ComputeGauges(scope, nowSecond, values);
        }
        else
        {
            var index = window.Kind == WindowKind.Sliding ? layout.IndexOf(window) : -1;
            if (window.Kind == WindowKind.Sliding && index < 0)
            {
                throw new ArgumentException($"Window {window} is not configured.", nameof(window));
            }

            var sums = new WindowSums(scope, index, window, nowSecond);
            ComputeRolling(sums, values);
            ComputeTickets(sums, values);
            ComputeVoice(sums, values);
            var allVolume = ReferenceEquals(scope, all) ? values[(int)KpiId.Volume] : Volume(new WindowSums(all, index, window, nowSecond));
            values[(int)KpiId.ChannelShare] = scope.Id.Kind == ScopeKind.Channel ? Ratio(100 * values[(int)KpiId.Volume], allVolume) : double.NaN;
        }

        return new KpiValues(window.Kind, values, minimumSample, window.Kind == WindowKind.Now ? External(scope) : null);
    }

    /// <summary>The numerator and denominator behind every ratio and mean of a rolling window.</summary>
    public static IReadOnlyDictionary<KpiId, KpiParts> Explain(ScopeState scope, WindowLayout layout, WindowId window, long nowSecond)
    {
        if (window.Kind == WindowKind.Now)
        {
            return new Dictionary<KpiId, KpiParts>();
        }

        var index = window.Kind == WindowKind.Sliding ? layout.IndexOf(window) : -1;
        var sums = new WindowSums(scope, index, window, nowSecond);
        var answered = sums[Counter.Answered];
        var abandoned = sums[Counter.Abandoned];
        var shortAbandoned = sums[Counter.ShortAbandoned];
        var left = answered + abandoned - shortAbandoned;
        const string Left = "answered + abandoned − short abandoned";
        var completed = sums[Counter.Completed];
        return new Dictionary<KpiId, KpiParts>
        {
            [KpiId.AbandonRate] = new(abandoned - shortAbandoned, left, "abandoned − short abandoned", Left),
            [KpiId.AnswerRate] = new(answered, left, "answered", Left),
            [KpiId.ServiceLevel] = new(sums[Counter.AnsweredWithinServiceLevel], left, "answered within the service-level threshold", Left),
            [KpiId.Asa] = new(sums[Counter.AnswerWaitMs] / 1000.0, answered, "seconds waited by answered contacts", "answered contacts"),
            [KpiId.AvgAbandonTime] = new(sums[Counter.AbandonWaitMs] / 1000.0, abandoned, "seconds waited by abandoned contacts", "abandoned contacts"),
            [KpiId.Aht] = new(sums[Counter.HandleMs] / 1000.0, completed, "talk + hold + wrap seconds", "completed contacts"),
            [KpiId.AvgTalk] = new(sums[Counter.TalkMs] / 1000.0, completed, "talk seconds", "completed contacts"),
            [KpiId.AvgHold] = new(sums[Counter.HoldMs] / 1000.0, completed, "hold seconds", "completed contacts"),
            [KpiId.AvgWrap] = new(sums[Counter.WrapMs] / 1000.0, completed, "wrap-up seconds", "completed contacts"),
            [KpiId.TransferRate] = new(sums[Counter.Transfers], answered, "transfers", "answered"),
            [KpiId.EscalationRate] = new(sums[Counter.Escalations], answered, "transfers with escalation", "answered"),
            [KpiId.RepeatContactRate] = new(sums[Counter.RepeatContacts], sums[Counter.CustomerContacts], "repeat contacts", "contacts with a customer id"),
            [KpiId.Fcr] = new(sums[Counter.FirstContactResolved], completed, "resolved, never transferred, not a repeat", "completed contacts"),
            [KpiId.UpsellRate] = new(sums[Counter.UpsellAccepted], sums[Counter.UpsellOffered], "upsells accepted", "upsells offered"),
            [KpiId.SaveRate] = new(sums[Counter.Saved], sums[Counter.CancellationRequested], "customers saved", "cancellations requested"),
            [KpiId.FirstReplyTime] = new(sums[Counter.FirstReplyMs] / 1000.0, sums[Counter.FirstReplies], "seconds from creation to first reply", "first replies"),
            [KpiId.FirstReplyWithinTarget] = new(sums[Counter.FirstRepliesWithinTarget], sums[Counter.FirstReplies], "first replies within the channel's target", "first replies"),
            [KpiId.AvgReplyTime] = new(sums[Counter.ReplyWaitMs] / 1000.0, sums[Counter.ReplyWaits], "seconds customers waited for a reply", "replies that ended a wait"),
            [KpiId.ResolutionTime] = new(sums[Counter.ResolutionMs] / 1000.0, sums[Counter.TicketsResolved], "seconds from creation to resolution", "resolutions"),
            [KpiId.TouchesPerResolution] = new(sums[Counter.ResolutionTouches], sums[Counter.TicketsResolved], "replies on resolved tickets", "resolutions"),
            [KpiId.OneTouchRate] = new(sums[Counter.OneTouchResolutions], sums[Counter.TicketsResolved], "resolutions after exactly one reply", "resolutions"),
            [KpiId.ReopenRate] = new(sums[Counter.Reopens], sums[Counter.TicketsResolved], "reopens", "resolutions"),
            [KpiId.TicketEscalationRate] = new(sums[Counter.TicketEscalations], sums[Counter.TicketsCreated], "escalations", "tickets created"),
            [KpiId.AnsweredTicketRate] = new(sums[Counter.CreatedAndReplied], sums[Counter.TicketsCreated], "tickets created in the window with a reply by now", "tickets created in the window"),
            [KpiId.ResolutionRate] = new(sums[Counter.CreatedAndResolved], sums[Counter.TicketsCreated], "tickets created in the window resolved now", "tickets created in the window"),
            [KpiId.Csat] = new(sums[Counter.CsatSatisfied], sums[Counter.CsatResponses], "CSAT answers of 4 or 5", "CSAT answers"),
            [KpiId.CsatAvg] = new(sums[Counter.CsatScoreMilli] / 1000.0, sums[Counter.CsatResponses], "sum of CSAT scores", "CSAT answers"),
            [KpiId.Nps] = new(sums[Counter.NpsPromoters] - sums[Counter.NpsDetractors], sums[Counter.NpsResponses], "promoters (9–10) − detractors (0–6)", "NPS answers"),
            [KpiId.Ces] = new(sums[Counter.CesScoreMilli] / 1000.0, sums[Counter.CesResponses], "sum of CES scores", "CES answers"),
            [KpiId.Sentiment] = new(sums[Counter.SentimentMilli] / 1000.0, sums[Counter.SentimentScores], "sum of sentiment scores", "scored interactions"),
            [KpiId.SelfServiceResolution] = new(sums[Counter.SelfServiceResolved], sums[Counter.SelfServiceSessions], "sessions ended without an agent", "self-service sessions"),
            [KpiId.SelfServiceRate] = new(
                sums[Counter.SelfServiceSessions],
                sums[Counter.SelfServiceSessions] + sums[Counter.Offered] + sums[Counter.TicketsCreated],
                "self-service sessions",
                "sessions + contacts offered + tickets created"),
            [KpiId.Occupancy] = new(
                sums.SecondsIn(Counter.OccupiedDelta, Counter.OccupiedDeltaSeconds),
                sums.SecondsIn(Counter.StaffedDelta, Counter.StaffedDeltaSeconds),
                "agent-seconds busy or in wrap-up",
                "agent-seconds busy, in wrap-up or available"),
        };
    }

    private static void ComputeGauges(ScopeState scope, long nowSecond, double[] values)
    {
        values[(int)KpiId.ContactsWaiting] = scope.Waiting.Count;
        if (scope.Waiting.OldestQueuedMs is { } oldestMs)
        {
            values[(int)KpiId.LongestWait] = nowSecond - Time.EngineClock.SecondOf(oldestMs);
        }

        var available = scope.AgentsIn(AgentState.Available);
        var busy = scope.AgentsIn(AgentState.Busy);
        var wrapup = scope.AgentsIn(AgentState.Wrapup);
        var away = scope.AgentsIn(AgentState.Away);
        values[(int)KpiId.AgentsAvailable] = available;
        values[(int)KpiId.AgentsBusy] = busy;
        values[(int)KpiId.AgentsWrapup] = wrapup;
        values[(int)KpiId.AgentsAway] = away;
        values[(int)KpiId.AgentsOnline] = available + busy + wrapup + away;
        var tickets = scope.HasTickets ? scope.Tickets : null;
        values[(int)KpiId.Backlog] = tickets?.Backlog.Count ?? 0;
        values[(int)KpiId.BacklogAged] = tickets?.BacklogAged ?? 0;
        values[(int)KpiId.TicketsBreached] = tickets?.TicketsBreached ?? 0;
        values[(int)KpiId.TicketsAtRisk] = tickets?.TicketsAtRisk ?? 0;
    }

    private static void ComputeTickets(WindowSums sums, double[] values)
    {
        var created = sums[Counter.TicketsCreated];
        var resolved = sums[Counter.TicketsResolved];
        var firstReplies = sums[Counter.FirstReplies];
        values[(int)KpiId.TicketsCreated] = created;
        values[(int)KpiId.TicketsResolved] = resolved;
        values[(int)KpiId.FirstReplyTime] = MeanSeconds(sums[Counter.FirstReplyMs], firstReplies);
        values[(int)KpiId.FirstReplyWithinTarget] = Percent(sums[Counter.FirstRepliesWithinTarget], firstReplies);
        values[(int)KpiId.AvgReplyTime] = MeanSeconds(sums[Counter.ReplyWaitMs], sums[Counter.ReplyWaits]);
        values[(int)KpiId.ResolutionTime] = MeanSeconds(sums[Counter.ResolutionMs], resolved);
        values[(int)KpiId.TouchesPerResolution] = resolved == 0 ? double.NaN : (double)sums[Counter.ResolutionTouches] / resolved;
        values[(int)KpiId.OneTouchRate] = Percent(sums[Counter.OneTouchResolutions], resolved);
        values[(int)KpiId.ReopenRate] = Percent(sums[Counter.Reopens], resolved);
        values[(int)KpiId.TicketEscalationRate] = Percent(sums[Counter.TicketEscalations], created);
        values[(int)KpiId.AnsweredTicketRate] = Percent(sums[Counter.CreatedAndReplied], created);
        values[(int)KpiId.ResolutionRate] = Percent(sums[Counter.CreatedAndResolved], created);
        values[(int)KpiId.Volume] = Volume(sums);
    }

    private static void ComputeVoice(WindowSums sums, double[] values)
    {
        var csat = sums[Counter.CsatResponses];
        var nps = sums[Counter.NpsResponses];
        var ces = sums[Counter.CesResponses];
        var sentiment = sums[Counter.SentimentScores];
        var sessions = sums[Counter.SelfServiceSessions];
        values[(int)KpiId.Csat] = Percent(sums[Counter.CsatSatisfied], csat);
        values[(int)KpiId.CsatAvg] = csat == 0 ? double.NaN : sums[Counter.CsatScoreMilli] / (1000.0 * csat);
        values[(int)KpiId.Nps] = Percent(sums[Counter.NpsPromoters] - sums[Counter.NpsDetractors], nps);
        values[(int)KpiId.Ces] = ces == 0 ? double.NaN : sums[Counter.CesScoreMilli] / (1000.0 * ces);
        values[(int)KpiId.CsatResponses] = csat;
        values[(int)KpiId.NpsResponses] = nps;
        values[(int)KpiId.CesResponses] = ces;
        values[(int)KpiId.SurveyResponses] = csat + nps + ces;
        values[(int)KpiId.Sentiment] = sentiment == 0 ? double.NaN : sums[Counter.SentimentMilli] / (1000.0 * sentiment);
        values[(int)KpiId.SentimentScores] = sentiment;
        values[(int)KpiId.SelfServiceSessions] = sessions;
        values[(int)KpiId.SelfServiceResolution] = Percent(sums[Counter.SelfServiceResolved], sessions);
        values[(int)KpiId.SelfServiceRate] = Percent(sessions, sessions + sums[Counter.Offered] + sums[Counter.TicketsCreated]);
    }

    private static double Volume(WindowSums sums) => sums[Counter.Offered] + sums[Counter.TicketsCreated];

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    private static Dictionary<string, double>? External(ScopeState scope) =>
        scope.External.Count == 0 ? null : scope.External.ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal);

    private static void ComputeRolling(WindowSums sums, double[] values)
    {
        var answered = sums[Counter.Answered];
        var abandoned = sums[Counter.Abandoned];
        var shortAbandoned = sums[Counter.ShortAbandoned];
        var left = answered + abandoned - shortAbandoned;
        var completed = sums[Counter.Completed];

        values[(int)KpiId.Offered] = sums[Counter.Offered];
        values[(int)KpiId.Answered] = answered;
        values[(int)KpiId.Abandoned] = abandoned;
        values[(int)KpiId.ShortAbandoned] = shortAbandoned;
        values[(int)KpiId.AbandonRate] = Percent(abandoned - shortAbandoned, left);
        values[(int)KpiId.AnswerRate] = Percent(answered, left);
        values[(int)KpiId.ServiceLevel] = Percent(sums[Counter.AnsweredWithinServiceLevel], left);
        values[(int)KpiId.Asa] = MeanSeconds(sums[Counter.AnswerWaitMs], answered);
        values[(int)KpiId.AvgAbandonTime] = MeanSeconds(sums[Counter.AbandonWaitMs], abandoned);
        values[(int)KpiId.MaxWait] = sums.MaxWaitMs is >= 0 and var maxWaitMs ? maxWaitMs / 1000.0 : double.NaN;
        values[(int)KpiId.Handled] = completed;
        values[(int)KpiId.Aht] = MeanSeconds(sums[Counter.HandleMs], completed);
        values[(int)KpiId.AvgTalk] = MeanSeconds(sums[Counter.TalkMs], completed);
        values[(int)KpiId.AvgHold] = MeanSeconds(sums[Counter.HoldMs], completed);
        values[(int)KpiId.AvgWrap] = MeanSeconds(sums[Counter.WrapMs], completed);
        values[(int)KpiId.TransferRate] = Percent(sums[Counter.Transfers], answered);
        values[(int)KpiId.EscalationRate] = Percent(sums[Counter.Escalations], answered);
        values[(int)KpiId.RepeatContactRate] = Percent(sums[Counter.RepeatContacts], sums[Counter.CustomerContacts]);
        values[(int)KpiId.Fcr] = Percent(sums[Counter.FirstContactResolved], completed);
        values[(int)KpiId.UpsellRate] = Percent(sums[Counter.UpsellAccepted], sums[Counter.UpsellOffered]);
        values[(int)KpiId.SaveRate] = Percent(sums[Counter.Saved], sums[Counter.CancellationRequested]);
        values[(int)KpiId.Occupancy] = Percent(
            sums.SecondsIn(Counter.OccupiedDelta, Counter.OccupiedDeltaSeconds),
            sums.SecondsIn(Counter.StaffedDelta, Counter.StaffedDeltaSeconds));
    }

    private static double Percent(long numerator, long denominator) =>
        denominator == 0 ? double.NaN : 100.0 * numerator / denominator;

    private static double MeanSeconds(long totalMs, long count) =>
        count == 0 ? double.NaN : totalMs / (1000.0 * count);

    /// <summary>A scope's sums over one sliding window, or over <c>today</c> when the index is -1.</summary>
    private readonly struct WindowSums(ScopeState scope, int index, WindowId window, long nowSecond)
    {
        public long this[Counter counter] => index >= 0 ? scope.WindowSum(index, counter) : scope.TodaySum(counter);

        public long MaxWaitMs => index >= 0 ? scope.MaxWait(index) : scope.MaxWaitToday();

        /// <summary>
        /// Agent-seconds spent in a set of states over the window, from the changes in the number of agents
        /// in it (<paramref name="delta"/>) and the same weighted by second (<paramref name="weighted"/>):
        /// with g agents in it now and the window starting at second a, the seconds are
        /// (N − a)·g − Σ delta·(T − a) over the window's changes.
        /// </summary>
        public long SecondsIn(Counter delta, Counter weighted)
        {
            var start = index >= 0 ? nowSecond - window.Seconds : scope.TodayStart;
            var current = scope.Total(delta);
            return ((nowSecond - start) * current) - (this[weighted] - (start * this[delta]));
        }
    }
}
