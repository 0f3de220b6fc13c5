using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Kpis;

/// <summary><c>upsellRate</c> and <c>saveRate</c>, from the outcome flags of completions.</summary>
public class OutcomeKpiTests
{
    private static readonly ContactOutcome UpsellDeclined = new(UpsellOffered: true, UpsellAccepted: false, CancellationRequested: false, Saved: false);
    private static readonly ContactOutcome UpsellAccepted = new(UpsellOffered: true, UpsellAccepted: true, CancellationRequested: false, Saved: false);
    private static readonly ContactOutcome CancellationLost = new(UpsellOffered: false, UpsellAccepted: false, CancellationRequested: true, Saved: false);
    private static readonly ContactOutcome CancellationSaved = new(UpsellOffered: false, UpsellAccepted: false, CancellationRequested: true, Saved: true);

    private static EngineHarness WithCompletions(params (string Agent, ContactOutcome Outcome)[] completions)
    {
        var harness = new EngineHarness();
        for (var i = 0; i < completions.Length; i++)
        {
            var contact = "c" + i;
            harness.Queued(0, contact);
            harness.Answered(5, contact, completions[i].Agent);
            harness.Completed(60 + i, contact, completions[i].Agent, talk: 50, outcome: completions[i].Outcome);
        }

        return harness;
    }

    [Fact]
    public void UpsellRate_AcceptedOverOffered_IsThePercentage()
    {
        var harness = WithCompletions(("a1", UpsellAccepted), ("a1", UpsellDeclined), ("a1", UpsellDeclined), ("a1", ContactOutcome.None));

        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.UpsellRate));
        Assert.Equal(100.0 / 3, harness.Kpi(KpiId.UpsellRate, "today", "queue:sales"));
    }

    [Fact]
    public void UpsellRate_NoOffer_IsNull()
    {
        var harness = WithCompletions(("a1", ContactOutcome.None), ("a1", CancellationSaved));

        Assert.Null(harness.Kpi(KpiId.UpsellRate));
        Assert.Equal(2, harness.Kpi(KpiId.Handled));
    }

    [Fact]
    public void SaveRate_SavedOverCancellationRequests_IsThePercentage()
    {
        var harness = WithCompletions(("a1", CancellationSaved), ("a2", CancellationLost), ("a2", UpsellAccepted));

        Assert.Equal(50, harness.Kpi(KpiId.SaveRate));
        Assert.Equal(100, harness.Kpi(KpiId.SaveRate, "5m", "agent:a1"));
        Assert.Equal(0, harness.Kpi(KpiId.SaveRate, "60m", "agent:a2"));
        Assert.Equal(100, harness.Kpi(KpiId.UpsellRate, "60m", "agent:a2"));
        Assert.Null(harness.Kpi(KpiId.UpsellRate, "60m", "agent:a1"));
    }

    [Fact]
    public void SaveRate_NoCancellationRequest_IsNull()
    {
        var harness = WithCompletions(("a1", UpsellAccepted));

        Assert.Null(harness.Kpi(KpiId.SaveRate));
        Assert.Equal(100, harness.Kpi(KpiId.UpsellRate));
    }

    [Fact]
    public void Outcomes_AreMeasuredAtTheCompletion()
    {
        var harness = WithCompletions(("a1", CancellationSaved), ("a1", CancellationLost));

        harness.ClockTo(360);
        Assert.Equal(0, harness.Kpi(KpiId.SaveRate, "5m"));
        harness.ClockTo(361);
        Assert.Null(harness.Kpi(KpiId.SaveRate, "5m"));
        Assert.Equal(50, harness.Kpi(KpiId.SaveRate, "today"));
    }
}
