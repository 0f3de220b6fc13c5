namespace Wallboard.Engine.CustomerVoice;

/// <summary>
/// Remembers the queue, channel, agent and category of recent contacts and tickets for the interaction
/// memory (2 days by default), longer than the engine keeps the contacts themselves: a survey often
/// arrives hours after the call it rates.
/// </summary>
internal sealed class InteractionDirectory(TimeSpan memory)
{
    private readonly Dictionary<string, (Interaction Interaction, long LastMs)> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Interaction Interaction, long LastMs)> _tickets = new(StringComparer.Ordinal);
    private readonly Queue<(bool Ticket, string Id, long DueMs)> _expiry = new();
    private readonly long _memoryMs = (long)memory.TotalMilliseconds;

    public int Count => _contacts.Count + _tickets.Count;

    public void RememberContact(string contactId, Interaction interaction, long atMs) => Remember(_contacts, false, contactId, interaction, atMs);

    public void RememberTicket(string ticketId, Interaction interaction, long atMs) => Remember(_tickets, true, ticketId, interaction, atMs);

    public Interaction? Contact(string? contactId) =>
        contactId is not null && _contacts.TryGetValue(contactId, out var known) ? known.Interaction : null;

    public Interaction? Ticket(string? ticketId) =>
        ticketId is not null && _tickets.TryGetValue(ticketId, out var known) ? known.Interaction : null;

    public void Expire(long nowMs)
    {
        while (_expiry.TryPeek(out var head) && head.DueMs <= nowMs)
        {
            _expiry.Dequeue();
            var entries = head.Ticket ? _tickets : _contacts;
            if (!entries.TryGetValue(head.Id, out var known))
            {
                continue;
            }

            if (known.LastMs + _memoryMs <= nowMs)
            {
                entries.Remove(head.Id);
            }
            else
            {
                _expiry.Enqueue((head.Ticket, head.Id, known.LastMs + _memoryMs));
            }
        }
    }

    public void Save(BinaryWriter writer)
    {
        foreach (var entries in new[] { _contacts, _tickets })
        {
            writer.Write(entries.Count);
            foreach (var (id, (interaction, lastMs)) in entries)
            {
                writer.Write(id);
                WriteOptional(writer, interaction.Queue);
                WriteOptional(writer, interaction.Channel);
                WriteOptional(writer, interaction.AgentId);
                WriteOptional(writer, interaction.Category);
                writer.Write(lastMs);
            }
        }
    }

    public void Load(BinaryReader reader)
    {
        foreach (var ticket in new[] { false, true })
        {
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                var interaction = new Interaction(ReadOptional(reader), ReadOptional(reader), ReadOptional(reader), ReadOptional(reader));
                Remember(ticket ? _tickets : _contacts, ticket, id, interaction, reader.ReadInt64());
            }
        }
    }

    private void Remember(Dictionary<string, (Interaction, long)> entries, bool ticket, string id, Interaction interaction, long atMs)
    {
        var isNew = !entries.ContainsKey(id);
        entries[id] = (interaction, atMs);
        if (isNew)
        {
            _expiry.Enqueue((ticket, id, atMs + _memoryMs));
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
