using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>
/// Simulated events not yet taken by the event log, oldest first, bounded: while the log is away the
/// oldest are dropped, so a long outage costs history, never memory.
/// </summary>
internal sealed class PendingEvents(int capacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly List<WallboardEvent> _events = [];

    public int Count => _events.Count;

    /// <summary>Appends the events and returns how many of the oldest were dropped to stay within capacity.</summary>
    public int Add(IReadOnlyList<WallboardEvent> events)
    {
        _events.AddRange(events);
        var excess = Math.Max(0, _events.Count - capacity);
        _events.RemoveRange(0, excess);
        return excess;
    }

    /// <summary>Everything pending, oldest first (a copy: the batch to submit).</summary>
    public IReadOnlyList<WallboardEvent> Snapshot() => [.. _events];

    /// <summary>Forgets the oldest <paramref name="count"/> events, once they are in the log.</summary>
    public void Remove(int count) => _events.RemoveRange(0, Math.Min(count, _events.Count));
}
