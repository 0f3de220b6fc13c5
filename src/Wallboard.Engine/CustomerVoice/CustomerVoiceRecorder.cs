using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.CustomerVoice;

/// <summary>
/// Surveys, sentiment scores, self-service sessions and outside figures. Each is one measurement at its
/// own time (no entity to re-derive), in <c>all</c> and the scopes it names, or inherits from the contact
/// or ticket it names: queue, channel, agent and, for tickets, category (<c>findInteraction</c>: where the
/// named contact, else ticket, belonged, if the engine knows).
/// </summary>
internal sealed class CustomerVoiceRecorder(
    ScopeRegistry scopes, EngineClock clock, Func<string?, string?, Interaction?> findInteraction, Func<string, ScopeState> agentScopeFor)
{
    private const long Milli = 1000;
    private readonly ContributionWriter _writer = new();

    public void Record(SurveyResponded survey)
    {
        var atMs = survey.Timestamp.ToUnixTimeMilliseconds();
        var resolved = Resolve(survey.ContactId, survey.TicketId, survey.Queue, survey.Channel, survey.AgentId);
        var scoreMilli = (long)Math.Round(survey.Score * Milli, MidpointRounding.AwayFromZero);
        foreach (var scope in resolved)
        {
            switch (survey.Survey)
            {
                case SurveyKind.Csat:
                    Count(scope, atMs, Counter.CsatResponses, 1);
                    Count(scope, atMs, Counter.CsatSatisfied, survey.Score >= 4 ? 1 : 0);
                    Count(scope, atMs, Counter.CsatScoreMilli, scoreMilli);
                    break;
                case SurveyKind.Nps:
                    Count(scope, atMs, Counter.NpsResponses, 1);
                    Count(scope, atMs, Counter.NpsPromoters, survey.Score >= 9 ? 1 : 0);
                    Count(scope, atMs, Counter.NpsDetractors, survey.Score <= 6 ? 1 : 0);
                    break;
                default:
                    Count(scope, atMs, Counter.CesResponses, 1);
                    Count(scope, atMs, Counter.CesScoreMilli, scoreMilli);
                    break;
            }
        }
    }

    public void Record(SentimentScored sentiment)
    {
        var atMs = sentiment.Timestamp.ToUnixTimeMilliseconds();
        foreach (var scope in Resolve(sentiment.ContactId, sentiment.TicketId, sentiment.Queue, sentiment.Channel, agentId: null))
        {
            Count(scope, atMs, Counter.SentimentScores, 1);
            Count(scope, atMs, Counter.SentimentMilli, (long)Math.Round(sentiment.Score * Milli, MidpointRounding.AwayFromZero));
        }
    }

    public void Record(SelfServiceSessionEnded session)
    {
        var atMs = session.Timestamp.ToUnixTimeMilliseconds();
        foreach (var scope in new[] { scopes.All, scopes.GetOrAdd(ScopeId.Channel(session.Channel)) })
        {
            Count(scope, atMs, Counter.SelfServiceSessions, 1);
            Count(scope, atMs, Counter.SelfServiceResolved, session.Resolved ? 1 : 0);
        }
    }

    /// <summary>Records an outside figure; false when its scope is not a scope id.</summary>
    public bool Record(MetricRecorded metric)
    {
        ScopeId? scope = ScopeId.All;
        if (metric.Scope is not null && !ScopeId.TryParse(metric.Scope, out scope))
        {
            return false;
        }

        scopes.GetOrAdd(scope.Value).Record(metric.Name, metric.Value, metric.Timestamp.ToUnixTimeMilliseconds());
        return true;
    }

    private List<ScopeState> Resolve(string? contactId, string? ticketId, string? queue, string? channel, string? agentId)
    {
        var known = findInteraction(contactId, ticketId);
        queue ??= known?.Queue;
        channel ??= known?.Channel;
        agentId ??= known?.AgentId;
        var category = known?.Category;
        var result = new List<ScopeState>(5) { scopes.All };
        if (queue is not null)
        {
            result.Add(scopes.GetOrAdd(ScopeId.Queue(queue)));
        }

        if (channel is not null)
        {
            result.Add(scopes.GetOrAdd(ScopeId.Channel(channel)));
        }

        if (agentId is not null)
        {
            result.Add(agentScopeFor(agentId));
        }

        if (category is not null)
        {
            result.Add(scopes.GetOrAdd(ScopeId.Category(category)));
        }

        return result;
    }

    // Late answers (older than the lateness) change no window, like every other measurement.
    private void Count(ScopeState scope, long atMs, Counter counter, long amount) =>
        _writer.Adding(clock.LateBoundaryMs).Count(scope, atMs, counter, amount);
}
