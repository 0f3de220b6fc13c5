using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Tests.Simulation;

/// <summary>One simulated day of the demo centre from local midnight (UTC site), fed into an event-clock engine; shared by the tests that read it.</summary>
public sealed class DefaultDayRun
{
    public DefaultDayRun()
    {
        Run = new SimulationRun();
        for (var hour = 1; hour <= 24; hour++)
        {
            Run.RunUntil(SimulationRun.Start.AddHours(hour), TimeSpan.FromSeconds(5));
            Hours.Add(new HourFigures(
                hour,
                Run.Kpi(KpiId.ServiceLevel, "60m"),
                Run.Kpi(KpiId.AbandonRate, "60m"),
                Run.Kpi(KpiId.Occupancy, "60m"),
                Run.Kpi(KpiId.AgentsOnline, "now")));
        }
    }

    internal SimulationRun Run { get; }

    /// <summary>The last hour's figures at the end of each hour.</summary>
    internal List<HourFigures> Hours { get; } = [];

    internal sealed record HourFigures(int Hour, double? ServiceLevel, double? AbandonRate, double? Occupancy, double? AgentsOnline);
}
