using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// Maps the incidents' status changes to ticket events (docs/replay-tickets.md):
/// <list type="bullet">
/// <item>first row of an incident → <c>ticket.created</c>: queue = support team (Involved ST), channel = org
/// line (Involved Org line 3), category = product, priority = impact, all from that row;</item>
/// <item>a Completed row (Resolved, Closed, In Call, Cancelled) while the ticket is open → <c>ticket.resolved</c>,
/// by the row's Resource unless the ticketing system (owner Siebel) did it; a completed row of a completed
/// ticket (Resolved → Closed) is no event;</item>
/// <item>an Accepted or Queued row while the ticket is completed → <c>ticket.reopened</c>;</item>
/// <item>a row whose support line (ST Level) is higher than the previous row's → <c>ticket.escalated</c>;</item>
/// <item>Unmatched rows are skipped (no status to read); the log carries no messages, so no replies.</item>
/// </list>
/// </summary>
internal static class VolvoTicketMapping
{
    public static List<WallboardEvent> ToEvents(IReadOnlyList<VolvoStatusChange> rows, out Dictionary<string, int> rowFates)
    {
        var events = new List<WallboardEvent>();
        rowFates = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var incident in rows.GroupBy(row => row.Incident))
        {
            var open = false;
            var created = false;
            var level = 0;
            foreach (var row in incident)
            {
                var id = $"{row.Incident}#{index++}";
                if (row.IsUnmatched)
                {
                    Count(rowFates, "skipped: Unmatched status");
                    continue;
                }

                var produced = new List<string>(2);
                if (!created)
                {
                    created = true;
                    open = true;
                    level = row.LevelRank;
                    events.Add(new TicketCreated(id + "c", row.At, row.Incident, row.OrgLine, row.SupportTeam, row.Impact, row.Product, null));
                    produced.Add("ticket.created");
                }
                else if (row.LevelRank > level)
                {
                    events.Add(new TicketEscalated(id + "x", row.At, row.Incident, row.Level));
                    produced.Add("ticket.escalated");
                }

                level = row.LevelRank;
                if (row.IsCompleted && open)
                {
                    open = false;
                    events.Add(new TicketResolved(id + "r", row.At, row.Incident, row.Agent));
                    produced.Add("ticket.resolved");
                }
                else if (!row.IsCompleted && !open)
                {
                    open = true;
                    events.Add(new TicketReopened(id + "o", row.At, row.Incident));
                    produced.Add("ticket.reopened");
                }

                Count(rowFates, produced.Count > 0
                    ? string.Join(" + ", produced)
                    : row.IsCompleted ? "no event: completed again (Resolved → Closed…)" : "no event: another open status");
            }
        }

        return events;
    }

    private static void Count(Dictionary<string, int> fates, string fate) => fates[fate] = fates.GetValueOrDefault(fate) + 1;
}
