using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Contacts;

/// <summary>
/// Checkpointing of the contacts: each contact is kept as its events and re-derived on load without
/// writing measurements (the panes are restored separately), which also rebuilds the waiting lines.
/// </summary>
internal sealed partial class ContactBook
{
    public void Save(BinaryWriter writer)
    {
        writer.Write(_contacts.Count);
        foreach (var contact in _contacts.Values)
        {
            writer.Write(contact.ContactId);
            writer.Write(contact.IsRepeat);
            writer.Write(contact.LastEventMs);
            writer.Write(contact.Events.Count);
            foreach (var contactEvent in contact.Events)
            {
                writer.Write(EventWriter.ToJson(contactEvent));
            }
        }

        writer.Write(_customers.Count);
        foreach (var customer in _customers.Values)
        {
            customer.Save(writer);
        }
    }

    public void Load(BinaryReader reader)
    {
        var discard = new ContributionWriter().Adding(long.MaxValue);
        var contacts = reader.ReadInt32();
        for (var i = 0; i < contacts; i++)
        {
            var contact = GetOrCreate(reader.ReadString());
            contact.IsRepeat = reader.ReadBoolean();
            contact.LastEventMs = reader.ReadInt64();
            var events = reader.ReadInt32();
            for (var e = 0; e < events; e++)
            {
                contact.Events.Add(CheckpointEvents.Read(reader));
            }

            contact.State = _fold.Replay(contact.Events, contact.IsRepeat, discard);
            UpdateWaitingLines(contact);
            if (contact.State.IsTerminal)
            {
                _finished.Enqueue((contact, contact.Generation, contact.LastEventMs + _latenessMs));
            }
        }

        var customers = reader.ReadInt32();
        for (var i = 0; i < customers; i++)
        {
            var customer = new CustomerHistory(reader.ReadString());
            customer.Load(reader, id => _contacts.GetValueOrDefault(id));
            _customers.Add(customer.CustomerId, customer);
            _customerExpiry.Enqueue((customer, customer.NewestFirstQueuedMs + _customerRetentionMs));
        }
    }
}
