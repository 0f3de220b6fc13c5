using System.Runtime.InteropServices;
using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.CustomerVoice;

/// <summary>
/// Remembers the queue, channel, agent and category of recent contacts and tickets for the interaction
/// memory (2 days by default), longer than the engine keeps the contacts themselves: a survey often
/// arrives hours after the call it rates. A contact is written here when the contact book forgets it (the
/// book answers for the contacts it still holds); a ticket on each of its events.
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

    /// <summary>Copies the entries and the expiry queue (strings and times, all immutable) into <paramref name="buffers"/>.</summary>
    public void Capture(CheckpointBuffers buffers)
    {
        Copy(_contacts, buffers.DirectoryContacts);
        Copy(_tickets, buffers.DirectoryTickets);
        var (array, index) = buffers.DirectoryExpiry.AppendToArray(_expiry.Count);
        _expiry.CopyTo(array, index);
    }

    /// <summary>Tells <paramref name="buffers"/> how much <see cref="Capture"/> would copy now.</summary>
    public void MeasureCapture(CheckpointBuffers buffers)
    {
        buffers.DirectoryContacts.Expect(_contacts.Count);
        buffers.DirectoryTickets.Expect(_tickets.Count);
        buffers.DirectoryExpiry.Expect(_expiry.Count);
    }

    /// <summary>
    /// Writes what <see cref="Capture"/> copied into <paramref name="buffers"/>: the entries, then the expiry queue
    /// in its order (as positions among the entries), which decides when each entry is forgotten. Times are
    /// written as changes from the previous entry's, as entries are mostly in time order.
    /// </summary>
    public static void Write(CheckpointWriter writer, CheckpointBuffers buffers)
    {
        var positions = new[] { WriteEntries(writer, buffers.DirectoryContacts.Items), WriteEntries(writer, buffers.DirectoryTickets.Items) };
        var expiry = buffers.DirectoryExpiry.Items;
        var queued = 0;
        foreach (var (ticket, id, _) in expiry)
        {
            queued += positions[ticket ? 1 : 0].ContainsKey(id) ? 1 : 0;
        }

        writer.WriteCount(queued);
        var lastMs = 0L;
        foreach (var (ticket, id, dueMs) in expiry)
        {
            if (positions[ticket ? 1 : 0].TryGetValue(id, out var position))
            {
                writer.WriteBoolean(ticket);
                writer.WriteCount(position);
                writer.WriteVarInt64(dueMs - lastMs);
                lastMs = dueMs;
            }
        }
    }

    public void Load(CheckpointReader reader)
    {
        var ids = new[] { LoadEntries(reader, _contacts), LoadEntries(reader, _tickets) };
        var queued = reader.ReadCount();
        var lastMs = 0L;
        for (var i = 0; i < queued; i++)
        {
            var ticket = reader.ReadBoolean();
            var position = reader.ReadCount();
            lastMs += reader.ReadVarInt64();
            var known = ids[ticket ? 1 : 0];
            _expiry.Enqueue((ticket, position < known.Length ? known[position] : throw new InvalidDataException("A checkpointed expiry names no entry."), lastMs));
        }
    }

    private static Dictionary<string, int> WriteEntries(CheckpointWriter writer, ReadOnlySpan<KeyValuePair<string, (Interaction Interaction, long LastMs)>> entries)
    {
        var positions = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
        writer.WriteCount(entries.Length);
        var lastMs = 0L;
        foreach (var (id, (interaction, atMs)) in entries)
        {
            positions.Add(id, positions.Count);
            writer.WriteId(id);
            writer.WriteName(interaction.Queue);
            writer.WriteName(interaction.Channel);
            writer.WriteName(interaction.AgentId);
            writer.WriteName(interaction.Category);
            writer.WriteVarInt64(atMs - lastMs);
            lastMs = atMs;
        }

        return positions;
    }

    private static string[] LoadEntries(CheckpointReader reader, Dictionary<string, (Interaction Interaction, long LastMs)> entries)
    {
        var ids = new string[reader.ReadCount()];
        var lastMs = 0L;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = reader.ReadRequiredString();
            var interaction = new Interaction(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
            lastMs += reader.ReadVarInt64();
            if (!entries.TryAdd(id, (interaction, lastMs)))
            {
                throw new InvalidDataException($"The checkpoint names the interaction {id} twice.");
            }

            ids[i] = id;
        }

        return ids;
    }

    private void Remember(Dictionary<string, (Interaction, long)> entries, bool ticket, string id, Interaction interaction, long atMs)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(entries, id, out var known);
        entry = (interaction, atMs);
        if (!known)
        {
            _expiry.Enqueue((ticket, id, atMs + _memoryMs));
        }
    }

    private static void Copy(
        Dictionary<string, (Interaction Interaction, long LastMs)> entries, CaptureBuffer<KeyValuePair<string, (Interaction Interaction, long LastMs)>> into)
    {
        var (array, index) = into.AppendToArray(entries.Count);
        ((ICollection<KeyValuePair<string, (Interaction Interaction, long LastMs)>>)entries).CopyTo(array, index);
    }
}
