using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>
/// Tickets (email, web forms, social): created along the daily curve, sometimes acknowledged by a bot, replied
/// to by an agent, then either resolved or answered by the customer for another round; a few are escalated
/// to the second tier, and a few resolved ones are reopened.
/// </summary>
internal sealed class TicketFlow(SimulationKernel kernel, CustomerPool customers, CustomerVoice voice, double ticketsPerHour)
{
    private const int MaxRounds = 4;
    private const double BotShare = 0.4;
    private const double EscalationShare = 0.07;
    private const double CustomerReplyShare = 0.4;
    private const double ReopenShare = 0.06;

    private static readonly string[] Channels = ["email", "web", "social"];
    private static readonly double[] ChannelWeights = [0.6, 0.25, 0.15];
    private static readonly string[] Categories = ["billing", "technical", "account", "delivery", "complaint"];
    private static readonly double[] CategoryWeights = [0.25, 0.3, 0.2, 0.15, 0.1];
    private static readonly string[] Priorities = ["low", "normal", "high", "urgent"];
    private static readonly double[] PriorityWeights = [0.2, 0.55, 0.2, 0.05];

    private IReadOnlyList<string> _agentIds = [];

    private Random Random => kernel.Random;

    public void Start(IReadOnlyList<string> agentIds)
    {
        _agentIds = agentIds;
        if (ticketsPerHour > 0 && agentIds.Count > 0)
        {
            NextTicket();
        }
    }

    private void NextTicket() =>
        kernel.After(TimeSpan.FromHours(Random.Exponential(1 / ticketsPerHour)), () =>
        {
            if (Random.Chance(kernel.Load))
            {
                Create();
            }

            NextTicket();
        });

    private void Create()
    {
        var channel = Channels[Random.PickWeighted(ChannelWeights)];
        var queue = channel == "social" ? "social-care" : "email-care";
        var category = Categories[Random.PickWeighted(CategoryWeights)];
        var priority = Priorities[Random.PickWeighted(PriorityWeights)];
        var ticket = new SimulatedTicket(kernel.NewId("t"), Random.Pick(_agentIds));
        var customer = customers.Next();
        kernel.Emit((id, ts) => new TicketCreated(id, ts, ticket.Id, channel, queue, priority, category, customer));
        if (channel != "email" && Random.Chance(BotShare))
        {
            kernel.After(TimeSpan.FromSeconds(Random.Between(5, 30)), () => Message(ticket, MessageAuthor.Bot));
        }

        // Social is watched most closely, and urgent work jumps the line: most first replies land within the hour.
        var minutes = (channel == "social" ? 20 : channel == "email" ? 30 : 35) * (priority is "high" or "urgent" ? 0.5 : 1);
        After(minutes, () => AgentReply(ticket));
    }

    private void AgentReply(SimulatedTicket ticket)
    {
        ticket.Replies++;
        Message(ticket, MessageAuthor.Agent);
        if (!ticket.Escalated && Random.Chance(EscalationShare))
        {
            After(5, () => Escalate(ticket));
        }
        else if (ticket.Replies < MaxRounds && Random.Chance(CustomerReplyShare))
        {
            After(30, () =>
            {
                Message(ticket, MessageAuthor.Customer);
                After(25, () => AgentReply(ticket));
            });
        }
        else
        {
            After(10, () => Resolve(ticket));
        }
    }

    private void Escalate(SimulatedTicket ticket)
    {
        ticket.Escalated = true;
        ticket.Owner = Random.Pick(_agentIds);
        kernel.Emit((id, ts) => new TicketEscalated(id, ts, ticket.Id, "2"));
        After(45, () => AgentReply(ticket));
    }

    private void Resolve(SimulatedTicket ticket)
    {
        kernel.Emit((id, ts) => new TicketResolved(id, ts, ticket.Id, ticket.Owner));
        var experience = ticket.Reopened ? Experience.Poor : ticket.Escalated || ticket.Replies > 2 ? Experience.Fair : Experience.Good;
        voice.AfterTicket(ticket.Id, ticket.Owner, experience);
        if (!ticket.Reopened && Random.Chance(ReopenShare))
        {
            After(90, () =>
            {
                ticket.Reopened = true;
                kernel.Emit((id, ts) => new TicketReopened(id, ts, ticket.Id));
                Message(ticket, MessageAuthor.Customer);
                After(30, () => AgentReply(ticket));
            });
        }
    }

    private void Message(SimulatedTicket ticket, MessageAuthor author)
    {
        var agentId = author == MessageAuthor.Agent ? ticket.Owner : null;
        kernel.Emit((id, ts) => new TicketMessagePosted(id, ts, ticket.Id, author, agentId));
    }

    // Exponential delays, in minutes of simulated time.
    private void After(double meanMinutes, Action happening) =>
        kernel.After(TimeSpan.FromMinutes(Random.Exponential(meanMinutes)), happening);
}
