using Wallboard.Engine.Agents;
using Wallboard.Engine.Contacts;
using Wallboard.Engine.CustomerVoice;
using Wallboard.Engine.Events;
using Wallboard.Engine.Tickets;

namespace Wallboard.Engine.Checkpoints;

/// <summary>
/// The arrays a capture copies the engine's state into (<see cref="KpiEngine.Capture"/>), kept from one
/// checkpoint to the next and sized before each capture, outside the engine's lock.
/// </summary>
/// <remarks>
/// Memory the process has not written yet costs a page fault per 4 KB page on its first write: about 13 µs
/// on this project's VM, 3.5 ms per MB, against 0.05 ms per MB to copy into memory already written. Copying
/// a few hundred MB of state into new arrays spent most of the lock's time in the kernel; into these arrays,
/// reused and grown ahead of time, it is a copy. They stay allocated between checkpoints (about the size of
/// the copied state), as the server's checkpoint stream does. New buffers are sized by counting the state
/// first (<see cref="KpiEngine.MeasureCapture"/>), which walks it under the lock but writes nothing.
/// </remarks>
internal sealed class CheckpointBuffers
{
    /// <summary>Every scope's panes and wait maxima, one scope after another.</summary>
    public CaptureBuffer<long> Numbers { get; } = new();

    public CaptureBuffer<ContactBook.SavedContact> Contacts { get; } = new();

    /// <summary>The contacts' events, contact after contact.</summary>
    public CaptureBuffer<WallboardEvent> ContactEvents { get; } = new();

    public CaptureBuffer<(string CustomerId, int Entries)> Customers { get; } = new();

    /// <summary>The customers' entries, customer after customer.</summary>
    public CaptureBuffer<CustomerHistory.SavedEntry> CustomerEntries { get; } = new();

    public CaptureBuffer<AgentRoster.SavedAgent> Agents { get; } = new();

    public CaptureBuffer<AgentStateChanged> AgentEvents { get; } = new();

    public CaptureBuffer<TicketBook.SavedTicket> Tickets { get; } = new();

    public CaptureBuffer<WallboardEvent> TicketEvents { get; } = new();

    /// <summary>The interaction directory's entries, oldest first.</summary>
    public CaptureBuffer<RememberedInteraction> Directory { get; } = new();

    /// <summary>The duplicate filter's digests of the current bucket (the closed ones are kept as they are).</summary>
    public CaptureBuffer<UInt128> CurrentDigests { get; } = new();

    public void ReserveLikeLastCapture()
    {
        Numbers.ReserveLikeLastCapture();
        Contacts.ReserveLikeLastCapture();
        ContactEvents.ReserveLikeLastCapture();
        Customers.ReserveLikeLastCapture();
        CustomerEntries.ReserveLikeLastCapture();
        Agents.ReserveLikeLastCapture();
        AgentEvents.ReserveLikeLastCapture();
        Tickets.ReserveLikeLastCapture();
        TicketEvents.ReserveLikeLastCapture();
        Directory.ReserveLikeLastCapture();
        CurrentDigests.ReserveLikeLastCapture();
    }

    public void Clear()
    {
        Numbers.Clear();
        Contacts.Clear();
        ContactEvents.Clear();
        Customers.Clear();
        CustomerEntries.Clear();
        Agents.Clear();
        AgentEvents.Clear();
        Tickets.Clear();
        TicketEvents.Clear();
        Directory.Clear();
        CurrentDigests.Clear();
    }
}
