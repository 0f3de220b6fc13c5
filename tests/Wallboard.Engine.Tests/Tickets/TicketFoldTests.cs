using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Tickets;

/// <summary>
/// How one ticket's events become measurements: counts, first reply, reply waits, resolutions, touches,
/// reopens and escalations, per scope and window (<c>spec/kpis.md</c>, Tickets). Times are seconds after
/// 09:00 UTC; <c>today</c> resets at midnight UTC (54,000 s later).
/// </summary>
public class TicketFoldTests
{
    private const double Midnight = 15 * 3600;

    [Fact]
    public void TicketsCreated_ThreeTickets_CountInTheirQueueChannelAndCategoryOnly()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat", "support", "billing");
        tickets.Created(10, "T2", "email", "sales", null);
        tickets.Created(20, "T3", "email", null, "billing");

        Assert.Equal(3, tickets.Kpi(KpiId.TicketsCreated));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated, "5m", "queue:support"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated, "5m", "queue:sales"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated, "5m", "channel:chat"));
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsCreated, "5m", "channel:email"));
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsCreated, "5m", "category:billing"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsCreated, "5m", "agent:a1"));
    }

    [Fact]
    public void TicketsCreated_ClockMoves_LeavesFiveMinutesThenHourThenToday()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Created(20, "T2");

        tickets.ClockTo(299);
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsCreated, "5m"));
        tickets.ClockTo(300);
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated, "5m"));
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsCreated, "60m"));
        tickets.ClockTo(320);
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsCreated, "5m"));
        tickets.ClockTo(3619);
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsCreated, "60m"));
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsCreated, "today", "queue:support"));
        tickets.ClockTo(Midnight - 1);
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsCreated, "today", "channel:email"));
        tickets.ClockTo(Midnight);
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsCreated, "today", "channel:email"));
        Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now"));
    }

    [Fact]
    public void FirstReplyTime_BotMessageBeforeAgent_IsNotAReply()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat");
        tickets.Bot(30, "T1");
        tickets.Reply(90, "T1", "a1");
        tickets.Created(100, "T2", "chat");
        tickets.Bot(101, "T2");
        tickets.Reply(220.5, "T2", "a2");

        Assert.Equal((90 + 120.5) / 2, tickets.Kpi(KpiId.FirstReplyTime));
        Assert.Equal(50, tickets.Kpi(KpiId.FirstReplyWithinTarget));
        Assert.Equal(90, tickets.Kpi(KpiId.FirstReplyTime, "60m", "agent:a1"));
        Assert.Equal(100, tickets.Kpi(KpiId.FirstReplyWithinTarget, "60m", "agent:a1"));
        Assert.Equal(120.5, tickets.Kpi(KpiId.FirstReplyTime, "today", "agent:a2"));
        Assert.Equal(0, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today", "agent:a2"));
        Assert.Equal(50, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today", "category:billing"));
    }

    [Fact]
    public void FirstReplyTime_NoReplyYet_IsNull()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat");
        tickets.Bot(5, "T1");
        tickets.Customer(6, "T1");

        Assert.Null(tickets.Kpi(KpiId.FirstReplyTime));
        Assert.Null(tickets.Kpi(KpiId.FirstReplyWithinTarget));
        Assert.Null(tickets.Kpi(KpiId.AvgReplyTime));
    }

    [Fact]
    public void FirstReplyWithinTarget_ReplyExactlyAtEachChannelsTarget_IsWithin()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "chat1", "chat");
        tickets.Reply(120, "chat1");
        tickets.Created(1000.25, "sms1", "sms");
        tickets.Reply(1300.25, "sms1");
        tickets.Created(2000, "social1", "social");
        tickets.Created(2000.5, "email1", "email");
        tickets.Created(2001, "form1", "form");
        tickets.Reply(5600, "social1");
        tickets.Reply(5600.5, "email1");
        tickets.Reply(5601, "form1");

        Assert.Equal(100, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today"));
        Assert.Equal(100, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today", "channel:sms"));
        Assert.Equal(100, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today", "channel:form"));
        Assert.Equal((120 + 300 + (3 * 3600)) / 5.0, tickets.Kpi(KpiId.FirstReplyTime, "today"));
    }

    [Fact]
    public void FirstReplyWithinTarget_OneMillisecondPastTheTarget_IsNotWithin()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "chat1", "chat");
        tickets.Created(10, "sms1", "sms");
        tickets.Created(20, "form1", "form");
        tickets.Created(30, "chat2", "chat");
        tickets.Reply(120.001, "chat1");
        tickets.Reply(149.999, "chat2");
        tickets.Reply(310.001, "sms1");
        tickets.Reply(3620.001, "form1");

        Assert.Equal(25, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today"));
        Assert.Equal(50, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today", "channel:chat"));
        Assert.Equal(0, tickets.Kpi(KpiId.FirstReplyWithinTarget, "today", "channel:form"));
    }

    [Fact]
    public void FirstReplyWithinTarget_ConfiguredTargets_ReplaceTheDefaults()
    {
        var tickets = new TicketHarness(options =>
        {
            options.Tickets.FirstReplyTargets["chat"] = TimeSpan.FromSeconds(60);
            options.Tickets.DefaultFirstReplyTarget = TimeSpan.FromSeconds(30);
        });
        tickets.Created(0, "chat1", "chat");
        tickets.Reply(60, "chat1");
        tickets.Created(0, "chat2", "chat");
        tickets.Reply(90, "chat2");
        tickets.Created(0, "form1", "form");
        tickets.Reply(31, "form1");

        Assert.Equal(50, tickets.Kpi(KpiId.FirstReplyWithinTarget, "5m", "channel:chat"));
        Assert.Equal(0, tickets.Kpi(KpiId.FirstReplyWithinTarget, "5m", "channel:form"));
    }

    [Fact]
    public void AvgReplyTime_SeveralCustomerMessagesBeforeOneReply_WaitsFromTheEarliest()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Customer(100, "T1");
        tickets.Customer(200, "T1");
        tickets.Reply(400, "T1", "a1");
        tickets.Customer(500, "T1");
        tickets.Bot(550, "T1");
        tickets.Customer(600, "T1");
        tickets.Reply(700, "T1", "a2");

        Assert.Equal((400 + 200) / 2.0, tickets.Kpi(KpiId.AvgReplyTime, "60m"));
        Assert.Equal(400, tickets.Kpi(KpiId.AvgReplyTime, "60m", "agent:a1"));
        Assert.Equal(200, tickets.Kpi(KpiId.AvgReplyTime, "60m", "agent:a2"));
        Assert.Equal(300, tickets.Kpi(KpiId.AvgReplyTime, "today", "queue:support"));
        Assert.Equal(400, tickets.Kpi(KpiId.FirstReplyTime, "60m"));
        Assert.Equal(200, tickets.Kpi(KpiId.AvgReplyTime, "5m"));
    }

    [Fact]
    public void AvgReplyTime_ReplyWithNothingWaitingOrAfterABot_IsATouchWithoutAWait()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Reply(400, "T1", "a1");
        tickets.Reply(450, "T1", "a1");
        tickets.Bot(500, "T1");
        tickets.Reply(550, "T1", "a2");
        tickets.Resolved(600, "T1", "a2");

        Assert.Equal(400, tickets.Kpi(KpiId.AvgReplyTime, "60m"));
        Assert.Null(tickets.Kpi(KpiId.AvgReplyTime, "60m", "agent:a2"));
        Assert.Equal(3, tickets.Kpi(KpiId.TouchesPerResolution, "60m"));
        Assert.Equal(3, tickets.Kpi(KpiId.TouchesPerResolution, "60m", "agent:a2"));
        tickets.ClockTo(701);
        Assert.Null(tickets.Kpi(KpiId.AvgReplyTime, "5m"));
        Assert.Equal(400, tickets.Kpi(KpiId.AvgReplyTime, "60m"));
    }

    [Fact]
    public void AvgReplyTime_ResolvedWhileACustomerWaits_EndsTheWaitAndTheNextWaitStartsAfterIt()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Created(0, "T2");
        tickets.Customer(100, "T1");
        tickets.Resolved(200, "T1");
        tickets.Reopened(300, "T1");
        tickets.Reply(400, "T1");
        tickets.Reply(410, "T2");
        tickets.Resolved(420, "T2");
        tickets.Customer(500, "T2");
        tickets.Reopened(501, "T2");
        tickets.Reply(560, "T2");

        Assert.Equal((410 + 60) / 2.0, tickets.Kpi(KpiId.AvgReplyTime, "60m"));
        Assert.Equal((400 + 410) / 2.0, tickets.Kpi(KpiId.FirstReplyTime, "60m"));
    }

    [Fact]
    public void ResolutionTime_TicketsWithOneTwoAndNoReply_CountTouchesAndOneTouch()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "A", "chat");
        tickets.Reply(60, "A", "a1");
        tickets.Resolved(100, "A", "a1");
        tickets.Created(10, "B", "email");
        tickets.Reply(20, "B", "a2");
        tickets.Customer(30, "B");
        tickets.Reply(50, "B", "a2");
        tickets.Resolved(210, "B", "a2");
        tickets.Created(20, "C", "email");
        tickets.Bot(25, "C");
        tickets.Resolved(320, "C", agent: null);

        Assert.Equal(3, tickets.Kpi(KpiId.TicketsResolved));
        Assert.Equal(200, tickets.Kpi(KpiId.ResolutionTime));
        Assert.Equal(1, tickets.Kpi(KpiId.TouchesPerResolution));
        Assert.Equal(100.0 / 3, tickets.Kpi(KpiId.OneTouchRate));
        Assert.Equal(250, tickets.Kpi(KpiId.ResolutionTime, "5m", "channel:email"));
        Assert.Equal(0, tickets.Kpi(KpiId.OneTouchRate, "5m", "channel:email"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsResolved, "5m", "agent:a1"));
        Assert.Equal(100, tickets.Kpi(KpiId.ResolutionTime, "5m", "agent:a1"));
        Assert.Equal(100, tickets.Kpi(KpiId.OneTouchRate, "5m", "agent:a1"));
        Assert.Equal(2, tickets.Kpi(KpiId.TouchesPerResolution, "today", "agent:a2"));
        Assert.Equal(0, tickets.Kpi(KpiId.OneTouchRate, "today", "agent:a2"));
    }

    [Fact]
    public void TicketsResolved_WithoutAnyReply_HasZeroTouchesAndIsNotOneTouch()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Bot(1, "T1");
        tickets.Customer(2, "T1");
        tickets.Resolved(50, "T1", "a1");

        Assert.Equal(1, tickets.Kpi(KpiId.TicketsResolved));
        Assert.Equal(0, tickets.Kpi(KpiId.TouchesPerResolution));
        Assert.Equal(0, tickets.Kpi(KpiId.OneTouchRate));
        Assert.Equal(50, tickets.Kpi(KpiId.ResolutionTime, "5m", "agent:a1"));
        Assert.Null(tickets.Kpi(KpiId.FirstReplyTime));
    }

    [Fact]
    public void TicketsResolved_ReopenThenResolve_CountsBothResolutionsAndTheReopen()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat", "support", "billing");
        tickets.Reply(60, "T1", "a1");
        tickets.Resolved(100, "T1", "a1");
        Assert.Equal(0, tickets.Kpi(KpiId.Backlog, "now"));
        tickets.Reopened(200, "T1");
        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(100, tickets.Kpi(KpiId.ReopenRate));
        tickets.Customer(210, "T1");
        tickets.Reply(250, "T1", "a2");
        tickets.Resolved(300, "T1", "a2");

        Assert.Equal(0, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsResolved, "60m"));
        Assert.Equal(50, tickets.Kpi(KpiId.ReopenRate, "60m"));
        Assert.Equal(50, tickets.Kpi(KpiId.ReopenRate, "5m", "category:billing"));
        Assert.Equal((100 + 300) / 2.0, tickets.Kpi(KpiId.ResolutionTime, "60m"));
        Assert.Equal((1 + 2) / 2.0, tickets.Kpi(KpiId.TouchesPerResolution, "60m"));
        Assert.Equal(50, tickets.Kpi(KpiId.OneTouchRate, "60m", "queue:support"));
        Assert.Equal((60 + 40) / 2.0, tickets.Kpi(KpiId.AvgReplyTime, "60m"));
        Assert.Equal(2, tickets.Kpi(KpiId.TouchesPerResolution, "60m", "agent:a2"));
        Assert.Equal(0, tickets.Kpi(KpiId.ReopenRate, "60m", "agent:a2"));
        Assert.Equal(100, tickets.Kpi(KpiId.ResolutionRate, "60m"));
    }

    [Fact]
    public void TicketsResolved_SecondResolveOfResolvedTicketOrReopenOfOpenTicket_ChangesNothing()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        Assert.Equal(IngestStatus.Accepted, tickets.Reopened(10, "T1").Status);
        tickets.Resolved(20, "T1");
        Assert.Equal(IngestStatus.Accepted, tickets.Resolved(30, "T1", "a2").Status);

        Assert.Equal(1, tickets.Kpi(KpiId.TicketsResolved));
        Assert.Equal(0, tickets.Kpi(KpiId.ReopenRate));
        Assert.Equal(20, tickets.Kpi(KpiId.ResolutionTime));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsResolved, "5m", "agent:a2"));
    }

    [Fact]
    public void ReopenRate_NoResolution_IsNull()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Resolved(10, "T1");
        tickets.ClockTo(400);
        tickets.Reopened(401, "T1");

        Assert.Null(tickets.Kpi(KpiId.ReopenRate));
        Assert.Equal(100, tickets.Kpi(KpiId.ReopenRate, "60m"));
    }

    [Fact]
    public void TicketEscalationRate_EscalationsOverCreations_CountsEachEscalation()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat", "support");
        tickets.Created(1, "T2", "chat", "support");
        tickets.Created(2, "T3", "email", "sales");
        tickets.Created(3, "T4", "email", "sales");
        tickets.Escalated(10, "T1");
        tickets.Escalated(20, "T1");
        tickets.Escalated(30, "T3");

        Assert.Equal(75, tickets.Kpi(KpiId.TicketEscalationRate));
        Assert.Equal(100, tickets.Kpi(KpiId.TicketEscalationRate, "60m", "queue:support"));
        Assert.Equal(50, tickets.Kpi(KpiId.TicketEscalationRate, "today", "channel:email"));
        tickets.ClockTo(302.5);
        Assert.Equal(300, tickets.Kpi(KpiId.TicketEscalationRate));
    }

    [Fact]
    public void TicketEvents_OfATicketNeverCreated_CountNowhere()
    {
        var tickets = new TicketHarness();
        Assert.Equal(IngestStatus.Accepted, tickets.Customer(0, "X").Status);
        tickets.Reply(10, "X", "a1");
        tickets.Escalated(20, "X");
        tickets.Resolved(30, "X", "a1");
        tickets.Reopened(40, "X");
        tickets.Resolved(50, "X", "a1");

        foreach (var scope in new[] { "all", "agent:a1" })
        {
            Assert.Equal(0, tickets.Kpi(KpiId.TicketsResolved, "5m", scope));
            Assert.Null(tickets.Kpi(KpiId.FirstReplyTime, "5m", scope));
            Assert.Null(tickets.Kpi(KpiId.AvgReplyTime, "5m", scope));
            Assert.Null(tickets.Kpi(KpiId.ReopenRate, "5m", scope));
        }

        Assert.Null(tickets.Kpi(KpiId.TicketEscalationRate));
        Assert.Equal(0, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsBreached, "now"));
    }

    [Fact]
    public void TicketEvents_AfterCreation_KeepTheCreationsQueueChannelAndCategory()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat", queue: null, category: null);
        tickets.Reply(10, "T1");
        tickets.Resolved(20, "T1");

        Assert.Equal(1, tickets.Kpi(KpiId.TicketsResolved, "5m", "channel:chat"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsResolved, "5m", "queue:support"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsResolved, "5m", "category:billing"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsResolved));
    }

    [Fact]
    public void AgentScope_FirstReplierLaterReplierAndResolver_EachGetTheirOwnPart()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1");
        tickets.Reply(30, "T1", "a1");
        tickets.Customer(40, "T1");
        tickets.Reply(100, "T1", "a2");
        tickets.Resolved(130, "T1", "a3");

        Assert.Equal(30, tickets.Kpi(KpiId.FirstReplyTime, "5m", "agent:a1"));
        Assert.Null(tickets.Kpi(KpiId.FirstReplyTime, "5m", "agent:a2"));
        Assert.Equal(60, tickets.Kpi(KpiId.AvgReplyTime, "5m", "agent:a2"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsResolved, "5m", "agent:a2"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsResolved, "5m", "agent:a3"));
        Assert.Equal(130, tickets.Kpi(KpiId.ResolutionTime, "5m", "agent:a3"));
        Assert.Equal(2, tickets.Kpi(KpiId.TouchesPerResolution, "5m", "agent:a3"));
        Assert.Null(tickets.Kpi(KpiId.AvgReplyTime, "5m", "agent:a3"));
    }
}
