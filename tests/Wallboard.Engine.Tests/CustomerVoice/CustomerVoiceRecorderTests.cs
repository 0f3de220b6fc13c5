using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Tickets;

namespace Wallboard.Engine.Tests.CustomerVoice;

/// <summary>
/// Surveys (CSAT, NPS, CES), sentiment and outside figures: exact values per window, the sample-size flag,
/// and the scopes a survey inherits from the contact or ticket it names (<c>spec/kpis.md</c>, Customer voice).
/// </summary>
public class CustomerVoiceRecorderTests
{
    [Fact]
    public void Csat_ScoresFourAndFive_AreTheSatisfiedShare()
    {
        var voice = new TicketHarness();
        foreach (var (at, score) in new (double At, double Score)[] { (0, 5), (1, 4), (2, 3), (3, 1) })
        {
            voice.Survey(at, SurveyKind.Csat, score, queue: "sales");
        }

        Assert.Equal(50, voice.Kpi(KpiId.Csat));
        Assert.Equal(3.25, voice.Kpi(KpiId.CsatAvg));
        Assert.Equal(4, voice.Kpi(KpiId.CsatResponses, "60m", "queue:sales"));
        Assert.Equal(50, voice.Kpi(KpiId.Csat, "today", "queue:sales"));
        Assert.Null(voice.Kpi(KpiId.Csat, "today", "queue:service"));
    }

    [Fact]
    public void Nps_PromotersMinusDetractors_CountsPassivesOnlyInTheDenominator()
    {
        var voice = new TicketHarness();
        foreach (var (at, score) in new (double At, double Score)[] { (0, 10), (1, 9), (2, 8), (3, 7), (4, 6), (5, 0) })
        {
            voice.Survey(at, SurveyKind.Nps, score);
        }

        Assert.Equal(0, voice.Kpi(KpiId.Nps));
        voice.Survey(6, SurveyKind.Nps, 10);
        Assert.Equal(100.0 / 7, voice.Kpi(KpiId.Nps));
        Assert.Equal(7, voice.Kpi(KpiId.NpsResponses));
        voice.Survey(7, SurveyKind.Nps, 3);
        voice.Survey(8, SurveyKind.Nps, 2);
        Assert.Equal(-100.0 / 9, voice.Kpi(KpiId.Nps, "60m"));
    }

    [Fact]
    public void Nps_OnlyPassives_IsZeroNotNull()
    {
        var voice = new TicketHarness();
        voice.Survey(0, SurveyKind.Nps, 7);
        voice.Survey(1, SurveyKind.Nps, 8);

        Assert.Equal(0, voice.Kpi(KpiId.Nps));
        Assert.Null(voice.Kpi(KpiId.Csat));
    }

    [Fact]
    public void Ces_Scores_AreAveraged()
    {
        var voice = new TicketHarness();
        voice.Survey(0, SurveyKind.Ces, 7, channel: "chat");
        voice.Survey(1, SurveyKind.Ces, 5, channel: "chat");
        voice.Survey(2, SurveyKind.Ces, 4.5, channel: "email");

        Assert.Equal(16.5 / 3, voice.Kpi(KpiId.Ces));
        Assert.Equal(6, voice.Kpi(KpiId.Ces, "5m", "channel:chat"));
        Assert.Equal(4.5, voice.Kpi(KpiId.Ces, "5m", "channel:email"));
        Assert.Equal(3, voice.Kpi(KpiId.CesResponses));
    }

    [Fact]
    public void SurveyResponses_AllKinds_AreCountedTogether()
    {
        var voice = new TicketHarness();
        voice.Survey(0, SurveyKind.Csat, 5);
        voice.Survey(1, SurveyKind.Nps, 9);
        voice.Survey(2, SurveyKind.Nps, 1);
        voice.Survey(3, SurveyKind.Ces, 6);
        voice.Sentiment(4, 50);

        Assert.Equal(4, voice.Kpi(KpiId.SurveyResponses));
        Assert.Equal(1, voice.Kpi(KpiId.CsatResponses));
        Assert.Equal(2, voice.Kpi(KpiId.NpsResponses));
        Assert.Equal(1, voice.Kpi(KpiId.SentimentScores));
    }

    [Fact]
    public void Sentiment_Scores_AreAveraged()
    {
        var voice = new TicketHarness();
        voice.Sentiment(0, 80, queue: "sales");
        voice.Sentiment(1, 65.5, queue: "sales");
        voice.Sentiment(2, 12.25, queue: "service");

        Assert.Equal(157.75 / 3, voice.Kpi(KpiId.Sentiment));
        Assert.Equal(72.75, voice.Kpi(KpiId.Sentiment, "60m", "queue:sales"));
        Assert.Equal(12.25, voice.Kpi(KpiId.Sentiment, "today", "queue:service"));
    }

    [Fact]
    public void Surveys_ClockMoves_LeaveTheWindowsLikeAnyMeasurement()
    {
        var voice = new TicketHarness();
        voice.Survey(0, SurveyKind.Csat, 5);
        voice.Survey(100, SurveyKind.Csat, 2);

        voice.ClockTo(300);
        Assert.Equal(0, voice.Kpi(KpiId.Csat));
        Assert.Equal(50, voice.Kpi(KpiId.Csat, "60m"));
        voice.ClockTo(400);
        Assert.Null(voice.Kpi(KpiId.Csat));
        Assert.Equal(3.5, voice.Kpi(KpiId.CsatAvg, "today"));
    }

    [Fact]
    public void Surveys_LateOrDuplicate_ChangeNoWindow()
    {
        var voice = new TicketHarness();
        voice.ClockTo(1000);
        Assert.Equal(IngestStatus.Late, voice.Survey(100, SurveyKind.Csat, 1).Status);
        var survey = new SurveyResponded("dup", voice.At(900), SurveyKind.Csat, 5, null, null, null, null, null);
        Assert.Equal(IngestStatus.Accepted, voice.Harness.Send(survey).Status);
        Assert.Equal(IngestStatus.Duplicate, voice.Harness.Send(survey).Status);

        Assert.Equal(1, voice.Kpi(KpiId.CsatResponses, "today"));
        Assert.Equal(100, voice.Kpi(KpiId.Csat, "today"));
    }

    [Theory]
    [InlineData(SurveyKind.Csat, KpiId.Csat, KpiId.CsatAvg)]
    [InlineData(SurveyKind.Nps, KpiId.Nps, KpiId.Nps)]
    [InlineData(SurveyKind.Ces, KpiId.Ces, KpiId.Ces)]
    public void IsSignificant_FewerAnswersThanTheMinimumSample_IsFalse(SurveyKind kind, KpiId value, KpiId alsoFlagged)
    {
        var voice = new TicketHarness(options => options.MinimumSample = 3);
        voice.Survey(0, kind, 5, queue: "sales");
        voice.Survey(1, kind, 5, queue: "sales");
        voice.Survey(2, kind, 5, queue: "service");

        var sales = voice.Read("5m", "queue:sales");
        Assert.NotNull(sales[value]);
        Assert.False(sales.IsSignificant(value));
        Assert.False(sales.IsSignificant(alsoFlagged));
        Assert.True(sales.IsSignificant(KpiId.TicketsCreated));
        var all = voice.Read("5m");
        Assert.True(all.IsSignificant(value));
        Assert.True(all.IsSignificant(alsoFlagged));
        Assert.Equal(3, all.MinimumSample);
    }

    [Fact]
    public void IsSignificant_SentimentBelowTheDefaultMinimumOfTen_IsFalseUntilTheTenth()
    {
        var voice = new TicketHarness();
        for (var i = 0; i < 9; i++)
        {
            voice.Sentiment(i, 70);
        }

        Assert.False(voice.Read("5m").IsSignificant(KpiId.Sentiment));
        Assert.Equal(70, voice.Kpi(KpiId.Sentiment));
        voice.Sentiment(9, 90);
        Assert.True(voice.Read("5m").IsSignificant(KpiId.Sentiment));
        Assert.Equal(72, voice.Kpi(KpiId.Sentiment));
    }

    [Fact]
    public void Survey_NamingAKnownContact_InheritsItsQueueChannelAndAgent()
    {
        var voice = new TicketHarness();
        voice.Harness.Queued(0, "c1", queue: "vip", channel: "chat");
        voice.Harness.Answered(5, "c1", agent: "a9");
        voice.Survey(60, SurveyKind.Csat, 5, contact: "c1");
        voice.Sentiment(61, 40, contact: "c1");

        Assert.Equal(100, voice.Kpi(KpiId.Csat, "5m", "queue:vip"));
        Assert.Equal(100, voice.Kpi(KpiId.Csat, "5m", "channel:chat"));
        Assert.Equal(5, voice.Kpi(KpiId.CsatAvg, "5m", "agent:a9"));
        Assert.Equal(40, voice.Kpi(KpiId.Sentiment, "5m", "agent:a9"));
        Assert.Equal(40, voice.Kpi(KpiId.Sentiment, "5m", "queue:vip"));
        Assert.Equal(1, voice.Kpi(KpiId.SurveyResponses));
    }

    [Fact]
    public void Survey_HoursAfterTheContactWasForgotten_StillInheritsItsQueueChannelAndAgent()
    {
        // The engine forgets a contact 5 minutes (the lateness) after it completes; the directory keeps where it belonged.
        var voice = new TicketHarness();
        voice.Harness.Queued(0, "c1", queue: "vip", channel: "chat");
        voice.Harness.Answered(5, "c1", agent: "a9");
        voice.Harness.Completed(65, "c1", agent: "a9", talk: 60);
        voice.Survey(3 * 3600, SurveyKind.Csat, 5, contact: "c1");

        Assert.Equal(100, voice.Kpi(KpiId.Csat, "5m", "queue:vip"));
        Assert.Equal(100, voice.Kpi(KpiId.Csat, "5m", "channel:chat"));
        Assert.Equal(5, voice.Kpi(KpiId.CsatAvg, "5m", "agent:a9"));
    }

    [Fact]
    public void Survey_InteractionMemoryAfterTheContactsLastEvent_NoLongerInherits()
    {
        var voice = new TicketHarness(options => options.InteractionMemory = TimeSpan.FromMinutes(10));
        voice.Harness.Queued(0, "c1", queue: "vip", channel: "chat");
        voice.Harness.Answered(5, "c1", agent: "a9");
        voice.Harness.Completed(65, "c1", agent: "a9", talk: 60);
        voice.Survey(664, SurveyKind.Csat, 5, contact: "c1");
        voice.Survey(665, SurveyKind.Csat, 1, contact: "c1");

        Assert.Equal(2, voice.Kpi(KpiId.CsatResponses));
        Assert.Equal(1, voice.Kpi(KpiId.CsatResponses, "5m", "queue:vip"));
        Assert.Equal(5, voice.Kpi(KpiId.CsatAvg, "5m", "agent:a9"));
    }

    [Fact]
    public void Survey_NamingAKnownTicket_InheritsItsQueueChannelCategoryAndAgent()
    {
        var voice = new TicketHarness();
        voice.Created(0, "T1", "email", "support", "billing");
        voice.Reply(10, "T1", "a3");
        voice.Resolved(20, "T1", "a3");
        voice.Survey(30, SurveyKind.Nps, 10, ticket: "T1");
        voice.Sentiment(31, 20, ticket: "T1");

        foreach (var scope in new[] { "all", "queue:support", "channel:email", "category:billing", "agent:a3" })
        {
            Assert.Equal(100, voice.Kpi(KpiId.Nps, "5m", scope));
            Assert.Equal(20, voice.Kpi(KpiId.Sentiment, "5m", scope));
        }
    }

    [Fact]
    public void Survey_NamingItsOwnQueueOrAgent_KeepsThoseAndInheritsTheRest()
    {
        var voice = new TicketHarness();
        voice.Harness.Queued(0, "c1", queue: "vip", channel: "chat");
        voice.Harness.Answered(5, "c1", agent: "a9");
        voice.Survey(60, SurveyKind.Csat, 2, contact: "c1", agent: "a7", queue: "retention");

        Assert.Equal(0, voice.Kpi(KpiId.Csat, "5m", "queue:retention"));
        Assert.Null(voice.Kpi(KpiId.Csat, "5m", "queue:vip"));
        Assert.Equal(2, voice.Kpi(KpiId.CsatAvg, "5m", "agent:a7"));
        Assert.Null(voice.Kpi(KpiId.CsatAvg, "5m", "agent:a9"));
        Assert.Equal(2, voice.Kpi(KpiId.CsatAvg, "5m", "channel:chat"));
    }

    [Fact]
    public void Survey_NamingAnUnknownContact_CountsInAllAndItsOwnScopesOnly()
    {
        var voice = new TicketHarness();
        voice.Survey(0, SurveyKind.Ces, 3, contact: "nobody", channel: "sms");
        voice.Survey(1, SurveyKind.Ces, 5, ticket: "nothing");

        Assert.Equal(4, voice.Kpi(KpiId.Ces));
        Assert.Equal(3, voice.Kpi(KpiId.Ces, "5m", "channel:sms"));
        Assert.Equal(1, voice.Kpi(KpiId.CesResponses, "5m", "channel:sms"));
    }

    [Fact]
    public void MetricRecorded_LatestByTimeWins_WhateverTheArrivalOrder()
    {
        var voice = new TicketHarness();
        voice.Metric(100, "churn", 5);
        voice.Metric(50, "churn", 7);
        Assert.Equal(5, voice.Read("now").External["churn"]);

        voice.Metric(200, "churn", 9);
        Assert.Equal(9, voice.Read("now").External["churn"]);
        voice.ClockTo(1000);
        Assert.Equal(IngestStatus.Late, voice.Metric(300, "churn", 1).Status);
        Assert.Equal(1, voice.Read("now").External["churn"]);
        Assert.Equal(IngestStatus.Late, voice.Metric(250, "churn", 4).Status);
        Assert.Equal(1, voice.Read("now").External["churn"]);
        Assert.Empty(voice.Read("5m").External);
    }

    [Fact]
    public void MetricRecorded_InAScope_ShowsThereOnly()
    {
        var voice = new TicketHarness();
        voice.Metric(0, "costPerTicket", 3.5, "queue:sales");
        voice.Metric(1, "mrrGrowth", 1.25);

        Assert.Equal(3.5, voice.Read("now", "queue:sales").External["costPerTicket"]);
        Assert.False(voice.Read("now", "queue:sales").External.ContainsKey("mrrGrowth"));
        Assert.False(voice.Read("now").External.ContainsKey("costPerTicket"));
        Assert.Equal(1.25, voice.Read("now").External["mrrGrowth"]);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("queue:")]
    [InlineData("site:paris")]
    public void MetricRecorded_BadScope_IsRejected(string scope)
    {
        var voice = new TicketHarness();
        var result = voice.Metric(0, "churn", 2, scope);

        Assert.Equal(IngestStatus.Rejected, result.Status);
        Assert.Contains("scope", result.Reason, StringComparison.Ordinal);
        Assert.False(voice.Read("now").External.ContainsKey("churn"));
        Assert.Equal(IngestStatus.Accepted, voice.Metric(0, "churn", 2, "team:north").Status);
    }
}
