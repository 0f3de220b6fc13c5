using System.Globalization;
using System.Reactive.Concurrency;
using Wallboard.Engine.Events;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Properties;

/// <summary>
/// A generated stretch of contact-center traffic: contacts and agents as plans, turned into valid events
/// in <c>ts</c> order (events of the same millisecond in the order they happen, e.g. a transfer before its re-queue).
/// </summary>
internal sealed record Scenario(int StartChoice, ContactPlan[] Contacts, AgentPlan[] Agents)
{
    /// <summary>Start instants: a plain morning, and two that cross midnight UTC (where <c>today</c> resets).</summary>
    public static readonly DateTimeOffset[] Starts =
    [
        new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        new(2026, 11, 23, 23, 45, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 23, 23, 50, 30, TimeSpan.Zero).AddMilliseconds(250),
    ];

    public static readonly string[] Queues = ["sales", "support", "billing"];

    public static readonly string[] Channels = ["voice", "chat", "sms"];

    public static readonly string[] Teams = ["red", "blue"];

    public static readonly string[][] Memberships = [["sales"], ["support"], ["sales", "support"], ["billing"], ["billing", "sales", "support"], []];

    public const int CustomerCount = 6;

    public const int AgentCount = 6;

    public DateTimeOffset Start => Starts[StartChoice];

    /// <summary>
    /// Engine settings for every run: event clock, a 1-minute window beside the defaults (more expiry to
    /// get wrong), and per-queue departures (service level, repeat horizon, a 00:10 daily reset).
    /// </summary>
    public static WallboardEngine NewEngine()
    {
        var options = new EngineOptions { Clock = ClockMode.Event, Windows = ["1m", "5m", "15m", "30m", "60m"] };
        options.Queues["support"] = new QueueSettingsOverride
        {
            ServiceLevelThreshold = TimeSpan.FromSeconds(30),
            RepeatContactHorizon = TimeSpan.FromMinutes(10),
        };
        options.Queues["billing"] = new QueueSettingsOverride { DailyReset = TimeSpan.FromMinutes(10) };
        return new WallboardEngine(options, new HistoricalScheduler(Starts[0]));
    }

    /// <summary>The events in <c>ts</c> order; ids are unique and follow that order.</summary>
    public WallboardEvent[] Events()
    {
        var steps = new List<Step>();
        for (var i = 0; i < Contacts.Length; i++)
        {
            AddContact(steps, "c" + i.ToString(CultureInfo.InvariantCulture), Contacts[i]);
        }

        for (var i = 0; i < Agents.Length; i++)
        {
            AddAgent(steps, Agent(i), Agents[i]);
        }

        return [.. steps
            .Select((step, sequence) => (step, sequence))
            .OrderBy(item => item.step.AtMs)
            .ThenBy(item => item.sequence)
            .Select((item, index) => item.step.Build("e" + index.ToString("D4", CultureInfo.InvariantCulture), Start.AddMilliseconds(item.step.AtMs)))];
    }

    private static string Agent(int index) => "a" + index.ToString(CultureInfo.InvariantCulture);

    private static void AddContact(List<Step> steps, string id, ContactPlan plan)
    {
        var queue = Queues[plan.Queue];
        var channel = Channels[plan.Channel];
        var customer = plan.Customer < 0 ? null : "k" + plan.Customer.ToString(CultureInfo.InvariantCulture);
        long at = plan.StartMs;
        if (plan.Flow == ContactFlow.NeverQueued)
        {
            steps.Add(new(at, (e, ts) => new ContactAnswered(e, ts, id, Agent(plan.First.Agent))));
            AddCompletion(steps, id, at + plan.Handling.TotalMs, plan.First.Agent, plan.Handling);
            return;
        }

        steps.Add(new(at, (e, ts) => new ContactQueued(e, ts, id, queue, channel, customer)));
        at += plan.First.WaitMs;
        switch (plan.Flow)
        {
            case ContactFlow.StillWaiting:
                return;
            case ContactFlow.Abandoned:
                steps.Add(new(at, (e, ts) => new ContactAbandoned(e, ts, id)));
                return;
            default:
                break;
        }

        steps.Add(new(at, (e, ts) => new ContactAnswered(e, ts, id, Agent(plan.First.Agent))));
        switch (plan.Flow)
        {
            case ContactFlow.AnsweredOpen:
                return;
            case ContactFlow.Completed:
                AddCompletion(steps, id, at + plan.Handling.TotalMs, plan.First.Agent, plan.Handling);
                return;
            default:
                break;
        }

        at += plan.Transfer.AfterAnswerMs;
        var transfer = plan.Transfer;
        if (plan.Flow == ContactFlow.TransferredToAgent)
        {
            steps.Add(new(at, (e, ts) => new ContactTransferred(e, ts, id, null, transfer.Escalation)));
            AddCompletion(steps, id, at + plan.Handling.TotalMs, plan.Second.Agent, plan.Handling);
            return;
        }

        var toQueue = Queues[(plan.Queue + 1 + transfer.ToQueueShift) % Queues.Length];
        steps.Add(new(at, (e, ts) => new ContactTransferred(e, ts, id, toQueue, transfer.Escalation)));
        at += transfer.RequeueGapMs;
        steps.Add(new(at, (e, ts) => new ContactQueued(e, ts, id, toQueue, channel, customer)));
        at += plan.Second.WaitMs;
        if (plan.Flow == ContactFlow.TransferredThenAbandoned)
        {
            steps.Add(new(at, (e, ts) => new ContactAbandoned(e, ts, id)));
            return;
        }

        steps.Add(new(at, (e, ts) => new ContactAnswered(e, ts, id, Agent(plan.Second.Agent))));
        AddCompletion(steps, id, at + plan.Handling.TotalMs, plan.Second.Agent, plan.Handling);
    }

    private static void AddCompletion(List<Step> steps, string id, long at, int agent, HandlingPlan handling) =>
        steps.Add(new(at, (e, ts) => new ContactCompleted(
            e, ts, id, Agent(agent), handling.TalkMs / 1000.0, handling.HoldMs / 1000.0, handling.WrapMs / 1000.0, handling.Resolved, handling.Outcome)));

    private static void AddAgent(List<Step> steps, string agent, AgentPlan plan)
    {
        long at = plan.StartMs;
        steps.Add(new(at, (e, ts) => new AgentStateChanged(e, ts, agent, plan.FirstState, Memberships[plan.Membership], Teams[plan.Team], null, null)));
        foreach (var change in plan.Changes)
        {
            at += change.GapMs;
            var queues = change.Membership < 0 ? null : Memberships[change.Membership];
            var team = change.Team < 0 ? null : Teams[change.Team];
            steps.Add(new(at, (e, ts) => new AgentStateChanged(e, ts, agent, change.State, queues, team, null, change.State == AgentState.Away ? "break" : null)));
        }
    }

    private sealed record Step(long AtMs, Func<string, DateTimeOffset, WallboardEvent> Build);
}
