using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Tickets;

/// <summary><c>volume</c> (offered + tickets created), <c>channelShare</c> and the self-service share of demand.</summary>
public class VolumeKpiTests
{
    private static TicketHarness WithMixedDemand()
    {
        var tickets = new TicketHarness();
        for (var i = 0; i < 4; i++)
        {
            tickets.Harness.Queued(i, "v" + i, queue: "sales", channel: "voice");
        }

        tickets.Harness.Queued(10, "c1", queue: "sales", channel: "chat");
        tickets.Harness.Queued(11, "c2", queue: "service", channel: "chat");
        tickets.Created(20, "T1", "chat", "support");
        tickets.Created(21, "T2", "email", "support");
        tickets.SelfService(30, "web", resolved: true);
        tickets.SelfService(31, "chat", resolved: false);
        return tickets;
    }

    [Fact]
    public void Volume_ContactsAndTickets_AddUpPerScope()
    {
        var tickets = WithMixedDemand();

        Assert.Equal(8, tickets.Kpi(KpiId.Volume));
        Assert.Equal(3, tickets.Kpi(KpiId.Volume, "60m", "channel:chat"));
        Assert.Equal(5, tickets.Kpi(KpiId.Volume, "today", "queue:sales"));
        Assert.Equal(2, tickets.Kpi(KpiId.Volume, "today", "queue:support"));
        Assert.Equal(0, tickets.Kpi(KpiId.Volume, "5m", "channel:web"));
    }

    [Fact]
    public void ChannelShare_AcrossChannels_IsEachChannelsPartOfAllVolume()
    {
        var tickets = WithMixedDemand();

        Assert.Equal(50, tickets.Kpi(KpiId.ChannelShare, "5m", "channel:voice"));
        Assert.Equal(37.5, tickets.Kpi(KpiId.ChannelShare, "5m", "channel:chat"));
        Assert.Equal(12.5, tickets.Kpi(KpiId.ChannelShare, "today", "channel:email"));
        Assert.Equal(0, tickets.Kpi(KpiId.ChannelShare, "60m", "channel:web"));
        Assert.Null(tickets.Kpi(KpiId.ChannelShare));
        Assert.Null(tickets.Kpi(KpiId.ChannelShare, "5m", "queue:sales"));
    }

    [Fact]
    public void ChannelShare_ChannelNeverSeen_IsZeroOfTheVolume()
    {
        var tickets = WithMixedDemand();

        Assert.Equal(0, tickets.Kpi(KpiId.ChannelShare, "5m", "channel:fax"));
        Assert.Equal(0, tickets.Kpi(KpiId.Volume, "5m", "channel:fax"));
        Assert.Null(new TicketHarness().Kpi(KpiId.ChannelShare, "5m", "channel:fax"));
    }

    [Fact]
    public void ChannelShare_EarlyDemandLeavesTheWindow_FollowsTheWindow()
    {
        var tickets = WithMixedDemand();
        tickets.ClockTo(303);

        Assert.Equal(75, tickets.Kpi(KpiId.ChannelShare, "5m", "channel:chat"));
        Assert.Equal(25, tickets.Kpi(KpiId.ChannelShare, "5m", "channel:email"));
        tickets.ClockTo(400);
        Assert.Null(tickets.Kpi(KpiId.ChannelShare, "5m", "channel:chat"));
        Assert.Equal(37.5, tickets.Kpi(KpiId.ChannelShare, "60m", "channel:chat"));
    }

    [Fact]
    public void SelfServiceRate_SessionsOverSessionsContactsAndTickets_PerChannel()
    {
        var tickets = WithMixedDemand();

        Assert.Equal(2, tickets.Kpi(KpiId.SelfServiceSessions));
        Assert.Equal(50, tickets.Kpi(KpiId.SelfServiceResolution));
        Assert.Equal(20, tickets.Kpi(KpiId.SelfServiceRate));
        Assert.Equal(25, tickets.Kpi(KpiId.SelfServiceRate, "60m", "channel:chat"));
        Assert.Equal(0, tickets.Kpi(KpiId.SelfServiceResolution, "60m", "channel:chat"));
        Assert.Equal(100, tickets.Kpi(KpiId.SelfServiceRate, "today", "channel:web"));
        Assert.Equal(100, tickets.Kpi(KpiId.SelfServiceResolution, "today", "channel:web"));
        Assert.Equal(0, tickets.Kpi(KpiId.SelfServiceRate, "today", "channel:voice"));
        Assert.Null(tickets.Kpi(KpiId.SelfServiceResolution, "today", "channel:voice"));
    }
}
