namespace Wallboard.Engine.Windows;

/// <summary>
/// Entities ordered by a key (a second), with cursors that count how many keys are at or before a
/// boundary that only moves forward with the clock: "backlog older than a day" or "first-reply target
/// passed" are counts, not scans. Joining and leaving are O(1) but for walking back to an out-of-order
/// key; moving a cursor is amortised O(1).
/// </summary>
internal sealed class CountingLine(int cursors)
{
    private readonly long[] _boundaries = Enumerable.Repeat(long.MinValue, cursors).ToArray();
    private readonly int[] _atOrBefore = new int[cursors];
    private readonly CountingLineNode?[] _firstAfter = new CountingLineNode?[cursors];
    private CountingLineNode? _first;
    private CountingLineNode? _last;

    public int Count { get; private set; }

    /// <summary>How many keys are at or before cursor <paramref name="cursor"/>'s boundary.</summary>
    public int AtOrBefore(int cursor) => _atOrBefore[cursor];

    /// <summary>Moves a cursor's boundary forward (never back).</summary>
    public void MoveCursor(int cursor, long boundary)
    {
        if (boundary <= _boundaries[cursor])
        {
            return;
        }

        _boundaries[cursor] = boundary;
        var next = _firstAfter[cursor];
        while (next is not null && next.Key <= boundary)
        {
            _atOrBefore[cursor]++;
            next = next.Next;
        }

        _firstAfter[cursor] = next;
    }

    public void Join(CountingLineNode node, long key)
    {
        if (node.Line == this && node.Key == key)
        {
            return;
        }

        node.Line?.Leave(node);
        node.Key = key;
        node.Line = this;
        var after = _last;
        while (after is not null && after.Key > key)
        {
            after = after.Previous;
        }

        node.Previous = after;
        node.Next = after is null ? _first : after.Next;
        if (node.Next is null)
        {
            _last = node;
        }
        else
        {
            node.Next.Previous = node;
        }

        if (after is null)
        {
            _first = node;
        }
        else
        {
            after.Next = node;
        }

        Count++;
        for (var cursor = 0; cursor < _boundaries.Length; cursor++)
        {
            if (key <= _boundaries[cursor])
            {
                _atOrBefore[cursor]++;
            }
            else if (_firstAfter[cursor] is not { } firstAfter || key < firstAfter.Key)
            {
                _firstAfter[cursor] = node;
            }
        }
    }

    public void Leave(CountingLineNode node)
    {
        if (node.Line != this)
        {
            return;
        }

        for (var cursor = 0; cursor < _boundaries.Length; cursor++)
        {
            if (node.Key <= _boundaries[cursor])
            {
                _atOrBefore[cursor]--;
            }
            else if (_firstAfter[cursor] == node)
            {
                _firstAfter[cursor] = node.Next;
            }
        }

        if (node.Previous is null)
        {
            _first = node.Next;
        }
        else
        {
            node.Previous.Next = node.Next;
        }

        if (node.Next is null)
        {
            _last = node.Previous;
        }
        else
        {
            node.Next.Previous = node.Previous;
        }

        node.Previous = null;
        node.Next = null;
        node.Line = null;
        Count--;
    }
}
