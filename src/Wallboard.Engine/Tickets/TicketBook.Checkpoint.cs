using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Tickets;

/// <summary>Checkpointing of the tickets: each as its events, re-derived on load without writing measurements.</summary>
internal sealed partial class TicketBook
{
    public void Save(BinaryWriter writer)
    {
        writer.Write(_tickets.Count);
        foreach (var ticket in _tickets.Values)
        {
            writer.Write(ticket.TicketId);
            writer.Write(ticket.LastEventMs);
            writer.Write(ticket.InCohort);
            writer.Write(ticket.Events.Count);
            foreach (var ticketEvent in ticket.Events)
            {
                writer.Write(EventWriter.ToJson(ticketEvent));
            }
        }
    }

    public void Load(BinaryReader reader)
    {
        var discard = new ContributionWriter().Adding(long.MaxValue);
        var tickets = reader.ReadInt32();
        for (var i = 0; i < tickets; i++)
        {
            var ticket = new TicketTimeline(reader.ReadString()) { LastEventMs = reader.ReadInt64(), InCohort = reader.ReadBoolean() };
            var events = reader.ReadInt32();
            for (var e = 0; e < events; e++)
            {
                ticket.Events.Add(CheckpointEvents.Read(reader));
            }

            ticket.State = _fold.Replay(ticket.Events, discard);
            _tickets.Add(ticket.TicketId, ticket);
            UpdateLines(ticket);
            if (ticket.State.Resolved)
            {
                _resolved.Enqueue((ticket, ticket.Generation, ticket.LastEventMs + _retentionMs));
            }
        }
    }
}
