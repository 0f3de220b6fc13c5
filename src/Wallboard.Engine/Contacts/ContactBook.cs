using Wallboard.Engine.Events;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Contacts;

/// <summary>
/// The contacts the engine knows, their waiting lines and their customers' histories. An event that
/// arrives in order for its contact is one derivation step; one that arrives out of order retracts the
/// contact's measurements from its time on and derives them again, so the windows end up exactly as if
/// the events had arrived in order.
/// </summary>
internal sealed partial class ContactBook
{
    private readonly IdDirectory<ContactTimeline> _contacts = new(contact => contact.ContactId);
    private readonly IdDirectory<CustomerHistory> _customers = new(customer => customer.CustomerId);
    private readonly Queue<(ContactTimeline Contact, int Generation, long DueMs)> _open = new();
    private readonly Queue<(ContactTimeline Contact, int Generation, long DueMs)> _finished = new();
    private readonly Queue<(CustomerHistory Customer, long DueMs)> _customerExpiry = new();
    private readonly List<ContactTimeline> _stale = [];

    // Forgotten contacts are reused: a contact lives for minutes (at a high event rate, long enough to be
    // promoted out of gen0) and then dies, so allocating each one fed the gen2 heap and its collections.
    private readonly Stack<ContactTimeline> _spareContacts = new();
    private readonly Stack<CustomerHistory> _spareCustomers = new();

    // Created once: a lambda that reads instance fields would allocate a closure on every Expire call.
    private readonly Func<ContactTimeline, long> _finishedDue;
    private readonly Func<ContactTimeline, long> _openDue;
    private readonly ScopeRegistry _scopes;
    private readonly EngineClock _clock;
    private readonly ContactFold _fold;
    private readonly ContributionWriter _writer = new();
    private readonly Func<string, QueueSettings> _settingsFor;
    private readonly Action<ContactTimeline> _forgetting;
    private readonly long _latenessMs;
    private readonly long _openTimeoutMs;
    private readonly long _customerRetentionMs;

    // forgetting: told of each contact just before it is forgotten, while its state is still whole.
    public ContactBook(
        ScopeRegistry scopes, EngineClock clock, EngineOptions options, Func<string, ScopeState> agentScopeFor, Action<ContactTimeline> forgetting)
    {
        _scopes = scopes;
        _forgetting = forgetting;
        _clock = clock;
        _settingsFor = options.SettingsFor;
        _fold = new ContactFold(scopes, options.SettingsFor, agentScopeFor);
        _latenessMs = (long)options.AllowedLateness.TotalMilliseconds;
        _openTimeoutMs = (long)options.OpenContactTimeout.TotalMilliseconds;
        var longestHorizon = options.Queues.Values
            .Select(overrides => overrides.RepeatContactHorizon ?? TimeSpan.Zero)
            .Append(options.Defaults.RepeatContactHorizon)
            .Max();
        _customerRetentionMs = (long)(longestHorizon + options.AllowedLateness).TotalMilliseconds;
        _finishedDue = contact => contact.State.IsTerminal ? contact.LastEventMs + _latenessMs : long.MaxValue;
        _openDue = contact => contact.LastEventMs + _openTimeoutMs;
    }

    public int Count => _contacts.Count;

    public ContactTimeline? Find(string contactId) => _contacts.Find(contactId, IdHash.Of(contactId));

    public int CustomerCount => _customers.Count;

    public void Apply(WallboardEvent contactEvent, string contactId)
    {
        var atMs = contactEvent.Timestamp.ToUnixTimeMilliseconds();
        var fromMs = Math.Max(atMs, _clock.LateBoundaryMs);
        var contact = GetOrCreate(contactId);
        var wasTerminal = contact.State.IsTerminal;
        // The first queue matters too: it sets the repeat horizon (two queued events of one millisecond
        // are derived in id order, so a later-arriving one can become the first without changing the time).
        var firstQueuedBefore = (contact.State.EverQueued, contact.State.FirstQueuedMs, contact.State.FirstQueue, contact.State.CustomerId);

        if (contact.IsInOrder(contactEvent))
        {
            contact.Events.Add(contactEvent);
            _fold.Step(ref contact.State, contactEvent, contact.IsRepeat, _writer.Adding(fromMs));
        }
        else
        {
            _fold.Replay(contact.Events, contact.IsRepeat, _writer.Retraction(fromMs));
            contact.Insert(contactEvent);
            contact.State = _fold.Replay(contact.Events, contact.IsRepeat, _writer.Adding(fromMs));
        }

        contact.LastEventMs = Math.Max(contact.LastEventMs, atMs);
        UpdateWaitingLines(contact);
        if (firstQueuedBefore != (contact.State.EverQueued, contact.State.FirstQueuedMs, contact.State.FirstQueue, contact.State.CustomerId))
        {
            UpdateCustomer(contact);
        }

        if (!wasTerminal && contact.State.IsTerminal)
        {
            _finished.Enqueue((contact, contact.Generation, contact.LastEventMs + _latenessMs));
        }
    }

    /// <summary>Forgets contacts that finished more than the lateness ago, or went silent for the open-contact timeout.</summary>
    public void Expire()
    {
        var nowMs = _clock.NowMs;
        ExpireFrom(_finished, _finishedDue, nowMs);
        ExpireFrom(_open, _openDue, nowMs);
        while (_customerExpiry.TryPeek(out var head) && head.DueMs <= nowMs)
        {
            _customerExpiry.Dequeue();
            head.Customer.Prune(nowMs - _customerRetentionMs);

            // A customer can have several entries in this queue, and a history dropped earlier can come up again
            // while another serves its customer now: removing by reference leaves that one in place.
            if (head.Customer.Count == 0 && _customers.Remove(head.Customer, head.Customer.IdHash))
            {
                _spareCustomers.Push(head.Customer);
            }
        }
    }

    private ContactTimeline GetOrCreate(string contactId)
    {
        var hash = IdHash.Of(contactId);
        var contact = _contacts.Find(contactId, hash);
        if (contact is null)
        {
            contact = _spareContacts.TryPop(out var spare) ? spare.Reuse(contactId, hash) : new ContactTimeline(contactId, hash);
            _contacts.Add(contact, hash);
            _open.Enqueue((contact, contact.Generation, _clock.NowMs + _openTimeoutMs));
        }

        return contact;
    }

    private void UpdateWaitingLines(ContactTimeline contact)
    {
        ref var state = ref contact.State;
        var nodes = contact.WaitingNodes;
        if (!state.Waiting)
        {
            foreach (var node in nodes)
            {
                node.Line?.Leave(node);
            }

            return;
        }

        Join(nodes[0], _scopes.All, state.QueuedMs);
        Join(nodes[1], state.QueueScope!, state.QueuedMs);
        Join(nodes[2], state.ChannelScope!, state.QueuedMs);
    }

    private static void Join(Windows.WaitingLineNode node, ScopeState scope, long queuedMs)
    {
        if (node.Line != scope.Waiting || node.QueuedMs != queuedMs)
        {
            scope.Waiting.Join(node, queuedMs);
        }
    }

    private void UpdateCustomer(ContactTimeline contact)
    {
        ref var state = ref contact.State;
        if (!state.EverQueued || state.CustomerId is null)
        {
            return;
        }

        var hash = IdHash.Of(state.CustomerId);
        var customer = _customers.Find(state.CustomerId, hash);
        if (customer is null)
        {
            customer = _spareCustomers.TryPop(out var spare) ? spare.Reuse(state.CustomerId, hash) : new CustomerHistory(state.CustomerId, hash);
            _customers.Add(customer, hash);
        }

        // An earlier contact.queued with another customerId arrived late: the contact is no longer the previous
        // customer's (its entry must go, not stay live: the contact object is reused once forgotten).
        var previous = contact.Customer is { } known && !ReferenceEquals(known, customer) ? known : null;
        previous?.Remove(contact);
        contact.Customer = customer;
        // The settings looked up for the current queue serve when that is the first queue, as it nearly always is.
        var firstQueueSettings = ReferenceEquals(state.Queue, state.FirstQueue) ? state.Settings! : _settingsFor(state.FirstQueue!);
        var horizonMs = (long)firstQueueSettings.RepeatContactHorizon.TotalMilliseconds;
        customer.Place(contact, state.FirstQueuedMs, horizonMs);
        _customerExpiry.Enqueue((customer, state.FirstQueuedMs + _customerRetentionMs));

        _stale.Clear();
        previous?.CollectStaleFlags(_stale);
        customer.CollectStaleFlags(_stale);
        foreach (var stale in _stale)
        {
            FlipRepeat(stale);
        }
    }

    // A contact's repeat status changed because an earlier contact of its customer arrived late:
    // its measurements from its first queue on are derived again with the new status.
    private void FlipRepeat(ContactTimeline contact)
    {
        var fromMs = Math.Max(contact.State.FirstQueuedMs, _clock.LateBoundaryMs);
        _fold.Replay(contact.Events, contact.IsRepeat, _writer.Retraction(fromMs));
        contact.IsRepeat = !contact.IsRepeat;
        contact.State = _fold.Replay(contact.Events, contact.IsRepeat, _writer.Adding(fromMs));
    }

    // Entries are in (nearly) due order; one whose contact had news since is put back with its new due time.
    private void ExpireFrom(Queue<(ContactTimeline Contact, int Generation, long DueMs)> queue, Func<ContactTimeline, long> dueOf, long nowMs)
    {
        while (queue.TryPeek(out var head) && head.DueMs <= nowMs)
        {
            queue.Dequeue();
            if (head.Contact.Generation != head.Generation)
            {
                continue;
            }

            var dueMs = dueOf(head.Contact);
            if (dueMs == long.MaxValue)
            {
                continue;
            }

            if (dueMs > nowMs)
            {
                queue.Enqueue((head.Contact, head.Generation, dueMs));
                continue;
            }

            Forget(head.Contact);
        }
    }

    private void Forget(ContactTimeline contact)
    {
        _forgetting(contact);
        foreach (var node in contact.WaitingNodes)
        {
            node.Line?.Leave(node);
        }

        contact.Customer?.Forget(contact);
        _contacts.Remove(contact, contact.IdHash);
        contact.Generation++;
        _spareContacts.Push(contact);
    }
}
