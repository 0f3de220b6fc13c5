using System.Runtime.InteropServices;
using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Contacts;

/// <summary>
/// Checkpointing of the contacts: each contact is kept as its events and re-derived on load without
/// writing measurements (the panes are restored separately), which also rebuilds the waiting lines.
/// </summary>
internal sealed partial class ContactBook
{
    /// <summary>
    /// Copies the contacts and customers into <paramref name="buffers"/>. Contact objects and their event lists
    /// are reused for other contacts once forgotten, so what is kept is their fields and their events
    /// (immutable), not the objects.
    /// </summary>
    public void Capture(CheckpointBuffers buffers)
    {
        var contacts = buffers.Contacts.Append(_contacts.Count);
        var c = 0;
        foreach (var contact in _contacts.Values)
        {
            var events = contact.Events;
            contacts[c++] = new SavedContact(contact.ContactId, contact.IsRepeat, contact.LastEventMs, events.Count);
            CollectionsMarshal.AsSpan(events).CopyTo(buffers.ContactEvents.Append(events.Count));
        }

        foreach (var customer in _customers.Values)
        {
            buffers.Customers.Add((customer.CustomerId, customer.Count));
            customer.CaptureInto(buffers.CustomerEntries.Append(customer.Count));
        }
    }

    /// <summary>Tells <paramref name="buffers"/> how much <see cref="Capture"/> would copy now.</summary>
    public void MeasureCapture(CheckpointBuffers buffers)
    {
        var events = 0;
        foreach (var contact in _contacts.Values)
        {
            events += contact.Events.Count;
        }

        var entries = 0;
        foreach (var customer in _customers.Values)
        {
            entries += customer.Count;
        }

        buffers.Contacts.Expect(_contacts.Count);
        buffers.ContactEvents.Expect(events);
        buffers.Customers.Expect(_customers.Count);
        buffers.CustomerEntries.Expect(entries);
    }

    /// <summary>Writes what <see cref="Capture"/> copied into <paramref name="buffers"/>.</summary>
    public static void Write(CheckpointWriter writer, CheckpointBuffers buffers)
    {
        var events = buffers.ContactEvents.Items;
        writer.WriteCount(buffers.Contacts.Count);
        var e = 0;
        foreach (var contact in buffers.Contacts.Items)
        {
            writer.WriteId(contact.ContactId);
            writer.WriteBoolean(contact.IsRepeat);
            writer.WriteVarInt64(contact.LastEventMs);
            CheckpointEvents.WriteOwned(writer, contact.ContactId, events.Slice(e, contact.EventCount));
            e += contact.EventCount;
        }

        var entries = buffers.CustomerEntries.Items;
        writer.WriteCount(buffers.Customers.Count);
        e = 0;
        foreach (var (customerId, count) in buffers.Customers.Items)
        {
            writer.WriteId(customerId);
            CustomerHistory.Write(writer, entries.Slice(e, count));
            e += count;
        }
    }

    public void Load(CheckpointReader reader)
    {
        var discard = new ContributionWriter().Adding(long.MaxValue);
        var contacts = reader.ReadCount();
        for (var i = 0; i < contacts; i++)
        {
            var contact = GetOrCreate(reader.ReadRequiredString());
            contact.IsRepeat = reader.ReadBoolean();
            contact.LastEventMs = reader.ReadVarInt64();
            CheckpointEvents.ReadOwned(reader, contact.ContactId, contact.Events);
            contact.State = _fold.Replay(contact.Events, contact.IsRepeat, discard);
            UpdateWaitingLines(contact);
            if (contact.State.IsTerminal)
            {
                _finished.Enqueue((contact, contact.Generation, contact.LastEventMs + _latenessMs));
            }
        }

        var customers = reader.ReadCount();
        for (var i = 0; i < customers; i++)
        {
            var customer = new CustomerHistory(reader.ReadRequiredString());
            customer.Load(reader, id => _contacts.Find(id, IdHash.Of(id)));
            _customers.Add(customer, customer.IdHash);
            _customerExpiry.Enqueue((customer, customer.NewestFirstQueuedMs + _customerRetentionMs));
        }
    }

    internal readonly record struct SavedContact(string ContactId, bool IsRepeat, long LastEventMs, int EventCount);
}
