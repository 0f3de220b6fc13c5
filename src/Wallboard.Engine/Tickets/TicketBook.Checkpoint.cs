using System.Runtime.InteropServices;
using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Tickets;

/// <summary>Checkpointing of the tickets: each as its events, re-derived on load without writing measurements.</summary>
internal sealed partial class TicketBook
{
    /// <summary>Copies the tickets into <paramref name="buffers"/>: their fields and their events (immutable).</summary>
    public void Capture(CheckpointBuffers buffers)
    {
        foreach (var ticket in _tickets.Values)
        {
            var events = ticket.Events;
            buffers.Tickets.Add(new SavedTicket(ticket.TicketId, ticket.LastEventMs, ticket.InCohort, events.Count));
            CollectionsMarshal.AsSpan(events).CopyTo(buffers.TicketEvents.Append(events.Count));
        }
    }

    /// <summary>Tells <paramref name="buffers"/> how much <see cref="Capture"/> would copy now.</summary>
    public void MeasureCapture(CheckpointBuffers buffers)
    {
        var events = 0;
        foreach (var ticket in _tickets.Values)
        {
            events += ticket.Events.Count;
        }

        buffers.Tickets.Expect(_tickets.Count);
        buffers.TicketEvents.Expect(events);
    }

    /// <summary>Writes what <see cref="Capture"/> copied into <paramref name="buffers"/>.</summary>
    public static void Write(CheckpointWriter writer, CheckpointBuffers buffers)
    {
        var events = buffers.TicketEvents.Items;
        writer.WriteCount(buffers.Tickets.Count);
        var e = 0;
        foreach (var ticket in buffers.Tickets.Items)
        {
            writer.WriteId(ticket.TicketId);
            writer.WriteVarInt64(ticket.LastEventMs);
            writer.WriteBoolean(ticket.InCohort);
            CheckpointEvents.WriteOwned(writer, ticket.TicketId, events.Slice(e, ticket.EventCount));
            e += ticket.EventCount;
        }
    }

    public void Load(CheckpointReader reader)
    {
        var discard = new ContributionWriter().Adding(long.MaxValue);
        var tickets = reader.ReadCount();
        for (var i = 0; i < tickets; i++)
        {
            var ticket = new TicketTimeline(reader.ReadRequiredString()) { LastEventMs = reader.ReadVarInt64(), InCohort = reader.ReadBoolean() };
            CheckpointEvents.ReadOwned(reader, ticket.TicketId, ticket.Events);
            ticket.State = _fold.Replay(ticket.Events, discard);
            _tickets.Add(ticket.TicketId, ticket);
            UpdateLines(ticket);
            if (ticket.State.Resolved)
            {
                _resolved.Enqueue((ticket, ticket.Generation, ticket.LastEventMs + _retentionMs));
            }
        }
    }

    internal readonly record struct SavedTicket(string TicketId, long LastEventMs, bool InCohort, int EventCount);
}
