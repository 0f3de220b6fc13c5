using Wallboard.Engine.Events;

namespace Wallboard.Engine.Ingestion;

/// <summary>
/// Events stamped slightly ahead of the wall clock (within the skew allowance): held, bounded, and
/// applied when the clock reaches their time, so that no window ever holds a measurement from its future.
/// </summary>
internal sealed class FutureEvents(int capacity)
{
    private readonly PriorityQueue<WallboardEvent, long> _held = new();

    public int Count => _held.Count;

    public int Capacity => capacity;

    public bool TryHold(WallboardEvent futureEvent)
    {
        if (_held.Count >= capacity)
        {
            return false;
        }

        _held.Enqueue(futureEvent, futureEvent.Timestamp.ToUnixTimeMilliseconds());
        return true;
    }

    public IEnumerable<WallboardEvent> Held => _held.UnorderedItems.Select(item => item.Element);

    public bool TryTakeDue(long nowMs, out WallboardEvent? dueEvent)
    {
        if (_held.TryPeek(out var next, out var atMs) && atMs <= nowMs)
        {
            _held.Dequeue();
            dueEvent = next;
            return true;
        }

        dueEvent = null;
        return false;
    }
}
