using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// A seeded month of ticket traffic: tickets on several channels, queues and categories, each a story of
/// customer, bot and agent messages, escalations, resolutions (some without any reply), reopens, tickets
/// left open, a few orphans (no <c>ticket.created</c>) and a few events sent twice. Times are whole
/// milliseconds and strictly increase within a ticket.
/// </summary>
internal static class TicketTrafficGenerator
{
    public static readonly string[] Channels = ["chat", "sms", "social", "email", "form"];
    public static readonly string[] Queues = ["billing", "tech", "orders", "vip"];
    public static readonly string[] Categories = ["refund", "delivery", "login", "invoice", "bug", "other"];
    public static readonly string[] AgentIds = [.. Enumerable.Range(1, 24).Select(i => $"a{i:00}")];

    private static readonly double[] ChannelWeights = [0.25, 0.1, 0.1, 0.4, 0.15];

    // Creation hour weights: quiet nights, busy office hours.
    private static readonly double[] HourWeights =
        [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 12, 10, 12, 14, 13, 12, 10, 8, 6, 5, 4, 2, 1];

    public static List<WallboardEvent> Generate(int seed, DateTimeOffset start, int days, int ticketsPerDay)
    {
        var random = new Random(seed);
        var end = start.AddDays(days);
        var events = new List<WallboardEvent>();
        var number = 0;
        for (var day = 0; day < days; day++)
        {
            var count = (ticketsPerDay / 2) + random.Next(ticketsPerDay + 1);
            for (var i = 0; i < count; i++)
            {
                var createdAt = start.AddDays(day).AddMilliseconds(TimeOfDayMs(random));
                var story = new Story(random, "T" + ++number, createdAt);
                story.Tell(orphan: random.NextDouble() < 0.01);
                events.AddRange(story.Events.Where(e => e.Timestamp < end));
            }
        }

        var duplicates = events.Where(_ => random.NextDouble() < 0.005).ToList();
        events.AddRange(duplicates);
        return events;
    }

    private static double TimeOfDayMs(Random random)
    {
        var hour = Pick(random, Enumerable.Range(0, 24).ToArray(), HourWeights);
        return (hour * 3_600_000.0) + random.Next(3_600_000);
    }

    private static T Pick<T>(Random random, T[] items, double[]? weights = null)
    {
        if (weights is null)
        {
            return items[random.Next(items.Length)];
        }

        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    /// <summary>One ticket's life, told as events; each step waits a random (exponential, capped) time.</summary>
    private sealed class Story(Random random, string ticketId, DateTimeOffset createdAt)
    {
        private DateTimeOffset _at = createdAt;
        private int _sequence;
        private string _agent = Pick(random, AgentIds);

        public List<WallboardEvent> Events { get; } = [];

        public void Tell(bool orphan)
        {
            var channel = Pick(random, Channels, ChannelWeights);
            var (pre, conversation, resolve) = channel switch
            {
                "chat" => (35.0, 60.0, 400.0),
                "sms" => (100.0, 300.0, 1800.0),
                _ => (1500.0, 3600.0, 4 * 3600.0),
            };
            if (!orphan)
            {
                Add(new TicketCreated(Id(), _at, ticketId, channel, Chance(0.05) ? null : Pick(random, Queues), null, Chance(0.1) ? null : Pick(random, Categories), null));
            }

            if (Chance(0.4))
            {
                Step(3);
                Add(Message(MessageAuthor.Bot));
            }

            for (var k = random.Next(3); k > 0; k--)
            {
                Step(pre);
                Add(Message(MessageAuthor.Customer));
            }

            if (Chance(0.9))
            {
                Converse(pre, conversation);
                MaybeEscalate(conversation);
                if (Chance(0.85))
                {
                    ResolveAndMaybeReopen(resolve, conversation);
                }
            }
            else
            {
                MaybeEscalate(pre);
                if (Chance(0.6))
                {
                    ResolveAndMaybeReopen(resolve, conversation);
                }
            }
        }

        private void Converse(double pre, double conversation)
        {
            Step(pre);
            Add(Reply());
            for (var round = random.Next(4); round > 0; round--)
            {
                if (Chance(0.75))
                {
                    Step(conversation);
                    Add(Message(MessageAuthor.Customer));
                    if (Chance(0.3))
                    {
                        Step(conversation / 10);
                        Add(Message(MessageAuthor.Customer));
                    }
                }

                if (Chance(0.15))
                {
                    Step(5);
                    Add(Message(MessageAuthor.Bot));
                }

                if (Chance(0.3))
                {
                    _agent = Pick(random, AgentIds);
                }

                Step(conversation);
                Add(Reply());
                if (Chance(0.1))
                {
                    Step(30);
                    Add(Reply());
                }
            }
        }

        private void MaybeEscalate(double delay)
        {
            for (var times = Chance(0.12) ? (Chance(0.15) ? 2 : 1) : 0; times > 0; times--)
            {
                Step(delay);
                Add(new TicketEscalated(Id(), _at, ticketId, "2"));
            }
        }

        private void ResolveAndMaybeReopen(double resolve, double conversation)
        {
            if (Chance(0.1))
            {
                // A customer message still waiting when the ticket is resolved without an answer.
                Step(conversation);
                Add(Message(MessageAuthor.Customer));
            }

            Step(resolve);
            Add(new TicketResolved(Id(), _at, ticketId, Chance(0.85) ? _agent : null));
            if (!Chance(0.2))
            {
                return;
            }

            Step(8 * 3600);
            if (Chance(0.5))
            {
                Add(Message(MessageAuthor.Customer));
                Step(2);
            }

            Add(new TicketReopened(Id(), _at, ticketId));
            if (Chance(0.7))
            {
                Step(conversation);
                Add(Reply());
            }

            if (Chance(0.8))
            {
                Step(resolve);
                Add(new TicketResolved(Id(), _at, ticketId, Chance(0.85) ? _agent : null));
            }
        }

        private TicketMessagePosted Reply() =>
            new(Id(), _at, ticketId, MessageAuthor.Agent, Chance(0.02) ? null : _agent);

        private TicketMessagePosted Message(MessageAuthor author) => new(Id(), _at, ticketId, author, null);

        private void Add(WallboardEvent ticketEvent) => Events.Add(ticketEvent);

        private string Id() => $"{ticketId}-{++_sequence}";

        private bool Chance(double probability) => random.NextDouble() < probability;

        // At least a second and a random part of a millisecond-grained exponential delay, capped at ten means.
        private void Step(double meanSeconds)
        {
            var seconds = Math.Min(-Math.Log(1 - random.NextDouble()) * meanSeconds, 10 * meanSeconds);
            _at = _at.AddMilliseconds(1000 + Math.Round(seconds * 1000));
        }
    }
}
