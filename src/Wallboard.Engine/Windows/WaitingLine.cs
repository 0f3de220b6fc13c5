namespace Wallboard.Engine.Windows;

/// <summary>
/// The contacts waiting in one scope, oldest first, for <c>contactsWaiting</c> and <c>longestWait</c>.
/// Contacts join at the back in the usual case; one queued out of order walks back to its place
/// (bounded by the lateness); leaving is O(1) through the contact's own node.
/// </summary>
internal sealed class WaitingLine
{
    private WaitingLineNode? _first;
    private WaitingLineNode? _last;

    public int Count { get; private set; }

    /// <summary>Queued time (Unix ms) of the oldest waiting contact, or null when none waits.</summary>
    public long? OldestQueuedMs => _first?.QueuedMs;

    public void Join(WaitingLineNode node, long queuedMs)
    {
        if (node.Line is not null)
        {
            node.Line.Leave(node);
        }

        node.QueuedMs = queuedMs;
        node.Line = this;
        var after = _last;
        while (after is not null && after.QueuedMs > queuedMs)
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
    }

    public void Leave(WaitingLineNode node)
    {
        if (node.Line != this)
        {
            return;
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
