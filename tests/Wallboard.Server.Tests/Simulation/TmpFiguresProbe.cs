using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Tests.Simulation;

public sealed class TmpFiguresProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var run = new SimulationRun().RunFor(TimeSpan.FromDays(1), TimeSpan.FromSeconds(5));
        foreach (var kpi in new[] { KpiId.ServiceLevel, KpiId.AbandonRate, KpiId.Occupancy, KpiId.Asa, KpiId.Aht, KpiId.Fcr, KpiId.Csat, KpiId.Nps, KpiId.Ces, KpiId.Sentiment, KpiId.TicketsCreated, KpiId.FirstReplyWithinTarget, KpiId.ResolutionRate, KpiId.ReopenRate, KpiId.SelfServiceResolution })
        {
            output.WriteLine($"{kpi}: {run.Kpi(kpi):0.0}");
        }

        output.WriteLine($"backlog {run.Kpi(KpiId.Backlog, "now")}");
        Assert.NotEmpty(run.Events);
    }
}
