using Wallboard.Engine.Events;
using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Contacts;

/// <summary>One contact: its events in derivation order, the state they lead to, and its places in waiting lines.</summary>
internal sealed class ContactTimeline(string contactId, int idHash)
{
    public ContactTimeline(string contactId)
        : this(contactId, Contacts.IdHash.Of(contactId))
    {
    }

    public string ContactId { get; private set; } = contactId;

    /// <summary>The id's <see cref="Contacts.IdHash.Of"/>, kept so that forgetting the contact need not read the id.</summary>
    public int IdHash { get; private set; } = idHash;

    public List<WallboardEvent> Events { get; } = [];

    public ContactFoldState State;

    /// <summary>Whether the contact counts as a repeat contact of its customer (decided by <see cref="CustomerHistory"/>).</summary>
    public bool IsRepeat { get; set; }

    public CustomerHistory? Customer { get; set; }

    /// <summary>Places in the waiting lines of <c>all</c>, its queue and its channel.</summary>
    public WaitingLineNode[] WaitingNodes { get; } = [new(), new(), new()];

    public long LastEventMs { get; set; }

    /// <summary>Bumped on eviction so that stale eviction entries recognise a forgotten contact.</summary>
    public int Generation { get; set; }

    /// <summary>
    /// Prepares a forgotten contact to serve another contact id: everything but <see cref="Generation"/>
    /// (already bumped, so stale expiry entries still recognise the old contact) and the event list's capacity.
    /// </summary>
    public ContactTimeline Reuse(string contactId, int idHash)
    {
        ContactId = contactId;
        IdHash = idHash;
        Events.Clear();
        State = default;
        IsRepeat = false;
        Customer = null;
        LastEventMs = 0;
        return this;
    }

    // An event in a later millisecond than every event so far (nearly all) is in order without reading the
    // newest event, written minutes ago and long out of the cache.
    public bool IsInOrder(WallboardEvent contactEvent) =>
        contactEvent.Timestamp.ToUnixTimeMilliseconds() > LastEventMs || Events.Count == 0 || EventOrder.Instance.Compare(Events[^1], contactEvent) < 0;

    public void Insert(WallboardEvent contactEvent)
    {
        var index = Events.BinarySearch(contactEvent, EventOrder.Instance);
        Events.Insert(index < 0 ? ~index : index, contactEvent);
    }
}
