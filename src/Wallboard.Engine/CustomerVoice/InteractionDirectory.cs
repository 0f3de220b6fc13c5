using System.IO.Hashing;
using System.Runtime.InteropServices;
using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.CustomerVoice;

/// <summary>
/// Remembers the queue, channel, agent and category of recent contacts and tickets for the interaction
/// memory (2 days by default), longer than the engine keeps the contacts themselves: a survey often
/// arrives hours after the call it rates. A contact is written here when the contact book forgets it (the
/// book answers for the contacts it still holds); a ticket on each of its events. An entry answers for
/// exactly the memory after it was written.
/// </summary>
/// <remarks>
/// Millions of contacts are written and forgotten for every survey that looks one up, so the writes are what
/// must be cheap. Entries go to a log in the order they are written (sequential memory, in chunks reused as
/// the oldest are forgotten), and an <see cref="InteractionIndex"/> maps each id's 64-bit digest to its last
/// entry: one cache miss to write a contact and one to forget it, where a dictionary keyed by the id string
/// cost about three for each and kept every id string alive for two days. A newer entry for the same id (a
/// ticket's next event) takes over the index; the older one is skipped when it comes to be forgotten.
/// </remarks>
internal sealed class InteractionDirectory(EngineClock clock, TimeSpan memory)
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;
    private const long ContactSeed = 0;
    private const long TicketSeed = 1;

    private readonly InteractionIndex _index = new();
    private readonly List<RememberedInteraction[]> _chunks = [];
    private readonly Stack<RememberedInteraction[]> _spareChunks = new();
    private readonly long _memoryMs = (long)memory.TotalMilliseconds;

    // Positions count every entry ever written; the oldest entry kept is at _head, the next one goes to _tail,
    // and _chunks[0] starts at _firstChunkAt (a multiple of the chunk size).
    private long _head;
    private long _tail;
    private long _firstChunkAt;

    /// <summary>Contacts and tickets remembered.</summary>
    public int Count => _index.Count;

    public void RememberContact(string contactId, Interaction interaction, long atMs) => Remember(KeyOf(contactId, ContactSeed), interaction, atMs);

    public void RememberTicket(string ticketId, Interaction interaction, long atMs) => Remember(KeyOf(ticketId, TicketSeed), interaction, atMs);

    public Interaction? Contact(string? contactId) => contactId is null ? null : Find(KeyOf(contactId, ContactSeed));

    public Interaction? Ticket(string? ticketId) => ticketId is null ? null : Find(KeyOf(ticketId, TicketSeed));

    /// <summary>Forgets what was written the memory or longer before the engine's clock.</summary>
    public void Expire()
    {
        // In write order: an entry written late with an older time waits behind the one before it, and Find
        // stops answering for it on time all the same.
        while (_head < _tail)
        {
            ref var oldest = ref At(_head);
            if (Answers(oldest))
            {
                break;
            }

            _index.RemoveIfAt(oldest.Key, _head);
            oldest = default;
            _head++;
            if ((_head & ChunkMask) == 0)
            {
                _spareChunks.Push(_chunks[0]);
                _chunks.RemoveAt(0);
                _firstChunkAt += ChunkSize;
            }
        }
    }

    /// <summary>Copies the entries, oldest first (immutable values and strings), into <paramref name="buffers"/>.</summary>
    public void Capture(CheckpointBuffers buffers)
    {
        var into = buffers.Directory.Append(checked((int)(_tail - _head)));
        var copied = 0;
        for (var position = _head; position < _tail; position = (position | ChunkMask) + 1)
        {
            var chunk = _chunks[(int)((position - _firstChunkAt) >> ChunkShift)];
            var from = (int)(position & ChunkMask);
            var length = (int)Math.Min(ChunkSize - from, _tail - position);
            chunk.AsSpan(from, length).CopyTo(into[copied..]);
            copied += length;
        }
    }

    /// <summary>Tells <paramref name="buffers"/> how much <see cref="Capture"/> would copy now.</summary>
    public void MeasureCapture(CheckpointBuffers buffers) => buffers.Directory.Expect(checked((int)(_tail - _head)));

    /// <summary>Writes what <see cref="Capture"/> copied into <paramref name="buffers"/>, times as changes from the previous entry's.</summary>
    public static void Write(CheckpointWriter writer, CheckpointBuffers buffers)
    {
        var entries = buffers.Directory.Items;
        writer.WriteCount(entries.Length);
        var lastMs = 0L;
        foreach (var (key, interaction, atMs) in entries)
        {
            writer.WriteInt64((long)key);
            writer.WriteName(interaction.Queue);
            writer.WriteName(interaction.Channel);
            writer.WriteName(interaction.AgentId);
            writer.WriteName(interaction.Category);
            writer.WriteVarInt64(atMs - lastMs);
            lastMs = atMs;
        }
    }

    public void Load(CheckpointReader reader)
    {
        var count = reader.ReadCount();
        var lastMs = 0L;
        for (var i = 0; i < count; i++)
        {
            var key = (ulong)reader.ReadInt64();
            var interaction = new Interaction(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
            lastMs += reader.ReadVarInt64();
            Remember(key, interaction, lastMs);
        }
    }

    private static ulong KeyOf(string id, long seed) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()), seed);

    private Interaction? Find(ulong key)
    {
        var position = _index.Find(key);
        if (position < 0)
        {
            return null;
        }

        ref var entry = ref At(position);
        return Answers(entry) ? entry.Interaction : null;
    }

    private bool Answers(in RememberedInteraction entry) => entry.AtMs + _memoryMs > clock.NowMs;

    private void Remember(ulong key, Interaction interaction, long atMs)
    {
        if (_tail - _firstChunkAt == (long)_chunks.Count * ChunkSize)
        {
            _chunks.Add(_spareChunks.TryPop(out var spare) ? spare : new RememberedInteraction[ChunkSize]);
        }

        At(_tail) = new RememberedInteraction(key, interaction, atMs);
        _index.Set(key, _tail);
        _tail++;
    }

    private ref RememberedInteraction At(long position) =>
        ref _chunks[(int)((position - _firstChunkAt) >> ChunkShift)][position & ChunkMask];
}
