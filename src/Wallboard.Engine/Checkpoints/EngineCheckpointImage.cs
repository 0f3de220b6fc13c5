using Wallboard.Engine.Agents;
using Wallboard.Engine.Contacts;
using Wallboard.Engine.CustomerVoice;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Tickets;

namespace Wallboard.Engine.Checkpoints;

/// <summary>
/// The engine's state as it was at one instant (<see cref="KpiEngine.Capture"/>), holding nothing the engine
/// changes afterwards: it is written while the engine goes on ingesting, and holds exactly what the engine
/// held when it was taken. <see cref="KpiEngine.Load"/> reads what it writes. Disposing it hands its
/// buffers back for the next capture.
/// </summary>
internal sealed class EngineCheckpointImage(
    string fingerprint,
    bool started,
    long nowMs,
    (ScopeId Id, ScopeState.Image Image)[] scopes,
    DuplicateFilter.Image duplicates,
    WallboardEvent[] held,
    CheckpointBuffers buffers,
    Action<CheckpointBuffers> release) : IDisposable
{
    /// <summary>The last four bytes of every checkpoint: a checkpoint cut short or misread does not end with them.</summary>
    public const int EndMark = 0x50434257;

    private bool _released;

    /// <summary>Events kept (those of contacts, agents and tickets, and those held for the future).</summary>
    public long EventCount => (long)buffers.ContactEvents.Count + buffers.AgentEvents.Count + buffers.TicketEvents.Count + held.Length;

    public void WriteTo(Stream destination)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        using var writer = new CheckpointWriter(destination);
        writer.WriteInt32(KpiEngine.FormatVersion);
        writer.WriteId(fingerprint);
        writer.WriteBoolean(started);
        writer.WriteInt64(nowMs);
        writer.WriteCount(scopes.Length);
        foreach (var (id, image) in scopes)
        {
            writer.WriteByte((byte)id.Kind);
            writer.WriteName(id.Name);
            image.WriteTo(writer, buffers.Numbers.Items);
        }

        ContactBook.Write(writer, buffers);
        AgentRoster.Write(writer, buffers);
        TicketBook.Write(writer, buffers);
        InteractionDirectory.Write(writer, buffers);
        duplicates.WriteTo(writer, buffers);
        writer.WriteCount(held.Length);
        foreach (var future in held)
        {
            CheckpointEvents.Write(writer, future);
        }

        writer.WriteInt32(EndMark);
        writer.Flush();
    }

    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        buffers.Clear();
        release(buffers);
    }
}
