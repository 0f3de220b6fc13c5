using Wallboard.Engine.Events;

namespace Wallboard.Benchmarks.Workload;

/// <summary>
/// A seeded discrete-event simulation of a contact centre that writes the events its ACD would send:
/// 50 queues over 4 channels, 500 agents in teams of 20 (the small centre: 5 and 50), each in 1–3 queues. Contacts are queued, then
/// answered (≈80%) or abandoned (≈20%, a third of them short), some answered ones are transferred to
/// another queue, and answered ones are completed; every answer, wrap-up and completion has the matching
/// agent state change, and agents sometimes go away. About 1% of events arrive up to 2 minutes late
/// (within the default 5-minute lateness), which exercises the out-of-order paths.
/// </summary>
/// <remarks>
/// The <see cref="CentrePace"/> sets arrivals and handling times: at the compressed pace (the default) about
/// 193 events per second of event time, at the realistic one about 10. The same seed and pace always give the
/// same events.
/// </remarks>
internal sealed class EventGenerator
{
    public const int TeamSize = 20;

    private const double AbandonShare = 0.20;
    private const double ShortAbandonShare = 0.30;
    private const double TransferShare = 0.05;
    private const double AwayShare = 0.03;
    private const double LateShare = 0.01;
    private const double CustomerShare = 0.70;

    private static readonly string[] Channels = ["voice", "chat", "sms", "video"];

    private readonly Random _random;
    private readonly PriorityQueue<Step, (long AtMs, long Order)> _steps = new();
    private readonly PriorityQueue<WallboardEvent, (long ArrivalMs, long Order)> _delayed = new();
    private readonly Queue<WallboardEvent> _ready = new();
    private readonly string[] _queues;
    private readonly string[] _queueChannels;
    private readonly double[] _queueWeights;
    private readonly Queue<SimulatedContact>[] _waiting;
    private readonly List<SimulatedAgent>[] _queueAgents;
    private readonly SimulatedAgent[] _agents;
    private readonly long _startMs;
    private readonly CentrePace _pace;
    private readonly int _queueCount;
    private long _nowMs;
    private long _order;
    private long _nextEventId;
    private long _nextContactId;

    public EventGenerator(int seed, DateTimeOffset start, CentrePace pace)
    {
        _random = new Random(seed);
        _pace = pace;
        _startMs = start.ToUnixTimeMilliseconds();
        _nowMs = _startMs;
        _queueCount = pace.Queues;
        _queues = new string[_queueCount];
        _queueChannels = new string[_queueCount];
        _queueWeights = new double[_queueCount];
        _waiting = new Queue<SimulatedContact>[_queueCount];
        _queueAgents = new List<SimulatedAgent>[_queueCount];
        _agents = new SimulatedAgent[pace.Agents];
        for (var q = 0; q < _queueCount; q++)
        {
            _queues[q] = $"q{q:00}";
            _queueChannels[q] = Channels[q % 10 < 5 ? 0 : q % 10 < 8 ? 1 : q % 10 < 9 ? 2 : 3];
            _queueWeights[q] = 0.5 + _random.NextDouble();
            _waiting[q] = new Queue<SimulatedContact>();
            _queueAgents[q] = [];
        }

        for (var a = 0; a < _agents.Length; a++)
        {
            var agent = new SimulatedAgent($"a{a:000}", $"t{a / TeamSize:00}", PickQueues(a));
            _agents[a] = agent;
            foreach (var q in agent.QueueIndexes)
            {
                _queueAgents[q].Add(agent);
            }

            // Agents log in over the first 10 seconds, with their queues and team (later changes omit them).
            Schedule(_startMs + _random.Next(10_000), new Step(StepKind.LogIn, agent, null));
        }

        Schedule(_startMs, new Step(StepKind.Arrival, null, null));
    }

    /// <summary>Event time the simulation has reached.</summary>
    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(_nowMs);

    /// <summary>The next <paramref name="count"/> events in arrival order.</summary>
    public WallboardEvent[] Take(int count)
    {
        while (_ready.Count < count)
        {
            Advance();
        }

        var events = new WallboardEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = _ready.Dequeue();
        }

        return events;
    }

    private int[] PickQueues(int agentIndex)
    {
        // The first queue is spread evenly so every queue is staffed; 1–3 queues in all.
        var queues = new List<int> { agentIndex % _queueCount };
        var wanted = 1 + _random.Next(3);
        while (queues.Count < wanted)
        {
            var q = _random.Next(_queueCount);
            if (!queues.Contains(q))
            {
                queues.Add(q);
            }
        }

        return [.. queues];
    }

    private void Advance()
    {
        var step = _steps.Dequeue();
        _nowMs = Math.Max(_nowMs, step.AtMs);
        switch (step.Kind)
        {
            case StepKind.LogIn:
                Emit(new AgentStateChanged(
                    NextId(), At(_nowMs), step.Agent!.Id, AgentState.Available, [.. step.Agent.QueueIndexes.Select(q => _queues[q])], step.Agent.Team, null, null),
                    mayBeLate: false);
                BecomeAvailable(step.Agent);
                break;
            case StepKind.Arrival:
                Arrive();
                break;
            case StepKind.Abandon:
                Emit(new ContactAbandoned(NextId(), At(_nowMs), step.Contact!.Id));
                break;
            case StepKind.Answer:
                Answer(step.Agent!, step.Contact!);
                break;
            case StepKind.TalkEnd:
                EndTalk(step.Agent!, step.Contact!);
                break;
            case StepKind.WrapEnd:
                EndWrap(step.Agent!, step.Contact);
                break;
            case StepKind.AwayEnd:
                Emit(new AgentStateChanged(NextId(), At(_nowMs), step.Agent!.Id, AgentState.Available, null, null, null, null));
                BecomeAvailable(step.Agent);
                break;
            default:
                throw new InvalidOperationException($"Unknown step {step.Kind}.");
        }
    }

    private void Arrive()
    {
        var queue = PickWeightedQueue();
        var customer = _random.NextDouble() < CustomerShare ? $"u{_random.Next(_pace.CustomerPool)}" : null;
        var contact = new SimulatedContact($"c{_nextContactId++}");
        Emit(new ContactQueued(NextId(), At(_nowMs), contact.Id, _queues[queue], _queueChannels[queue], customer));
        if (_random.NextDouble() < AbandonShare)
        {
            var patienceMs = _random.NextDouble() < ShortAbandonShare ? Uniform(300, 5_000) : Uniform(5_000, 90_000);
            Schedule(_nowMs + patienceMs, new Step(StepKind.Abandon, null, contact));
        }
        else
        {
            Enqueue(queue, contact);
        }

        var gapMs = (long)Math.Ceiling(-Math.Log(1 - _random.NextDouble()) * 1000 / _pace.ContactsPerSecond);
        Schedule(_nowMs + gapMs, new Step(StepKind.Arrival, null, null));
    }

    private void Enqueue(int queue, SimulatedContact contact)
    {
        contact.QueueIndex = queue;
        contact.WaitingSince = _nowMs;
        var free = _queueAgents[queue].Where(agent => agent.IsFree).ToList();
        if (free.Count == 0)
        {
            _waiting[queue].Enqueue(contact);
            return;
        }

        Reserve(free[_random.Next(free.Count)], contact);
    }

    // The agent is offered the contact and answers after a ring.
    private void Reserve(SimulatedAgent agent, SimulatedContact contact)
    {
        agent.IsFree = false;
        Schedule(_nowMs + Uniform(_pace.RingMs), new Step(StepKind.Answer, agent, contact));
    }

    private void Answer(SimulatedAgent agent, SimulatedContact contact)
    {
        Emit(new ContactAnswered(NextId(), At(_nowMs), contact.Id, agent.Id));
        Emit(new AgentStateChanged(NextId(), At(_nowMs), agent.Id, AgentState.Busy, null, null, null, null));
        contact.TalkMs = Uniform(_pace.TalkMs);
        contact.HoldMs = _random.NextDouble() < 0.2 ? Uniform(_pace.HoldMs) : 0;
        Schedule(_nowMs + contact.TalkMs + contact.HoldMs, new Step(StepKind.TalkEnd, agent, contact));
    }

    private void EndTalk(SimulatedAgent agent, SimulatedContact contact)
    {
        var transferred = contact.Transfers == 0 && _random.NextDouble() < TransferShare;
        if (transferred)
        {
            var target = (contact.QueueIndex + 1 + _random.Next(_queueCount - 1)) % _queueCount;
            contact.Transfers++;
            Emit(new ContactTransferred(NextId(), At(_nowMs), contact.Id, _queues[target], _random.NextDouble() < 0.3));
            Emit(new ContactQueued(NextId(), At(_nowMs), contact.Id, _queues[target], _queueChannels[contact.QueueIndex], null));
            Enqueue(target, contact);
        }

        Emit(new AgentStateChanged(NextId(), At(_nowMs), agent.Id, AgentState.Wrapup, null, null, null, null));
        var wrapMs = Uniform(_pace.WrapMs);
        contact.WrapMs = wrapMs;
        Schedule(_nowMs + wrapMs, new Step(StepKind.WrapEnd, agent, transferred ? null : contact));
    }

    private void EndWrap(SimulatedAgent agent, SimulatedContact? contact)
    {
        if (contact is not null)
        {
            var offered = _random.NextDouble() < 0.2;
            var cancelling = _random.NextDouble() < 0.05;
            var outcome = offered || cancelling
                ? new ContactOutcome(offered, offered && _random.NextDouble() < 0.3, cancelling, cancelling && _random.NextDouble() < 0.4)
                : ContactOutcome.None;
            Emit(new ContactCompleted(
                NextId(), At(_nowMs), contact.Id, agent.Id, contact.TalkMs / 1000.0, contact.HoldMs / 1000.0, contact.WrapMs / 1000.0,
                _random.NextDouble() < 0.75, outcome));
        }

        if (_random.NextDouble() < AwayShare)
        {
            Emit(new AgentStateChanged(NextId(), At(_nowMs), agent.Id, AgentState.Away, null, null, null, "break"));
            Schedule(_nowMs + Uniform(_pace.AwayMs), new Step(StepKind.AwayEnd, agent, null));
            return;
        }

        Emit(new AgentStateChanged(NextId(), At(_nowMs), agent.Id, AgentState.Available, null, null, null, null));
        BecomeAvailable(agent);
    }

    // Takes the longest-waiting contact of the agent's queues, if any.
    private void BecomeAvailable(SimulatedAgent agent)
    {
        var best = -1;
        foreach (var q in agent.QueueIndexes)
        {
            if (_waiting[q].TryPeek(out var head) && (best < 0 || head.WaitingSince < _waiting[best].Peek().WaitingSince))
            {
                best = q;
            }
        }

        agent.IsFree = true;
        if (best >= 0)
        {
            Reserve(agent, _waiting[best].Dequeue());
        }
    }

    private int PickWeightedQueue()
    {
        var total = 0.0;
        foreach (var weight in _queueWeights)
        {
            total += weight;
        }

        var pick = _random.NextDouble() * total;
        for (var q = 0; q < _queueCount; q++)
        {
            pick -= _queueWeights[q];
            if (pick < 0)
            {
                return q;
            }
        }

        return _queueCount - 1;
    }

    // A small share of events is held back and arrives up to 2 minutes after its time.
    private void Emit(WallboardEvent next, bool mayBeLate = true)
    {
        var atMs = next.Timestamp.ToUnixTimeMilliseconds();
        while (_delayed.TryPeek(out _, out var head) && head.ArrivalMs <= atMs)
        {
            _ready.Enqueue(_delayed.Dequeue());
        }

        if (mayBeLate && _random.NextDouble() < LateShare)
        {
            _delayed.Enqueue(next, (atMs + Uniform(1_000, 120_000), _order++));
            return;
        }

        _ready.Enqueue(next);
    }

    private void Schedule(long atMs, Step step)
    {
        step.AtMs = atMs;
        _steps.Enqueue(step, (atMs, _order++));
    }

    private long Uniform(long minMs, long maxMs) => minMs + _random.NextInt64(maxMs - minMs);

    private long Uniform((long Min, long Max) rangeMs) => Uniform(rangeMs.Min, rangeMs.Max);

    private string NextId() => $"e{_nextEventId++}";

    private static DateTimeOffset At(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    private enum StepKind
    {
        LogIn,
        Arrival,
        Abandon,
        Answer,
        TalkEnd,
        WrapEnd,
        AwayEnd,
    }

    private sealed class Step(StepKind kind, SimulatedAgent? agent, SimulatedContact? contact)
    {
        public StepKind Kind { get; } = kind;

        public SimulatedAgent? Agent { get; } = agent;

        public SimulatedContact? Contact { get; } = contact;

        public long AtMs { get; set; }
    }

    private sealed class SimulatedAgent(string id, string team, int[] queueIndexes)
    {
        public string Id { get; } = id;

        public string Team { get; } = team;

        public int[] QueueIndexes { get; } = queueIndexes;

        public bool IsFree { get; set; }
    }

    private sealed class SimulatedContact(string id)
    {
        public string Id { get; } = id;

        public int QueueIndex { get; set; }

        public long WaitingSince { get; set; }

        public int Transfers { get; set; }

        public long TalkMs { get; set; }

        public long HoldMs { get; set; }

        public long WrapMs { get; set; }
    }
}
