namespace Wallboard.Engine.Windows;

/// <summary>
/// The pane of a measurement that arrived after a later one (inside the allowed lateness): found by a binary
/// search over the panes' seconds, or opened between two panes from the running sums of the one before.
/// </summary>
internal sealed partial class PaneRing
{
    // Returns the logical index of the pane for a second older than the newest pane, creating it when missing.
    private int LocateOutOfOrder(long second)
    {
        var low = 0;
        var high = _count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var midSecond = _seconds[Physical(mid)];
            if (midSecond == second)
            {
                return mid;
            }

            if (midSecond < second)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        // A new pane starts from the running sums of the pane before it (nothing before the first: the ring keeps
        // the newest pane older than the longest window, and this second is inside it).
        var slot = InsertAt(low, second);
        var values = _values.AsSpan(slot * _fieldCount, _fieldCount);
        if (low == 0)
        {
            values.Clear();
        }
        else
        {
            PaneValues(low - 1).CopyTo(values);
        }

        return low;
    }

    private Span<long> PaneValues(int logical) => _values.AsSpan(Physical(logical) * _fieldCount, _fieldCount);
}
