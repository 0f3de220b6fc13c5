using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Tickets;

public class TicketKpiSmokeTests
{
    [Fact]
    public void Ticket_CreatedRepliedResolved_CountsEveryTicketKpi()
    {
        var harness = new EngineHarness();
        harness.Send(new TicketCreated("t1", harness.At(0), "T1", "chat", "support", "p2", "billing", "cust1"));
        harness.Send(new TicketMessagePosted("t2", harness.At(30), "T1", MessageAuthor.Bot, null));
        harness.Send(new TicketMessagePosted("t3", harness.At(90), "T1", MessageAuthor.Agent, "a1"));
        harness.Send(new TicketMessagePosted("t4", harness.At(100), "T1", MessageAuthor.Customer, null));
        harness.Send(new TicketMessagePosted("t5", harness.At(110), "T1", MessageAuthor.Customer, null));
        harness.Send(new TicketMessagePosted("t6", harness.At(160), "T1", MessageAuthor.Agent, "a1"));
        harness.Send(new TicketResolved("t7", harness.At(200), "T1", "a1"));

        Assert.Equal(1, harness.Kpi(KpiId.TicketsCreated, "15m", "category:billing"));
        Assert.Equal(90, harness.Kpi(KpiId.FirstReplyTime, "15m", "channel:chat"));
        Assert.Equal(100, harness.Kpi(KpiId.FirstReplyWithinTarget, "15m"));
        Assert.Equal(75, harness.Kpi(KpiId.AvgReplyTime, "15m", "agent:a1"));
        Assert.Equal(200, harness.Kpi(KpiId.ResolutionTime, "15m", "queue:support"));
        Assert.Equal(2, harness.Kpi(KpiId.TouchesPerResolution, "15m"));
        Assert.Equal(0, harness.Kpi(KpiId.OneTouchRate, "15m"));
        Assert.Equal(100, harness.Kpi(KpiId.ResolutionRate, "15m"));
        Assert.Equal(0, harness.Kpi(KpiId.Backlog, "now"));
    }

    [Fact]
    public void Ticket_NoReplyPastTarget_IsBreachedThenAtRiskCountsOthers()
    {
        var harness = new EngineHarness();
        harness.Send(new TicketCreated("t1", harness.At(0), "T1", "chat", null, null, null, null));
        harness.Send(new TicketCreated("t2", harness.At(60), "T2", "email", null, null, null, null));
        harness.ClockTo(121);

        Assert.Equal(2, harness.Kpi(KpiId.Backlog, "now"));
        Assert.Equal(1, harness.Kpi(KpiId.TicketsBreached, "now"));
        Assert.Equal(0, harness.Kpi(KpiId.TicketsAtRisk, "now"));
        harness.ClockTo(60 + 3600 - 900);
        Assert.Equal(1, harness.Kpi(KpiId.TicketsAtRisk, "now", "channel:email"));
    }

    [Fact]
    public void Survey_NamingKnownContact_InheritsQueueAndAgent()
    {
        var harness = new EngineHarness(options => options.MinimumSample = 2);
        harness.Queued(0, "c1", queue: "vip");
        harness.Answered(5, "c1", agent: "a9");
        harness.Send(new SurveyResponded("s1", harness.At(60), SurveyKind.Csat, 5, "c1", null, null, null, null));

        Assert.Equal(100, harness.Kpi(KpiId.Csat, "15m", "queue:vip"));
        Assert.Equal(5, harness.Kpi(KpiId.CsatAvg, "15m", "agent:a9"));
        Assert.False(harness.Engine.Read(ScopeId.Queue("vip"), WindowId.Sliding(15)).IsSignificant(KpiId.Csat));
        harness.Send(new SurveyResponded("s2", harness.At(61), SurveyKind.Csat, 3, "c1", null, null, null, null));
        Assert.Equal(50, harness.Kpi(KpiId.Csat, "15m", "queue:vip"));
        Assert.True(harness.Engine.Read(ScopeId.Queue("vip"), WindowId.Sliding(15)).IsSignificant(KpiId.Csat));
    }
}
