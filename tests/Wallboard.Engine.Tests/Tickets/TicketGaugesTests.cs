using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Tickets;

/// <summary>
/// The <c>now</c> ticket gauges as the clock moves: <c>backlog</c>, <c>backlogAged</c> (created more than
/// the aged age before N, in whole seconds), <c>ticketsBreached</c> (open, no reply, N past the deadline
/// second) and <c>ticketsAtRisk</c> (open, no reply, deadline second within [N, N + horizon]).
/// </summary>
public class TicketGaugesTests
{
    [Fact]
    public void Backlog_CreatedResolvedReopened_CountsOpenTicketsPerScope()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat", "support", "billing");
        tickets.Created(1, "T2", "email", "support", "refund");
        tickets.Created(2, "T3", "email", "sales", null);
        tickets.Resolved(10, "T2");

        Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now", "queue:support"));
        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now", "channel:email"));
        Assert.Equal(0, tickets.Kpi(KpiId.Backlog, "now", "category:refund"));
        Assert.Equal(0, tickets.Kpi(KpiId.Backlog, "now", "agent:a1"));

        tickets.Reopened(20, "T2");
        Assert.Equal(3, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.Backlog, "now", "category:refund"));
        Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now", "channel:email"));
    }

    [Fact]
    public void BacklogAged_ClockPassesTheAgedAge_CountsOnlyStrictlyOlderTickets()
    {
        var tickets = new TicketHarness();
        tickets.Created(0.5, "T1", "email", "support");
        tickets.Created(100, "T2", "email", "support");

        tickets.ClockTo(86400.9);
        Assert.Equal(0, tickets.Kpi(KpiId.BacklogAged, "now"));
        tickets.ClockTo(86401);
        Assert.Equal(1, tickets.Kpi(KpiId.BacklogAged, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.BacklogAged, "now", "queue:support"));
        Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now"));
        tickets.ClockTo(86501);
        Assert.Equal(2, tickets.Kpi(KpiId.BacklogAged, "now", "channel:email"));
        tickets.Resolved(86502, "T1");
        Assert.Equal(1, tickets.Kpi(KpiId.BacklogAged, "now"));
    }

    [Fact]
    public void BacklogAged_ConfiguredAgeAndLateCreation_CountsTheOldTicketAtOnce()
    {
        var tickets = new TicketHarness(options => options.Tickets.AgedBacklogAge = TimeSpan.FromHours(1));
        tickets.ClockTo(5000);

        Assert.Equal(IngestStatus.Late, tickets.Created(1399, "old", "email").Status);
        tickets.Created(1400, "younger", "email");

        Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.BacklogAged, "now"));
    }

    [Fact]
    public void TicketsBreached_ClockPassesTheChatDeadline_MovesFromAtRiskToBreached()
    {
        var tickets = new TicketHarness();
        tickets.Created(0.7, "C1", "chat", "support", "billing");

        tickets.ClockTo(119);
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsAtRisk, "now"));
        tickets.ClockTo(120.9);
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsAtRisk, "now", "channel:chat"));
        tickets.ClockTo(121);
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now", "category:billing"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsAtRisk, "now"));
    }

    [Fact]
    public void TicketsAtRisk_DeadlineEntersTheHorizon_CountsFromDeadlineMinusHorizon()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "E1", "email", "support");
        tickets.Created(0, "S1", "sms", "support");

        tickets.ClockTo(2699);
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsAtRisk, "now"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now"));
        tickets.ClockTo(2700);
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsAtRisk, "now", "channel:email"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now", "channel:sms"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsAtRisk, "now", "queue:support"));
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now", "queue:support"));
    }

    [Fact]
    public void TicketsAtRisk_ConfiguredHorizon_UsesIt()
    {
        var tickets = new TicketHarness(options => options.Tickets.AtRiskHorizon = TimeSpan.FromSeconds(60));
        tickets.Created(0, "C1", "chat");

        tickets.ClockTo(59);
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsAtRisk, "now"));
        tickets.ClockTo(60);
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsAtRisk, "now"));
    }

    [Fact]
    public void TicketsBreached_ReplyResolveAndReopenWithoutReply_FollowTheOpenUnrepliedTickets()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "C1", "chat");
        tickets.Created(0, "C2", "chat");
        tickets.Created(0, "C3", "chat");
        tickets.ClockTo(200);
        Assert.Equal(3, tickets.Kpi(KpiId.TicketsBreached, "now"));

        tickets.Bot(205, "C1");
        tickets.Customer(206, "C1");
        Assert.Equal(3, tickets.Kpi(KpiId.TicketsBreached, "now"));
        tickets.Reply(210, "C1");
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Equal(3, tickets.Kpi(KpiId.Backlog, "now"));
        tickets.Resolved(220, "C2");
        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Equal(2, tickets.Kpi(KpiId.Backlog, "now"));
        tickets.Reopened(230, "C2");
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsBreached, "now"));
        tickets.Resolved(240, "C1");
        tickets.Reopened(250, "C1");
        Assert.Equal(2, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Equal(3, tickets.Kpi(KpiId.Backlog, "now", "channel:chat"));
        Assert.Equal(0, tickets.Kpi(KpiId.TicketsBreached, "now", "agent:a1"));
    }

    [Fact]
    public void Gauges_InWindowsOtherThanNow_AreNull()
    {
        var tickets = new TicketHarness();
        tickets.Created(0, "T1", "chat");
        tickets.ClockTo(500);

        Assert.Equal(1, tickets.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Null(tickets.Kpi(KpiId.Backlog, "5m"));
        Assert.Null(tickets.Kpi(KpiId.TicketsBreached, "today"));
        Assert.Null(tickets.Kpi(KpiId.TicketsCreated, "now"));
    }
}
