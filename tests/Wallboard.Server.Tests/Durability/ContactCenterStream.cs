using System.Globalization;
using System.Text.Json.Nodes;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Durability;

/// <summary>
/// A deterministic stretch of contact-center traffic as producers would send it: agents logging in, taking
/// contacts, wrapping up and going on breaks; contacts queued, answered, abandoned, transferred (and
/// re-queued) and completed. Delivery is not in time order: some events arrive up to two minutes late
/// (inside the allowed lateness), a few more than five minutes late (reported late), and some are sent twice.
/// The expected ingest totals are computed here by the rules of the contract, independently of the server.
/// </summary>
internal sealed class ContactCenterStream
{
    private const long LatenessMs = 5 * 60 * 1000;

    private static readonly string[] Queues = ["sales", "support", "billing", "retention"];

    private static readonly Dictionary<string, string[]> Channels = new(StringComparer.Ordinal)
    {
        ["sales"] = ["voice", "chat"],
        ["support"] = ["voice", "chat", "sms"],
        ["billing"] = ["voice", "sms"],
        ["retention"] = ["voice"],
    };

    private readonly Random _random;
    private readonly long _endMs;
    private readonly List<Planned> _planned = [];
    private readonly Dictionary<string, long> _agentFreeMs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _agentQueues = new(StringComparer.Ordinal);
    private int _nextId;

    private ContactCenterStream(int seed, TimeSpan length)
    {
        _random = new Random(seed);
        _endMs = (long)length.TotalMilliseconds;
    }

    /// <summary>The events as JSON, in delivery order.</summary>
    public IReadOnlyList<string> Events { get; private set; } = [];

    public int ExpectedAccepted { get; private set; }

    public int ExpectedDuplicates { get; private set; }

    public int ExpectedLate { get; private set; }

    /// <summary>The <c>contact.queued</c> events that count (neither duplicate nor late): <c>offered</c> of <c>all</c> today.</summary>
    public int ExpectedOffered { get; private set; }

    public static ContactCenterStream Generate(int seed, TimeSpan length)
    {
        var stream = new ContactCenterStream(seed, length);
        stream.Plan();
        stream.Deliver();
        return stream;
    }

    /// <summary>The events in request bodies (JSON arrays) of <paramref name="size"/> events, in delivery order.</summary>
    public IReadOnlyList<string> Batches(int size) =>
        [.. Events.Chunk(size).Select(chunk => "[" + string.Join(',', chunk) + "]")];

    private void Plan()
    {
        for (var i = 1; i <= 26; i++)
        {
            var agent = $"a{i:00}";
            var first = Queues[i % Queues.Length];
            var second = Queues[(i + 1 + (i % 2)) % Queues.Length];
            _agentQueues[agent] = first == second ? [first] : [first, second];
            var at = Ms(_random.NextDouble() * 5);
            _agentFreeMs[agent] = at;
            Emit(at, "agent.state", new JsonObject
            {
                ["agentId"] = agent,
                ["state"] = "available",
                ["queues"] = new JsonArray([.. _agentQueues[agent].Select(queue => (JsonNode)queue)]),
                ["team"] = i % 2 == 0 ? "north" : "south",
                ["name"] = $"Agent {i}",
            });
        }

        var contact = 0;
        for (var at = 5_000L; at < _endMs - 30_000; at += Ms(-Math.Log(1 - _random.NextDouble()) * 3.3))
        {
            var queue = Queues[Pick([0.4, 0.3, 0.2, 0.1])];
            var channels = Channels[queue];
            var customer = _random.NextDouble() < 0.6 ? $"cust{_random.Next(400)}" : null;
            Leg($"c{++contact:00000}", queue, channels[_random.Next(channels.Length)], at, customer, mayTransfer: true);
        }
    }

    private void Leg(string contact, string queue, string channel, long queuedMs, string? customer, bool mayTransfer)
    {
        var queued = new JsonObject { ["contactId"] = contact, ["queue"] = queue, ["channel"] = channel };
        if (customer is not null)
        {
            queued["customerId"] = customer;
        }

        Emit(queuedMs, "contact.queued", queued);
        var agent = _agentQueues.Where(pair => pair.Value.Contains(queue)).MinBy(pair => _agentFreeMs[pair.Key]).Key;
        var answerMs = Math.Max(queuedMs + Ms(2 + (_random.NextDouble() * 6)), _agentFreeMs[agent] + Ms(1 + (_random.NextDouble() * 3)));
        var patienceMs = Ms(8 + (_random.NextDouble() * 140));
        if (answerMs - queuedMs > patienceMs)
        {
            Emit(queuedMs + patienceMs, "contact.abandoned", new JsonObject { ["contactId"] = contact });
            return;
        }

        Emit(answerMs, "contact.answered", new JsonObject { ["contactId"] = contact, ["agentId"] = agent });
        AgentState(answerMs, agent, "busy");
        var talk = Math.Round(20 + (_random.NextDouble() * 120), 1);
        if (mayTransfer && _random.NextDouble() < 0.1)
        {
            var transferMs = answerMs + Ms(talk / 2);
            var target = Queues.Where(candidate => candidate != queue).ElementAt(_random.Next(Queues.Length - 1));
            Emit(transferMs, "contact.transferred", new JsonObject
            {
                ["contactId"] = contact,
                ["toQueue"] = target,
                ["escalation"] = _random.NextDouble() < 0.3,
            });
            AgentState(transferMs, agent, "wrapup");
            Free(agent, transferMs + Ms(5 + (_random.NextDouble() * 10)));
            Leg(contact, target, channel, transferMs + 500, customer, mayTransfer: false);
            return;
        }

        var hold = _random.NextDouble() < 0.3 ? Math.Round(_random.NextDouble() * 20, 1) : 0;
        var wrap = Math.Round(3 + (_random.NextDouble() * 17), 1);
        var endMs = answerMs + Ms(talk + hold);
        AgentState(endMs, agent, "wrapup");
        var completed = new JsonObject
        {
            ["contactId"] = contact,
            ["agentId"] = agent,
            ["talkSeconds"] = talk,
            ["holdSeconds"] = hold,
            ["wrapSeconds"] = wrap,
            ["resolved"] = _random.NextDouble() < 0.8,
        };
        if (queue is "sales" or "retention")
        {
            var offered = _random.NextDouble() < 0.5;
            completed["outcome"] = new JsonObject
            {
                ["upsellOffered"] = offered,
                ["upsellAccepted"] = offered && _random.NextDouble() < 0.3,
                ["cancellationRequested"] = queue == "retention",
                ["saved"] = queue == "retention" && _random.NextDouble() < 0.5,
            };
        }

        Emit(endMs + Ms(wrap), "contact.completed", completed);
        Free(agent, endMs + Ms(wrap));
    }

    private void Free(string agent, long atMs)
    {
        AgentState(atMs, agent, "available");
        _agentFreeMs[agent] = atMs;
        if (_random.NextDouble() < 0.07)
        {
            var backMs = atMs + Ms(60 + (_random.NextDouble() * 240));
            Emit(atMs + 200, "agent.state", new JsonObject { ["agentId"] = agent, ["state"] = "away", ["reason"] = "break" });
            AgentState(backMs, agent, "available");
            _agentFreeMs[agent] = backMs;
        }
    }

    private void AgentState(long atMs, string agent, string state) =>
        Emit(atMs, "agent.state", new JsonObject { ["agentId"] = agent, ["state"] = state });

    private void Emit(long atMs, string type, JsonObject body)
    {
        if (atMs > _endMs)
        {
            return;
        }

        var ts = EventJson.Base.AddMilliseconds(atMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var envelope = new JsonObject { ["id"] = $"e{++_nextId:000000}", ["type"] = type, ["ts"] = ts };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            envelope[name] = value;
        }

        _planned.Add(new Planned((string)envelope["id"]!, type, atMs, envelope.ToJsonString()));
    }

    // Delivery order: mostly by time; 5 % held back up to two minutes, 0.3 % more than five minutes
    // (late), and 2 % sent a second time within a minute.
    private void Deliver()
    {
        var deliveries = new List<(long Key, int Order, Planned Event)>();
        foreach (var planned in _planned.OrderBy(planned => planned.AtMs))
        {
            var roll = _random.NextDouble();
            var key = roll switch
            {
                < 0.003 => planned.AtMs + Ms(400 + (_random.NextDouble() * 100)),
                < 0.053 => planned.AtMs + Ms(1 + (_random.NextDouble() * 110)),
                _ => planned.AtMs,
            };
            deliveries.Add((key, deliveries.Count, planned));
            if (_random.NextDouble() < 0.02)
            {
                deliveries.Add((key + Ms(_random.NextDouble() * 60), deliveries.Count, planned));
            }
        }

        var ordered = deliveries.OrderBy(delivery => delivery.Key).ThenBy(delivery => delivery.Order).Select(delivery => delivery.Event).ToList();
        Events = [.. ordered.Select(planned => planned.Json)];
        Count(ordered);
    }

    // The contract's rules in delivery order: a seen id is a duplicate; the event clock is the largest
    // time so far; an event more than the lateness behind it is late.
    private void Count(List<Planned> ordered)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var clockMs = long.MinValue;
        foreach (var planned in ordered)
        {
            if (!seen.Add(planned.Id))
            {
                ExpectedDuplicates++;
                continue;
            }

            clockMs = Math.Max(clockMs, planned.AtMs);
            if (planned.AtMs < clockMs - LatenessMs)
            {
                ExpectedLate++;
                continue;
            }

            ExpectedAccepted++;
            if (planned.Type == "contact.queued")
            {
                ExpectedOffered++;
            }
        }
    }

    private int Pick(double[] weights)
    {
        var roll = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static long Ms(double seconds) => (long)Math.Round(seconds * 1000);

    private sealed record Planned(string Id, string Type, long AtMs, string Json);
}
