namespace Wallboard.Engine.Windows;

/// <summary>The windows' cursors over the panes, moved when a sum is read or the ring is full.</summary>
internal sealed partial class PaneRing
{
    // Moves each window's cursor past the panes at or before the window's start; nothing to do when the
    // clock has not moved since the last time, which is most reads of a snapshot tick.
    private void MoveCursors()
    {
        if (_cursorsAt == _now)
        {
            return;
        }

        for (var w = 0; w < _windowSeconds.Length; w++)
        {
            var boundary = _now - _windowSeconds[w];
            var cursor = (int)_block[w];
            while (cursor < _count && SecondOf(cursor) <= boundary)
            {
                cursor++;
            }

            _block[w] = cursor;
        }

        _cursorsAt = _now;
    }

    // Drops the oldest panes while the next one also lies before the longest window: the last of them stays
    // as the start every window subtracts. The cursors must have been moved to the clock first.
    private void DropBeyondLongestWindow()
    {
        var boundary = _now - _longestWindow;
        var dropped = 0;
        while (_count > 1 && SecondOf(1) <= boundary)
        {
            _head = (_head + 1) & (_capacity - 1);
            _count--;
            dropped++;
        }

        if (dropped > 0)
        {
            for (var w = 0; w < _windowSeconds.Length; w++)
            {
                _block[w] -= dropped;
            }
        }
    }
}
