namespace Wallboard.Engine.Windows;

/// <summary>
/// The contacts waiting in one scope, oldest first, for <c>contactsWaiting</c> and <c>longestWait</c>.
/// </summary>
/// <remarks>
/// The line is two parallel arrays sorted by queued time: the times themselves, so that finding a place
/// is a binary search over contiguous numbers, and the nodes. A contact queued in order is appended;
/// one queued out of order is inserted by moving the later entries up one slot. A linked list walked
/// back from its end did that node by node, a cache miss each: with several sources sending at once
/// (a load test's eight producers, minutes apart in event time) a walk passed hundreds of contacts and
/// took 6% of the server. A contact leaves by a binary search for its time and becomes a hole; holes at
/// either end are dropped at once, those inside when they outnumber the waiting contacts.
/// </remarks>
internal sealed class WaitingLine
{
    private long[] _queuedMs = new long[4];
    private WaitingLineNode?[] _nodes = new WaitingLineNode?[4];
    private int _start;
    private int _end;
    private int _holes;

    public int Count { get; private set; }

    /// <summary>Queued time (Unix ms) of the oldest waiting contact, or null when none waits.</summary>
    public long? OldestQueuedMs => Count == 0 ? null : _queuedMs[_start];

    public void Join(WaitingLineNode node, long queuedMs)
    {
        node.Line?.Leave(node);
        node.QueuedMs = queuedMs;
        node.Line = this;
        Count++;
        if (_end == _start || _queuedMs[_end - 1] <= queuedMs)
        {
            Append(node, queuedMs);
            return;
        }

        // After every entry of the same time, so that contacts queued in the same millisecond keep their arrival order.
        var at = UpperBound(queuedMs);
        if (at > _start && _nodes[at - 1] is null)
        {
            // A hole right before the place (its time is not later): taking it keeps the times sorted.
            _queuedMs[at - 1] = queuedMs;
            _nodes[at - 1] = node;
            _holes--;
            return;
        }

        if (_end == _nodes.Length)
        {
            MakeRoom();
            at = UpperBound(queuedMs);
        }

        Array.Copy(_queuedMs, at, _queuedMs, at + 1, _end - at);
        Array.Copy(_nodes, at, _nodes, at + 1, _end - at);
        _queuedMs[at] = queuedMs;
        _nodes[at] = node;
        _end++;
    }

    public void Leave(WaitingLineNode node)
    {
        if (node.Line != this)
        {
            return;
        }

        var at = LowerBound(node.QueuedMs);
        while (!ReferenceEquals(_nodes[at], node))
        {
            at++;
        }

        _nodes[at] = null;
        node.Line = null;
        Count--;
        _holes++;
        DropHolesAtTheEnds();
        if (_holes > Count && _holes > 16)
        {
            MakeRoom();
        }
    }

    /// <summary>The waiting contacts, oldest first.</summary>
    public IEnumerable<WaitingLineNode> InOrder()
    {
        for (var i = _start; i < _end; i++)
        {
            if (_nodes[i] is { } node)
            {
                yield return node;
            }
        }
    }

    private void Append(WaitingLineNode node, long queuedMs)
    {
        if (_end == _nodes.Length)
        {
            MakeRoom();
        }

        _queuedMs[_end] = queuedMs;
        _nodes[_end] = node;
        _end++;
    }

    private void DropHolesAtTheEnds()
    {
        while (_start < _end && _nodes[_start] is null)
        {
            _start++;
            _holes--;
        }

        while (_end > _start && _nodes[_end - 1] is null)
        {
            _end--;
            _holes--;
        }

        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    // Moves the entries to the front without their holes; grows the arrays when that would leave less than a
    // quarter free. When a contact is being placed (Join), Count already includes it.
    private void MakeRoom()
    {
        var capacity = Count > _nodes.Length * 3 / 4 ? _nodes.Length * 2 : _nodes.Length;
        var queuedMs = capacity == _nodes.Length ? _queuedMs : new long[capacity];
        var nodes = capacity == _nodes.Length ? _nodes : new WaitingLineNode?[capacity];
        var to = 0;
        for (var from = _start; from < _end; from++)
        {
            if (_nodes[from] is { } node)
            {
                queuedMs[to] = _queuedMs[from];
                nodes[to] = node;
                to++;
            }
        }

        Array.Clear(nodes, to, nodes.Length - to);
        _queuedMs = queuedMs;
        _nodes = nodes;
        _start = 0;
        _end = to;
        _holes = 0;
    }

    // First index in [start, end) whose time is at least the given one.
    private int LowerBound(long queuedMs)
    {
        var low = _start;
        var high = _end;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_queuedMs[mid] < queuedMs)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    // First index in [start, end) whose time is later than the given one.
    private int UpperBound(long queuedMs)
    {
        var low = _start;
        var high = _end;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_queuedMs[mid] <= queuedMs)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
