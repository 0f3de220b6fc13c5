using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Time;
using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Tickets;

/// <summary>
/// The tickets the engine knows and their places in the scopes' backlog lines. Like contacts, an event
/// in order is one derivation step and one out of order retracts the ticket's measurements from its time
/// on and derives them again. Open tickets are kept until resolved; resolved ones for the retention, in
/// case they are reopened.
/// </summary>
internal sealed partial class TicketBook
{
    private readonly Dictionary<string, TicketTimeline> _tickets = new(StringComparer.Ordinal);
    private readonly Queue<(TicketTimeline Ticket, int Generation, long DueMs)> _resolved = new();

    // Events of a ticket whose creation never came: forgotten once the creation can no longer arrive in time.
    private readonly Queue<(TicketTimeline Ticket, long DueMs)> _uncreated = new();
    private readonly ScopeRegistry _scopes;
    private readonly EngineClock _clock;
    private readonly TicketFold _fold;
    // An hour is far beyond any lateness: a creation that has not come by then belongs to a ticket created
    // before this engine saw traffic (its messages count nowhere anyway).
    private const long UncreatedTimeoutMs = 3_600_000;

    private readonly ContributionWriter _writer = new();
    private readonly long _retentionMs;

    public TicketBook(ScopeRegistry scopes, EngineClock clock, TicketSettings settings, Func<string, ScopeState> agentScopeFor)
    {
        _scopes = scopes;
        _clock = clock;
        _fold = new TicketFold(scopes, settings, agentScopeFor);
        _retentionMs = (long)settings.ResolvedRetention.TotalMilliseconds;
    }

    public int Count => _tickets.Count;

    public TicketTimeline? Find(string ticketId) => _tickets.GetValueOrDefault(ticketId);

    public TicketTimeline Apply(WallboardEvent ticketEvent, string ticketId)
    {
        var atMs = ticketEvent.Timestamp.ToUnixTimeMilliseconds();
        var fromMs = Math.Max(atMs, _clock.LateBoundaryMs);
        if (!_tickets.TryGetValue(ticketId, out var ticket))
        {
            ticket = new TicketTimeline(ticketId);
            _uncreated.Enqueue((ticket, atMs + UncreatedTimeoutMs));
            _tickets.Add(ticketId, ticket);
        }

        var wasResolved = ticket.State.Resolved;
        var wasCreated = ticket.State.Created;
        var (repliedBefore, resolvedBefore) = CohortOf(ticket);
        if (ticket.IsInOrder(ticketEvent))
        {
            ticket.Events.Add(ticketEvent);
            _fold.Step(ref ticket.State, ticketEvent, _writer.Adding(fromMs));
        }
        else
        {
            _fold.Replay(ticket.Events, _writer.Retraction(fromMs));
            ticket.Insert(ticketEvent);
            ticket.State = _fold.Replay(ticket.Events, _writer.Adding(fromMs));
        }

        ticket.LastEventMs = Math.Max(ticket.LastEventMs, atMs);
        if (!wasCreated && ticket.State.Created)
        {
            ticket.InCohort = ticket.State.CreatedMs >= _clock.LateBoundaryMs;
        }

        var (replied, resolved) = CohortOf(ticket);
        CountInCohort(ticket, Counter.CreatedAndReplied, replied - repliedBefore);
        CountInCohort(ticket, Counter.CreatedAndResolved, resolved - resolvedBefore);
        UpdateLines(ticket);
        if (!wasResolved && ticket.State.Resolved)
        {
            _resolved.Enqueue((ticket, ticket.Generation, ticket.LastEventMs + _retentionMs));
        }

        return ticket;
    }

    /// <summary>Forgets tickets resolved (and not reopened) longer than the retention ago, and events of tickets never created.</summary>
    public void Expire()
    {
        var nowMs = _clock.NowMs;
        while (_uncreated.TryPeek(out var orphan) && orphan.DueMs <= nowMs)
        {
            _uncreated.Dequeue();
            if (!orphan.Ticket.State.Created && _tickets.TryGetValue(orphan.Ticket.TicketId, out var known) && ReferenceEquals(known, orphan.Ticket))
            {
                if (orphan.Ticket.LastEventMs + UncreatedTimeoutMs > nowMs)
                {
                    _uncreated.Enqueue((orphan.Ticket, orphan.Ticket.LastEventMs + UncreatedTimeoutMs));
                    continue;
                }

                _tickets.Remove(orphan.Ticket.TicketId);
                orphan.Ticket.Generation++;
            }
        }

        while (_resolved.TryPeek(out var head) && head.DueMs <= nowMs)
        {
            _resolved.Dequeue();
            var ticket = head.Ticket;
            if (ticket.Generation != head.Generation || !ticket.State.Resolved)
            {
                continue;
            }

            var dueMs = ticket.LastEventMs + _retentionMs;
            if (dueMs > nowMs)
            {
                _resolved.Enqueue((ticket, ticket.Generation, dueMs));
                continue;
            }

            Leave(ticket.BacklogNodes);
            Leave(ticket.NoReplyNodes);
            _tickets.Remove(ticket.TicketId);
            ticket.Generation++;
        }
    }

    // The cohort KPIs count, at the pane of the creation, whether the ticket has a reply / is resolved now:
    // kept as the change of the end state, so that late and out-of-order events keep them exact.
    private static (int Replied, int Resolved) CohortOf(TicketTimeline ticket) =>
        ticket.InCohort && ticket.State.Created ? (ticket.State.Replies > 0 ? 1 : 0, ticket.State.Resolved ? 1 : 0) : (0, 0);

    private void CountInCohort(TicketTimeline ticket, Counter counter, int amount)
    {
        if (amount == 0)
        {
            return;
        }

        var second = EngineClock.SecondOf(ticket.State.CreatedMs);
        _scopes.All.Add(second, counter, amount);
        ticket.State.QueueScope?.Add(second, counter, amount);
        ticket.State.ChannelScope?.Add(second, counter, amount);
        ticket.State.CategoryScope?.Add(second, counter, amount);
    }

    private void UpdateLines(TicketTimeline ticket)
    {
        ref var state = ref ticket.State;
        if (state.InBacklog)
        {
            Join(ticket.BacklogNodes, ref state, EngineClock.SecondOf(state.CreatedMs), backlog: true);
        }
        else
        {
            Leave(ticket.BacklogNodes);
        }

        if (state.AwaitingFirstReply)
        {
            Join(ticket.NoReplyNodes, ref state, EngineClock.SecondOf(state.CreatedMs + state.TargetMs), backlog: false);
        }
        else
        {
            Leave(ticket.NoReplyNodes);
        }
    }

    private void Join(CountingLineNode[] nodes, ref TicketFoldState state, long key, bool backlog)
    {
        JoinOne(nodes[0], _scopes.All, key, backlog);
        JoinOne(nodes[1], state.QueueScope, key, backlog);
        JoinOne(nodes[2], state.ChannelScope, key, backlog);
        JoinOne(nodes[3], state.CategoryScope, key, backlog);
    }

    private static void JoinOne(CountingLineNode node, ScopeState? scope, long key, bool backlog)
    {
        if (scope is null)
        {
            node.Line?.Leave(node);
            return;
        }

        var line = backlog ? scope.Tickets.Backlog : scope.Tickets.AwaitingFirstReply;
        line.Join(node, key);
    }

    private static void Leave(CountingLineNode[] nodes)
    {
        foreach (var node in nodes)
        {
            node.Line?.Leave(node);
        }
    }
}
