using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Contacts;

/// <summary>
/// Derives a contact's measurements from its events in <see cref="EventOrder"/>. The same derivation
/// serves the in-order step and the replay after an out-of-order event, which is what makes the
/// result independent of arrival order.
/// </summary>
internal sealed class ContactFold(ScopeRegistry scopes, Func<string, QueueSettings> settingsFor, Func<string, ScopeState> agentScopeFor)
{
    private readonly ScopeState _all = scopes.All;

    public ContactFoldState Replay(List<WallboardEvent> events, bool isRepeat, ContributionWriter writer)
    {
        var state = default(ContactFoldState);
        foreach (var contactEvent in events)
        {
            Step(ref state, contactEvent, isRepeat, writer);
        }

        return state;
    }

    public void Step(ref ContactFoldState state, WallboardEvent contactEvent, bool isRepeat, ContributionWriter writer)
    {
        var atMs = contactEvent.Timestamp.ToUnixTimeMilliseconds();
        switch (contactEvent)
        {
            case ContactQueued queued:
                Queue(ref state, queued, atMs, isRepeat, writer);
                break;
            case ContactAnswered answered:
                Answer(ref state, answered, atMs, writer);
                break;
            case ContactAbandoned:
                Abandon(ref state, atMs, writer);
                break;
            case ContactTransferred transferred:
                Transfer(ref state, transferred, atMs, writer);
                break;
            case ContactCompleted completed:
                Complete(ref state, completed, atMs, isRepeat, writer);
                break;
            default:
                break;
        }
    }

    private void Queue(ref ContactFoldState state, ContactQueued queued, long atMs, bool isRepeat, ContributionWriter writer)
    {
        var first = !state.EverQueued;
        state.Queue = queued.Queue;
        state.QueueScope = scopes.GetOrAdd(ScopeId.Queue(queued.Queue));
        state.ChannelScope = scopes.GetOrAdd(ScopeId.Channel(queued.Channel));
        state.Settings = settingsFor(queued.Queue);
        state.Waiting = true;
        state.QueuedMs = atMs;
        state.CustomerId ??= queued.CustomerId;
        CountInQueueScopes(ref state, atMs, Counter.Offered, 1, writer);
        if (!first)
        {
            return;
        }

        state.EverQueued = true;
        state.FirstQueuedMs = atMs;
        state.FirstQueue = queued.Queue;
        if (state.CustomerId is not null)
        {
            Span<long> amounts = [1, isRepeat ? 1 : 0];
            CountInQueueScopes(ref state, atMs, Counter.CustomerContacts, amounts, writer);
        }
    }

    private void Answer(ref ContactFoldState state, ContactAnswered answered, long atMs, ContributionWriter writer)
    {
        state.AgentScope = agentScopeFor(answered.AgentId);
        if (!state.Waiting)
        {
            return;
        }

        state.Waiting = false;
        var waitMs = atMs - state.QueuedMs;
        var withinServiceLevel = waitMs <= (long)state.Settings!.ServiceLevelThreshold.TotalMilliseconds ? 1 : 0;
        Span<long> amounts = stackalloc long[Counter.AnswerWaitMs - Counter.Answered + 1];
        amounts[Counter.Answered - Counter.Answered] = 1;
        amounts[Counter.AnsweredWithinServiceLevel - Counter.Answered] = withinServiceLevel;
        amounts[Counter.AnswerWaitMs - Counter.Answered] = waitMs;
        CountInContactScopes(ref state, atMs, Counter.Answered, amounts, writer);
        WaitInContactScopes(ref state, atMs, waitMs, writer);
    }

    private void Abandon(ref ContactFoldState state, long atMs, ContributionWriter writer)
    {
        if (!state.Waiting)
        {
            return;
        }

        state.Waiting = false;
        state.Abandoned = true;
        var waitMs = atMs - state.QueuedMs;
        var isShort = waitMs < (long)state.Settings!.ShortAbandonThreshold.TotalMilliseconds ? 1 : 0;
        Span<long> amounts = stackalloc long[Counter.AbandonWaitMs - Counter.Abandoned + 1];
        amounts[Counter.Abandoned - Counter.Abandoned] = 1;
        amounts[Counter.ShortAbandoned - Counter.Abandoned] = isShort;
        amounts[Counter.AbandonWaitMs - Counter.Abandoned] = waitMs;
        CountInQueueScopes(ref state, atMs, Counter.Abandoned, amounts, writer);
        writer.Wait(_all, atMs, waitMs);
        writer.Wait(state.QueueScope, atMs, waitMs);
        writer.Wait(state.ChannelScope, atMs, waitMs);
    }

    private void Transfer(ref ContactFoldState state, ContactTransferred transferred, long atMs, ContributionWriter writer)
    {
        state.Transferred = true;
        Span<long> amounts = [1, transferred.Escalation ? 1 : 0];
        CountInContactScopes(ref state, atMs, Counter.Transfers, amounts, writer);
    }

    private void Complete(ref ContactFoldState state, ContactCompleted completed, long atMs, bool isRepeat, ContributionWriter writer)
    {
        state.Completed = true;
        state.AgentScope = agentScopeFor(completed.AgentId);
        var talkMs = Milliseconds(completed.TalkSeconds);
        var holdMs = Milliseconds(completed.HoldSeconds);
        var wrapMs = Milliseconds(completed.WrapSeconds);
        var resolvedFirstTime = completed.Resolved == true && !state.Transferred && !isRepeat;
        var outcome = completed.Outcome;
        Span<long> amounts = stackalloc long[Counter.Saved - Counter.Completed + 1];
        amounts[Counter.Completed - Counter.Completed] = 1;
        amounts[Counter.HandleMs - Counter.Completed] = talkMs + holdMs + wrapMs;
        amounts[Counter.TalkMs - Counter.Completed] = talkMs;
        amounts[Counter.HoldMs - Counter.Completed] = holdMs;
        amounts[Counter.WrapMs - Counter.Completed] = wrapMs;
        amounts[Counter.FirstContactResolved - Counter.Completed] = resolvedFirstTime ? 1 : 0;
        amounts[Counter.UpsellOffered - Counter.Completed] = outcome.UpsellOffered ? 1 : 0;
        amounts[Counter.UpsellAccepted - Counter.Completed] = outcome.UpsellAccepted ? 1 : 0;
        amounts[Counter.CancellationRequested - Counter.Completed] = outcome.CancellationRequested ? 1 : 0;
        amounts[Counter.Saved - Counter.Completed] = outcome.Saved ? 1 : 0;
        CountInContactScopes(ref state, atMs, Counter.Completed, amounts, writer);
    }

    private void CountInQueueScopes(ref ContactFoldState state, long atMs, Counter counter, long amount, ContributionWriter writer) =>
        CountInQueueScopes(ref state, atMs, counter, new ReadOnlySpan<long>(in amount), writer);

    // Consecutive counters of one measurement, written to each scope at once (see PaneRing.Add).
    private void CountInQueueScopes(ref ContactFoldState state, long atMs, Counter first, ReadOnlySpan<long> amounts, ContributionWriter writer)
    {
        writer.Count(_all, atMs, first, amounts);
        writer.Count(state.QueueScope, atMs, first, amounts);
        writer.Count(state.ChannelScope, atMs, first, amounts);
    }

    private void CountInContactScopes(ref ContactFoldState state, long atMs, Counter first, ReadOnlySpan<long> amounts, ContributionWriter writer)
    {
        CountInQueueScopes(ref state, atMs, first, amounts, writer);
        writer.Count(state.AgentScope, atMs, first, amounts);
    }

    private void WaitInContactScopes(ref ContactFoldState state, long atMs, long waitMs, ContributionWriter writer)
    {
        writer.Wait(_all, atMs, waitMs);
        writer.Wait(state.QueueScope, atMs, waitMs);
        writer.Wait(state.ChannelScope, atMs, waitMs);
        writer.Wait(state.AgentScope, atMs, waitMs);
    }

    private static long Milliseconds(double seconds) => (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);
}
