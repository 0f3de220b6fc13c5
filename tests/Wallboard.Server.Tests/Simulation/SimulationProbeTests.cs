using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Tests.Simulation;

public sealed class SimulationProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe_Seeds_Prints()
    {
        for (var seed = 1; seed <= 8; seed++)
        {
            var run = new SimulationRun(seed: seed).RunFor(TimeSpan.FromDays(1), TimeSpan.FromSeconds(10));
            var breaches = 0;
            output.WriteLine($"seed {seed}: SL {run.Kpi(KpiId.ServiceLevel):0.0} ab {run.Kpi(KpiId.AbandonRate):0.0} occ {run.Kpi(KpiId.Occupancy):0.0} offered {run.Kpi(KpiId.Offered)} fcr {run.Kpi(KpiId.Fcr):0.0} repeat {run.Kpi(KpiId.RepeatContactRate):0.0} {breaches}");
        }

        Assert.True(true);
    }

    [Fact]
    public void Probe_Day_Prints()
    {
        var run = new SimulationRun();
        for (var hour = 1; hour <= 24; hour++)
        {
            run.RunUntil(SimulationRun.Start.AddHours(hour), TimeSpan.FromSeconds(5));
            output.WriteLine($"{hour,2}h 60m: SL {run.Kpi(KpiId.ServiceLevel, "60m"):0.0} ab {run.Kpi(KpiId.AbandonRate, "60m"):0.0} occ {run.Kpi(KpiId.Occupancy, "60m"):0.0} off {run.Kpi(KpiId.Offered, "60m")} online {run.Kpi(KpiId.AgentsOnline, "now")} away {run.Kpi(KpiId.AgentsAway, "now")} asa {run.Kpi(KpiId.Asa, "60m"):0.0} aht {run.Kpi(KpiId.Aht, "60m"):0} waiting {run.Kpi(KpiId.ContactsWaiting, "now")}");
        }

        output.WriteLine($"today: SL {run.Kpi(KpiId.ServiceLevel):0.0} ab {run.Kpi(KpiId.AbandonRate):0.0} occ {run.Kpi(KpiId.Occupancy):0.0} offered {run.Kpi(KpiId.Offered)} fcr {run.Kpi(KpiId.Fcr):0.0} repeat {run.Kpi(KpiId.RepeatContactRate):0.0} transfer {run.Kpi(KpiId.TransferRate):0.0} events {run.Events.Count}");
        foreach (var queue in new[] { "sales", "support", "billing", "vip", "web-chat", "sms-care" })
        {
            output.WriteLine($"{queue}: SL {run.Kpi(KpiId.ServiceLevel, scope: "queue:" + queue):0.0} ab {run.Kpi(KpiId.AbandonRate, scope: "queue:" + queue):0.0} offered {run.Kpi(KpiId.Offered, scope: "queue:" + queue)} asa {run.Kpi(KpiId.Asa, scope: "queue:" + queue):0.0}");
        }

        foreach (var queue in Enumerable.Range(0, 6))
        {
            output.WriteLine($"queue {queue}: primary {run.Model.Agents.Count(a => a.Queues[0] == queue)} skilled {run.Model.Agents.Count(a => a.Queues.Contains(queue))} in first 15 {run.Model.Agents.Where(a => a.Rank < 15).Count(a => a.Queues.Contains(queue))}");
        }

        Assert.NotEmpty(run.Events);
    }
}
