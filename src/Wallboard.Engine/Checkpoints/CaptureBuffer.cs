using System.Runtime.CompilerServices;

namespace Wallboard.Engine.Checkpoints;

/// <summary>
/// An array a capture copies into, filled from the start each time and kept for the next capture: see
/// <see cref="CheckpointBuffers"/> for why.
/// </summary>
internal sealed class CaptureBuffer<T>
{
    private const int Slack = 1024;

    private T[] _items = [];
    private int _lastCount;

    public int Count { get; private set; }

    /// <summary>What the capture put in.</summary>
    public ReadOnlySpan<T> Items => _items.AsSpan(0, Count);

    /// <summary>Has the next reservation size the array for <paramref name="count"/> items, as if the last capture had held them.</summary>
    public void Expect(int count) => _lastCount = count;

    /// <summary>
    /// Sizes the array, before the capture and outside the engine's lock, for what the last capture held and a
    /// quarter more; one far too large for that is given back.
    /// </summary>
    public void ReserveLikeLastCapture()
    {
        var wanted = _lastCount + (_lastCount / 4) + Slack;
        if (_items.Length < wanted || _items.Length > (2 * wanted) + Slack)
        {
            // A large array comes straight from pages the process never wrote, which the collector need not clear;
            // clearing it here takes their first-write faults now instead of under the lock.
            _items = new T[wanted];
            Array.Clear(_items);
        }
    }

    /// <summary>Room for <paramref name="count"/> more items at the end (the array grows, under the lock, if the state outgrew the reserve).</summary>
    public Span<T> Append(int count)
    {
        var start = AppendRange(count);
        return _items.AsSpan(start, count);
    }

    /// <summary>Like <see cref="Append"/>, as the array and the index of the room (for <c>CopyTo(array, index)</c>).</summary>
    public (T[] Array, int Index) AppendToArray(int count)
    {
        var start = AppendRange(count);
        return (_items, start);
    }

    public void Add(T item) => Append(1)[0] = item;

    /// <summary>Empties the buffer for the next capture, dropping its references so that what they point to can be collected.</summary>
    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, 0, Count);
        }

        _lastCount = Count;
        Count = 0;
    }

    private int AppendRange(int count)
    {
        var start = Count;
        if (_items.Length - start < count)
        {
            var grown = new T[Math.Max(start + count, _items.Length + (_items.Length / 2))];
            _items.AsSpan(0, start).CopyTo(grown);
            _items = grown;
        }

        Count = start + count;
        return start;
    }
}
