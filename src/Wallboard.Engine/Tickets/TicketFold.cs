using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Tickets;

/// <summary>
/// Derives a ticket's measurements from its events in <see cref="EventOrder"/>, like the contact fold:
/// in order it is one step per event, out of order the ticket is derived again. Cohort measurements
/// (replied / resolved by now) are not derived here: <see cref="TicketBook"/> keeps them from the end
/// state, so that late events keep them exact. Events of a ticket whose creation was never seen count nowhere.
/// </summary>
internal sealed class TicketFold(ScopeRegistry scopes, TicketSettings settings, Func<string, ScopeState> agentScopeFor)
{
    private readonly ScopeState _all = scopes.All;

    public static TicketFoldState Initial => new() { WaitingSinceMs = -1 };

    public TicketFoldState Replay(List<WallboardEvent> events, ContributionWriter writer)
    {
        var state = Initial;
        foreach (var ticketEvent in events)
        {
            Step(ref state, ticketEvent, writer);
        }

        return state;
    }

    public void Step(ref TicketFoldState state, WallboardEvent ticketEvent, ContributionWriter writer)
    {
        var atMs = ticketEvent.Timestamp.ToUnixTimeMilliseconds();
        switch (ticketEvent)
        {
            case TicketCreated created:
                Create(ref state, created, atMs, writer);
                break;
            case TicketMessagePosted { Author: MessageAuthor.Customer }:
                if (state.WaitingSinceMs < 0)
                {
                    state.WaitingSinceMs = atMs;
                }

                break;
            case TicketMessagePosted { Author: MessageAuthor.Agent } reply:
                Reply(ref state, reply, atMs, writer);
                break;
            case TicketEscalated when state.Created:
                CountInTicketScopes(ref state, atMs, Counter.TicketEscalations, 1, writer);
                break;
            case TicketResolved resolved:
                Resolve(ref state, resolved, atMs, writer);
                break;
            case TicketReopened when state.Created && state.Resolved:
                state.Open = true;
                state.Resolved = false;
                CountInTicketScopes(ref state, atMs, Counter.Reopens, 1, writer);
                break;
            default:
                break;
        }
    }

    private void Create(ref TicketFoldState state, TicketCreated created, long atMs, ContributionWriter writer)
    {
        if (state.Created)
        {
            return;
        }

        state.Created = true;
        state.CreatedMs = atMs;
        state.Channel = created.Channel;
        state.Queue = created.Queue;
        state.Category = created.Category;
        state.ChannelScope = scopes.GetOrAdd(ScopeId.Channel(created.Channel));
        state.QueueScope = created.Queue is null ? null : scopes.GetOrAdd(ScopeId.Queue(created.Queue));
        state.CategoryScope = created.Category is null ? null : scopes.GetOrAdd(ScopeId.Category(created.Category));
        state.TargetMs = (long)settings.FirstReplyTarget(created.Channel).TotalMilliseconds;
        state.Open = true;

        // The creation counts as the customer's first message (an earlier-stamped customer message keeps its time).
        state.WaitingSinceMs = state.WaitingSinceMs >= 0 ? Math.Min(state.WaitingSinceMs, atMs) : atMs;
        CountInTicketScopes(ref state, atMs, Counter.TicketsCreated, 1, writer);
    }

    private void Reply(ref TicketFoldState state, TicketMessagePosted reply, long atMs, ContributionWriter writer)
    {
        if (!state.Created)
        {
            return;
        }

        var agent = reply.AgentId is null ? null : agentScopeFor(reply.AgentId);
        state.LastAgentId = reply.AgentId ?? state.LastAgentId;
        Count(ref state, agent, atMs, Counter.Replies, 1, writer);
        if (state.WaitingSinceMs >= 0)
        {
            Count(ref state, agent, atMs, Counter.ReplyWaits, 1, writer);
            Count(ref state, agent, atMs, Counter.ReplyWaitMs, atMs - state.WaitingSinceMs, writer);
            state.WaitingSinceMs = -1;
        }

        if (state.Replies++ == 0)
        {
            var firstReplyMs = atMs - state.CreatedMs;
            Count(ref state, agent, atMs, Counter.FirstReplies, 1, writer);
            Count(ref state, agent, atMs, Counter.FirstReplyMs, firstReplyMs, writer);
            Count(ref state, agent, atMs, Counter.FirstRepliesWithinTarget, firstReplyMs <= state.TargetMs ? 1 : 0, writer);
        }
    }

    private void Resolve(ref TicketFoldState state, TicketResolved resolved, long atMs, ContributionWriter writer)
    {
        if (!state.Created || !state.Open)
        {
            return;
        }

        state.Open = false;
        state.Resolved = true;
        state.WaitingSinceMs = -1;
        var agent = resolved.AgentId is null ? null : agentScopeFor(resolved.AgentId);
        Count(ref state, agent, atMs, Counter.TicketsResolved, 1, writer);
        Count(ref state, agent, atMs, Counter.ResolutionMs, atMs - state.CreatedMs, writer);
        Count(ref state, agent, atMs, Counter.ResolutionTouches, state.Replies, writer);
        Count(ref state, agent, atMs, Counter.OneTouchResolutions, state.Replies == 1 ? 1 : 0, writer);
    }

    private void Count(ref TicketFoldState state, ScopeState? agent, long atMs, Counter counter, long amount, ContributionWriter writer)
    {
        CountInTicketScopes(ref state, atMs, counter, amount, writer);
        writer.Count(agent, atMs, counter, amount);
    }

    private void CountInTicketScopes(ref TicketFoldState state, long atMs, Counter counter, long amount, ContributionWriter writer)
    {
        writer.Count(_all, atMs, counter, amount);
        writer.Count(state.QueueScope, atMs, counter, amount);
        writer.Count(state.ChannelScope, atMs, counter, amount);
        writer.Count(state.CategoryScope, atMs, counter, amount);
    }
}
