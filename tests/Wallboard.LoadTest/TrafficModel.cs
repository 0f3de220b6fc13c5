using Wallboard.Engine.Events;

namespace Wallboard.LoadTest;

/// <summary>
/// A contact centre writing what its ACD would send: agents log in to queues over four channels;
/// contacts are queued, then answered by the longest-idle free agent (about 85%) or abandoned; answered
/// ones are completed (about 5% are transferred to another queue first), with the agent's busy, wrap-up
/// and available states around them. Each call returns the next event stamped with the time it is given,
/// so the caller decides the event time. Ids start with a per-run prefix and never repeat.
/// </summary>
/// <remarks>
/// About 80% of the agents are on a contact at any time, so every agent takes its turn and the events
/// per agent are <c>rate × 0.47 / agents</c> a second: the caller sizes the floor to the event rate, as
/// a real one would be (a few state changes per agent per minute), instead of cycling a few agents
/// through thousands of changes inside the lateness window.
/// </remarks>
internal sealed class TrafficModel
{
    private const double Occupancy = 0.8;
    private const double NewContactShare = 0.25;
    private const double AnswerShare = 0.85;
    private const double TransferShare = 0.05;
    private const int CustomerPool = 200_000;

    private readonly Random _random;
    private readonly string _idPrefix;
    private readonly Queue<OpenContact> _open = new();
    private readonly Queue<string> _freeAgents = new();
    private readonly Queue<string> _wrappingUp = new();
    private readonly Queue<Func<DateTimeOffset, WallboardEvent>> _followUps = new();
    private readonly string _site;
    private readonly int _openContacts;
    private readonly int _wrapUpBacklog;
    private int _loggedIn;
    private long _events;
    private long _contacts;

    /// <param name="idPrefix">Starts every event and contact id.</param>
    /// <param name="seed">The same seed gives the same events (with the same times).</param>
    /// <param name="agents">Agents on the floor; about 80% of them are on a contact at any time.</param>
    /// <param name="queues">Queues <c>q00</c>, <c>q01</c>, …; several sites may share them.</param>
    /// <param name="site">Starts agent and team ids, so that several models (sites) never share an agent.</param>
    public TrafficModel(string idPrefix, int seed, int agents, int queues, string site = "")
    {
        _idPrefix = idPrefix;
        _site = site;
        _random = new Random(seed);
        AgentCount = agents;
        QueueCount = queues;
        _openContacts = (int)(agents * Occupancy) + 2 * queues;
        _wrapUpBacklog = Math.Max(1, agents / 50);
    }

    public int AgentCount { get; }

    public int QueueCount { get; }

    public static string QueueName(int index) => $"q{index:00}";

    public static string ChannelOf(int queueIndex) => (queueIndex % 10) switch
    {
        < 5 => "voice",
        < 8 => "chat",
        < 9 => "sms",
        _ => "video",
    };

    /// <summary>The next event, at <paramref name="timestamp"/>.</summary>
    public WallboardEvent Next(DateTimeOffset timestamp)
    {
        if (_loggedIn < AgentCount)
        {
            return LogIn(_loggedIn++, timestamp);
        }

        if (_followUps.TryDequeue(out var followUp))
        {
            return followUp(timestamp);
        }

        if (_wrappingUp.Count > _wrapUpBacklog)
        {
            var agent = _wrappingUp.Dequeue();
            _freeAgents.Enqueue(agent);
            return StateChange(agent, AgentState.Available, timestamp);
        }

        return _open.Count < _openContacts || _random.NextDouble() < NewContactShare
            ? Arrive(timestamp)
            : Advance(_open.Dequeue(), timestamp);
    }

    /// <summary>A contact queued on a queue outside the model (the latency probes).</summary>
    public ContactQueued QueuedElsewhere(string queue, DateTimeOffset timestamp) =>
        new(NextId(), timestamp, $"{_idPrefix}-p{_contacts++}", queue, "voice", null);

    private string NextId() => $"{_idPrefix}-{_events++:x}";

    private AgentStateChanged LogIn(int index, DateTimeOffset timestamp)
    {
        var agent = $"{_site}a{index:000}";
        var queues = new List<string> { QueueName(index % QueueCount) };
        for (var extra = _random.Next(3); extra > 0; extra--)
        {
            var queue = QueueName(_random.Next(QueueCount));
            if (!queues.Contains(queue))
            {
                queues.Add(queue);
            }
        }

        _freeAgents.Enqueue(agent);
        return new AgentStateChanged(NextId(), timestamp, agent, AgentState.Available, queues, $"{_site}t{index / 20:00}", $"Agent {_site}{index}", null);
    }

    private AgentStateChanged StateChange(string agent, AgentState state, DateTimeOffset timestamp) =>
        new(NextId(), timestamp, agent, state, null, null, null, null);

    private ContactQueued Arrive(DateTimeOffset timestamp)
    {
        // Skewed so a few queues are busy and the tail is quiet, as on a real floor.
        var queueIndex = Math.Min(QueueCount - 1, (int)(QueueCount * Math.Pow(_random.NextDouble(), 1.5)));
        var contact = new OpenContact($"{_idPrefix}-c{_contacts++}", QueueName(queueIndex), ChannelOf(queueIndex));
        _open.Enqueue(contact);
        var customer = _random.NextDouble() < 0.7 ? $"cust-{_random.Next(CustomerPool)}" : null;
        return new ContactQueued(NextId(), timestamp, contact.ContactId, contact.Queue, contact.Channel, customer);
    }

    private WallboardEvent Advance(OpenContact contact, DateTimeOffset timestamp)
    {
        if (contact.AgentId is null)
        {
            return Answer(contact, timestamp);
        }

        var agent = contact.AgentId;
        if (_random.NextDouble() < TransferShare)
        {
            var queueIndex = _random.Next(QueueCount);
            contact.Queue = QueueName(queueIndex);
            contact.Channel = ChannelOf(queueIndex);
            contact.AgentId = null;
            _open.Enqueue(contact);
            _followUps.Enqueue(at => new ContactQueued(NextId(), at, contact.ContactId, contact.Queue, contact.Channel, null));
            _followUps.Enqueue(at => StateChange(agent, AgentState.Wrapup, at));
            _wrappingUp.Enqueue(agent);
            return new ContactTransferred(NextId(), timestamp, contact.ContactId, contact.Queue, Escalation: _random.NextDouble() < 0.3);
        }

        _followUps.Enqueue(at => StateChange(agent, AgentState.Wrapup, at));
        _wrappingUp.Enqueue(agent);
        var hold = _random.NextDouble() < 0.3 ? _random.Next(5, 90) : 0;
        var outcome = _random.NextDouble() < 0.1 ? new ContactOutcome(true, _random.NextDouble() < 0.3, false, false) : ContactOutcome.None;
        return new ContactCompleted(
            NextId(), timestamp, contact.ContactId, agent, _random.Next(30, 600), hold, _random.Next(5, 60), _random.NextDouble() < 0.8, outcome);
    }

    private WallboardEvent Answer(OpenContact contact, DateTimeOffset timestamp)
    {
        if (_freeAgents.Count == 0 || _random.NextDouble() >= AnswerShare)
        {
            return new ContactAbandoned(NextId(), timestamp, contact.ContactId);
        }

        var agent = _freeAgents.Dequeue();
        contact.AgentId = agent;
        _open.Enqueue(contact);
        _followUps.Enqueue(at => StateChange(agent, AgentState.Busy, at));
        return new ContactAnswered(NextId(), timestamp, contact.ContactId, agent);
    }
}
