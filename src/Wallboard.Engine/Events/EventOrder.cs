namespace Wallboard.Engine.Events;

/// <summary>
/// The order in which one contact's or agent's events are derived: by time, then by a fixed rank of
/// types for events of the same millisecond (a transfer before the re-queue it causes, a queue before
/// its answer), then by id, so that the result never depends on arrival order.
/// </summary>
internal sealed class EventOrder : IComparer<WallboardEvent>
{
    public static EventOrder Instance { get; } = new();

    public int Compare(WallboardEvent? x, WallboardEvent? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = x.Timestamp.UtcTicks.CompareTo(y.Timestamp.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byRank = Rank(x.Type).CompareTo(Rank(y.Type));
        return byRank != 0 ? byRank : string.CompareOrdinal(x.Id, y.Id);
    }

    private static int Rank(EventType type) => type switch
    {
        EventType.ContactTransferred => 0,
        EventType.ContactQueued => 1,
        EventType.ContactAnswered => 2,
        EventType.ContactAbandoned => 3,
        EventType.ContactCompleted => 4,
        EventType.TicketCreated => 0,
        EventType.TicketMessage => 1,
        EventType.TicketEscalated => 2,
        EventType.TicketResolved => 3,
        EventType.TicketReopened => 4,
        _ => 5,
    };
}
