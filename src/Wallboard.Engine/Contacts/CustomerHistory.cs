using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Contacts;

/// <summary>
/// One customer's contacts by first-queued time, to decide which are repeat contacts: a contact is a
/// repeat when another contact of the customer was first queued before it, within the horizon.
/// </summary>
/// <remarks>
/// Searches are plain loops over a list of value-type entries rather than <c>FindIndex</c> with lambdas
/// and record entries: this runs for every contact with a customer, and the closures and entry copies
/// were a steady source of garbage.
/// </remarks>
internal sealed class CustomerHistory(string customerId, int idHash)
{
    public CustomerHistory(string customerId)
        : this(customerId, Contacts.IdHash.Of(customerId))
    {
    }

    private readonly List<Entry> _entries = [];

    public string CustomerId { get; private set; } = customerId;

    /// <summary>The id's <see cref="Contacts.IdHash.Of"/>, kept so that dropping the history need not read the id.</summary>
    public int IdHash { get; private set; } = idHash;

    public int Count => _entries.Count;

    /// <summary>Prepares a history that was emptied and dropped to serve another customer.</summary>
    public CustomerHistory Reuse(string customerId, int idHash)
    {
        CustomerId = customerId;
        IdHash = idHash;
        _entries.Clear();
        return this;
    }

    /// <summary>Places or moves the contact at its first-queued time.</summary>
    public void Place(ContactTimeline contact, long firstQueuedMs, long horizonMs)
    {
        var index = IndexOf(contact.ContactId);
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }

        var at = _entries.Count;
        while (at > 0 && _entries[at - 1].FirstQueuedMs > firstQueuedMs)
        {
            at--;
        }

        _entries.Insert(at, new Entry(contact.ContactId, firstQueuedMs, horizonMs, contact));
    }

    /// <summary>Adds the live contacts whose repeat flag is not what the history says now to <paramref name="stale"/>.</summary>
    public void CollectStaleFlags(List<ContactTimeline> stale)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Live is { } contact && contact.IsRepeat != IsRepeat(i))
            {
                stale.Add(contact);
            }
        }
    }

    /// <summary>The contact was forgotten: keep its time, which still makes later contacts repeats.</summary>
    public void Forget(ContactTimeline contact)
    {
        var index = IndexOf(contact.ContactId);
        if (index >= 0)
        {
            _entries[index] = _entries[index] with { Live = null };
        }
    }

    /// <summary>The contact turned out to be another customer's: it no longer counts here at all.</summary>
    public void Remove(ContactTimeline contact)
    {
        var index = IndexOf(contact.ContactId);
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }
    }

    /// <summary>Drops entries first queued before <paramref name="cutoffMs"/> that no longer hold a live contact.</summary>
    public void Prune(long cutoffMs)
    {
        var kept = 0;
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Live is not null || _entries[i].FirstQueuedMs >= cutoffMs)
            {
                _entries[kept++] = _entries[i];
            }
        }

        _entries.RemoveRange(kept, _entries.Count - kept);
    }

    /// <summary>Copies the entries (<see cref="Count"/> of them) for a checkpoint, live contacts as a flag only: contacts are reused once forgotten.</summary>
    public void CaptureInto(Span<SavedEntry> into)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            into[i] = new SavedEntry(entry.ContactId, entry.FirstQueuedMs, entry.HorizonMs, entry.Live is not null);
        }
    }

    public static void Write(CheckpointWriter writer, ReadOnlySpan<SavedEntry> entries)
    {
        writer.WriteCount(entries.Length);
        var previousMs = 0L;
        foreach (var entry in entries)
        {
            writer.WriteId(entry.ContactId);
            writer.WriteVarInt64(entry.FirstQueuedMs - previousMs);
            writer.WriteVarInt64(entry.HorizonMs);
            writer.WriteBoolean(entry.Live);
            previousMs = entry.FirstQueuedMs;
        }
    }

    /// <summary>Reads the entries <see cref="Write"/> wrote; live ones are linked to <paramref name="liveContact"/>'s contacts.</summary>
    public void Load(CheckpointReader reader, Func<string, ContactTimeline?> liveContact)
    {
        var count = reader.ReadCount();
        var previousMs = 0L;
        for (var i = 0; i < count; i++)
        {
            var contactId = reader.ReadRequiredString();
            var firstQueuedMs = previousMs + reader.ReadVarInt64();
            var horizonMs = reader.ReadVarInt64();
            var live = reader.ReadBoolean() ? liveContact(contactId) : null;
            if (live is not null)
            {
                live.Customer = this;
            }

            _entries.Add(new Entry(contactId, firstQueuedMs, horizonMs, live));
            previousMs = firstQueuedMs;
        }
    }

    public long NewestFirstQueuedMs => _entries.Count == 0 ? long.MinValue : _entries[^1].FirstQueuedMs;

    private int IndexOf(string contactId)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].ContactId, contactId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // Entries are sorted by first-queued time, so only those before the entry can make it a repeat.
    private bool IsRepeat(int index)
    {
        var entry = _entries[index];
        for (var i = 0; i < _entries.Count; i++)
        {
            var other = _entries[i];
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

    /// <summary>An entry as a checkpoint keeps it.</summary>
    internal readonly record struct SavedEntry(string ContactId, long FirstQueuedMs, long HorizonMs, bool Live);

    private readonly record struct Entry(string ContactId, long FirstQueuedMs, long HorizonMs, ContactTimeline? Live);
}
