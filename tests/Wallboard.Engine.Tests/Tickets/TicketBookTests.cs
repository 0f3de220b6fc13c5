using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Tickets;

/// <summary>
/// Tickets across events: arrival out of order, late and duplicate events, the cohort KPIs
/// (<c>answeredTicketRate</c>, <c>resolutionRate</c>) kept at the creation's pane, retention and restarts.
/// </summary>
public class TicketBookTests
{
    private const double Midnight = 15 * 3600;

    private static readonly string[] Scopes =
        ["all", "queue:support", "queue:sales", "channel:chat", "channel:email", "category:billing", "category:refund", "agent:a1", "agent:a2"];

    private static readonly string[] Windows = ["now", "5m", "60m", "today"];

    private static List<WallboardEvent> Script(DateTimeOffset start)
    {
        DateTimeOffset At(double seconds) => start.AddSeconds(seconds);
        return
        [
            new TicketCreated("c1", At(0), "T1", "chat", "support", null, "billing", null),
            new TicketMessagePosted("m1", At(5), "T1", MessageAuthor.Bot, null),
            new TicketCreated("c2", At(10), "T2", "email", "sales", null, "refund", null),
            new TicketMessagePosted("m2", At(40), "T1", MessageAuthor.Customer, null),
            new TicketMessagePosted("m3", At(70), "T1", MessageAuthor.Agent, "a1"),
            new TicketEscalated("x1", At(80), "T2", "2"),
            new TicketMessagePosted("m4", At(90), "T2", MessageAuthor.Agent, "a2"),
            new TicketResolved("r1", At(100), "T1", "a1"),
            new TicketMessagePosted("m5", At(120), "T2", MessageAuthor.Customer, null),
            new TicketReopened("o1", At(150), "T1"),
            new TicketMessagePosted("m6", At(160), "T2", MessageAuthor.Agent, "a1"),
            new TicketMessagePosted("m7", At(170), "T1", MessageAuthor.Agent, "a2"),
            new TicketResolved("r2", At(200), "T1", "a2"),
            new TicketResolved("r3", At(230.5), "T2", null),
        ];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Apply_EventsArrivingOutOfOrderWithinLateness_GiveTheSameValuesAsInOrder(int seed)
    {
        var ordered = new TicketHarness();
        var events = Script(ordered.Harness.Start);
        foreach (var ticketEvent in events)
        {
            Assert.Equal(IngestStatus.Accepted, ordered.Harness.Send(ticketEvent).Status);
        }

        var shuffled = new TicketHarness();
        var arrival = events.ToArray();
        if (seed == 0)
        {
            Array.Reverse(arrival);
        }
        else
        {
            new Random(seed).Shuffle(arrival);
        }

        foreach (var ticketEvent in arrival)
        {
            Assert.Equal(IngestStatus.Accepted, shuffled.Harness.Send(ticketEvent).Status);
        }

        foreach (var scope in Scopes)
        {
            foreach (var window in Windows)
            {
                Assert.True(ordered.Read(window, scope).SameAs(shuffled.Read(window, scope)), $"{scope} {window} differs");
            }
        }

        Assert.Equal(75, shuffled.Kpi(KpiId.FirstReplyTime));
        Assert.Equal(190 / 3.0, shuffled.Kpi(KpiId.AvgReplyTime));
        Assert.Equal(173.5, shuffled.Kpi(KpiId.ResolutionTime));
        Assert.Equal(5 / 3.0, shuffled.Kpi(KpiId.TouchesPerResolution));
        Assert.Equal(100.0 / 3, shuffled.Kpi(KpiId.ReopenRate));
        Assert.Equal(100.0 / 3, shuffled.Kpi(KpiId.OneTouchRate));
        Assert.Equal(50, shuffled.Kpi(KpiId.TicketEscalationRate));
        Assert.Equal(100, shuffled.Kpi(KpiId.ResolutionRate));
        Assert.Equal(1, shuffled.Kpi(KpiId.TicketsResolved, "5m", "agent:a2"));
        Assert.Equal(0, shuffled.Kpi(KpiId.Backlog, "now"));
    }

    [Fact]
    public void Apply_ReplyArrivingBeforeItsCreation_CountsOnceTheCreationArrives()
    {
        var tickets = new TicketHarness();
        tickets.Reply(50, "T1", "a1");
        Assert.Null(tickets.Kpi(KpiId.FirstReplyTime));
        tickets.Created(0, "T1", "chat");

        Assert.Equal(50, tickets.Kpi(KpiId.FirstReplyTime));
        Assert.Equal(50, tickets.Kpi(KpiId.AvgReplyTime, "5m", "agent:a1"));
        Assert.Equal(100, tickets.Kpi(KpiId.AnsweredTicketRate));
        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsAtRisk, "now"));
    }

    [Fact]
    public void Apply_LateResolve_LeavesTheBacklogAndCountsInTheCohortButNotInWindows()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat");
        tickets.Reply(10, "T1");
        tickets.Created(5, "T2", "chat");
        tickets.ClockTo(1000);

        Assert.Equal(IngestStatus.Late, tickets.Resolved(100, "T1").Status);

        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsResolved, "today"));
        Assert.Null(tickets.Kpi(KpiId.ResolutionTime, "today"));
        Assert.Equal(50, tickets.Kpi(KpiId.ResolutionRate, "today"));
        Assert.Equal(50, tickets.Kpi(KpiId.ResolutionRate, "60m", "channel:chat"));
        Assert.Equal(50, tickets.Kpi(KpiId.AnsweredTicketRate, "today"));
    }

    [Fact]
    public void Apply_LateReopen_ReturnsToTheBacklogAndTakesTheCohortBack()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Resolved(100, "T1");
        tickets.Created(200, "T2");
        Assert.Equal(50, tickets.Kpi(KpiId.ResolutionRate, "today"));
        tickets.ClockTo(1000);

        Assert.Equal(IngestStatus.Late, tickets.Reopened(250, "T1").Status);

        Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(0, tickets.Kpi(KpiId.ReopenRate, "today"));
        Assert.Equal(0, tickets.Kpi(KpiId.ResolutionRate, "today"));
        Assert.Equal(0, tickets.Kpi(KpiId.ResolutionRate, "60m", "queue:support"));
    }

    [Fact]
    public void Apply_LateFirstReply_StopsTheBreachAndCountsInTheCohortOnly()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat");
        tickets.ClockTo(1000);
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now"));

        Assert.Equal(IngestStatus.Late, tickets.Reply(100, "T1").Status);

        Assert.Equal(0, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Null(tickets.Kpi(KpiId.FirstReplyTime, "today"));
        Assert.Equal(100, tickets.Kpi(KpiId.AnsweredTicketRate, "today"));
    }

    [Fact]
    public void Apply_LateCreation_IsInTheBacklogButNotInTheCreatedCohort()
    {
        var tickets = new TicketHarness();
        tickets.ClockTo(1000);
        Assert.Equal(IngestStatus.Late, tickets.Created(100, "T1", "chat").Status);
        tickets.Created(1005, "T2", "chat");
        tickets.Reply(1010, "T1");
        tickets.Resolved(1020, "T1");

        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated, "today"));
        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(910, tickets.Kpi(KpiId.FirstReplyTime, "today"));
        Assert.Equal(920, tickets.Kpi(KpiId.ResolutionTime, "today"));
        Assert.Equal(0, tickets.Kpi(KpiId.AnsweredTicketRate, "today"));
        Assert.Equal(0, tickets.Kpi(KpiId.ResolutionRate, "today"));
    }

    [Fact]
    public void Apply_DuplicateIds_AreIgnoredWhateverTheyCarry()
    {
        var tickets = new TicketHarness();
        var start = tickets.Harness.Start;
        var created = new TicketCreated("dup-c", start, "T1", "chat", "support", null, null, null);
        var reply = new TicketMessagePosted("dup-m", start.AddSeconds(30), "T1", MessageAuthor.Agent, "a1");

        Assert.Equal(IngestStatus.Accepted, tickets.Harness.Send(created).Status);
        Assert.Equal(IngestStatus.Duplicate, tickets.Harness.Send(created).Status);
        Assert.Equal(IngestStatus.Accepted, tickets.Harness.Send(reply).Status);
        Assert.Equal(IngestStatus.Duplicate, tickets.Harness.Send(reply).Status);
        Assert.Equal(IngestStatus.Duplicate, tickets.Harness.Send(new TicketResolved("dup-m", start.AddSeconds(40), "T1", "a1")).Status);

        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated));
        Assert.Equal(30, tickets.Kpi(KpiId.AvgReplyTime));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsResolved));
        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now", "queue:support"));
    }

    [Fact]
    public void CohortRates_CountAtTheCreationsPane_AndLeaveWithIt()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Created(100, "T2");
        tickets.Reply(150, "T1");
        tickets.ClockTo(250);
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsCreated));
        Assert.Equal(50, tickets.Kpi(KpiId.AnsweredTicketRate));
        Assert.Equal(0, tickets.Kpi(KpiId.ResolutionRate));

        tickets.Resolved(350, "T2");
        Assert.Equal(0, tickets.Kpi(KpiId.AnsweredTicketRate));
        Assert.Equal(100, tickets.Kpi(KpiId.ResolutionRate));
        Assert.Equal(50, tickets.Kpi(KpiId.AnsweredTicketRate, "60m"));
        Assert.Equal(50, tickets.Kpi(KpiId.ResolutionRate, "60m", "category:billing"));

        tickets.Reopened(390, "T2");
        Assert.Equal(0, tickets.Kpi(KpiId.ResolutionRate));
        Assert.Equal(0, tickets.Kpi(KpiId.ResolutionRate, "today", "queue:support"));

        tickets.ClockTo(401);
        Assert.Null(tickets.Kpi(KpiId.AnsweredTicketRate));
        Assert.Null(tickets.Kpi(KpiId.ResolutionRate));
        Assert.Equal(50, tickets.Kpi(KpiId.AnsweredTicketRate, "60m", "channel:email"));
    }

    [Fact]
    public void CohortRates_TicketCreatedBeforeTheDailyReset_StayOutOfToday()
    {
        var tickets = new TicketHarness();
        tickets.Created(Midnight - 10, "Y");
        tickets.Created(Midnight + 10, "Z");
        tickets.Reply(Midnight + 15, "Y");
        tickets.Resolved(Midnight + 20, "Y");

        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated, "today"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsResolved, "today"));
        Assert.Equal(0, tickets.Kpi(KpiId.ResolutionRate, "today"));
        Assert.Equal(0, tickets.Kpi(KpiId.AnsweredTicketRate, "today"));
        Assert.Equal(50, tickets.Kpi(KpiId.ResolutionRate, "60m"));
        Assert.Equal(50, tickets.Kpi(KpiId.AnsweredTicketRate, "5m"));
    }

    [Theory]
    [InlineData(599, 1)]
    [InlineData(610, 0)]
    public void Expire_ResolvedTicketOlderThanTheRetention_IsForgottenSoAReopenIsAnOrphan(double clock, int reopens)
    {
        var tickets = new TicketHarness(options => options.Tickets.ResolvedRetention = TimeSpan.FromMinutes(10));
        tickets.Created(0, "T1");
        tickets.Resolved(10, "T1");
        tickets.ClockTo(clock);
        tickets.Reopened(clock + 1, "T1");

        Assert.Equal(reopens, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(100 * reopens, tickets.Kpi(KpiId.ReopenRate, "60m"));
    }

    [Fact]
    public void Checkpoint_OpenAndResolvedTickets_SurviveARestart()
    {
        var original = new TicketHarness();
        original.Created(0, "T1", "chat");
        original.Created(10, "T2", "chat");
        original.Reply(20, "T2");
        original.Created(30, "T3", "email");
        original.Resolved(40, "T3");
        using var checkpoint = new MemoryStream();
        original.Engine.Checkpoint(checkpoint);
        var restarted = new TicketHarness(idPrefix: "restarted-");
        checkpoint.Position = 0;
        Assert.True(restarted.Engine.TryRestore(checkpoint, out var reason), reason);

        foreach (var tickets in new[] { original, restarted })
        {
            tickets.ClockTo(400);
            Assert.Equal(IngestStatus.Late, tickets.Resolved(50, "T2").Status);
            tickets.Reopened(410, "T3");
            tickets.Reply(420, "T3");
            Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now"));
            Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now"));
            Assert.Equal(100.0 / 3, tickets.Kpi(KpiId.ResolutionRate, "60m"));
            Assert.Equal(200.0 / 3, tickets.Kpi(KpiId.AnsweredTicketRate, "60m"));
            Assert.Equal(100, tickets.Kpi(KpiId.ReopenRate, "today"));
        }
    }
}
