using Wallboard.Engine.Events;
using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Tickets;

/// <summary>One ticket: its events in derivation order, the state they lead to, and its places in the backlog lines.</summary>
internal sealed class TicketTimeline(string ticketId)
{
    public string TicketId { get; } = ticketId;

    public List<WallboardEvent> Events { get; } = [];

    public TicketFoldState State = TicketFold.Initial;

    /// <summary>Places in the backlog lines (by creation) of all, queue, channel and category.</summary>
    public CountingLineNode[] BacklogNodes { get; } = [new(), new(), new(), new()];

    /// <summary>Places in the awaiting-first-reply lines (by deadline) of all, queue, channel and category.</summary>
    public CountingLineNode[] NoReplyNodes { get; } = [new(), new(), new(), new()];

    public long LastEventMs { get; set; }

    /// <summary>
    /// Whether the creation counted in the windows (it was not late), and so the ticket in the cohort KPIs
    /// of its creation's pane; decided once, when the creation arrives.
    /// </summary>
    public bool InCohort { get; set; }

    public int Generation { get; set; }

    public bool IsInOrder(WallboardEvent ticketEvent) =>
        Events.Count == 0 || EventOrder.Instance.Compare(Events[^1], ticketEvent) < 0;

    public void Insert(WallboardEvent ticketEvent)
    {
        var index = Events.BinarySearch(ticketEvent, EventOrder.Instance);
        Events.Insert(index < 0 ? ~index : index, ticketEvent);
    }
}
