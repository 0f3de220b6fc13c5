namespace Wallboard.Engine.Contacts;

/// <summary>
/// One customer's contacts by first-queued time, to decide which are repeat contacts: a contact is a
/// repeat when another contact of the customer was first queued before it, within the horizon.
/// </summary>
internal sealed class CustomerHistory(string customerId)
{
    private readonly List<Entry> _entries = [];

    public string CustomerId { get; } = customerId;

    public int Count => _entries.Count;

    /// <summary>Places or moves the contact at its first-queued time.</summary>
    public void Place(ContactTimeline contact, long firstQueuedMs, long horizonMs)
    {
        var index = _entries.FindIndex(entry => entry.ContactId == contact.ContactId);
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }

        var entry = new Entry(contact.ContactId, firstQueuedMs, horizonMs, contact);
        var at = _entries.FindLastIndex(other => other.FirstQueuedMs <= firstQueuedMs) + 1;
        _entries.Insert(at, entry);
    }

    /// <summary>The live contacts whose repeat flag is not what the history says now.</summary>
    public IEnumerable<ContactTimeline> ContactsWithStaleFlag()
    {
        foreach (var entry in _entries)
        {
            if (entry.Live is { } contact && contact.IsRepeat != IsRepeat(entry))
            {
                yield return contact;
            }
        }
    }

    /// <summary>The contact was forgotten: keep its time, which still makes later contacts repeats.</summary>
    public void Forget(ContactTimeline contact)
    {
        var index = _entries.FindIndex(entry => entry.ContactId == contact.ContactId);
        if (index >= 0)
        {
            _entries[index] = _entries[index] with { Live = null };
        }
    }

    /// <summary>Drops entries first queued before <paramref name="cutoffMs"/> that no longer hold a live contact.</summary>
    public void Prune(long cutoffMs) => _entries.RemoveAll(entry => entry.Live is null && entry.FirstQueuedMs < cutoffMs);

    private bool IsRepeat(Entry entry)
    {
        foreach (var other in _entries)
        {
            if (other.FirstQueuedMs >= entry.FirstQueuedMs)
            {
                break;
            }

            if (entry.FirstQueuedMs - other.FirstQueuedMs <= entry.HorizonMs)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Entry(string ContactId, long FirstQueuedMs, long HorizonMs, ContactTimeline? Live);
}
