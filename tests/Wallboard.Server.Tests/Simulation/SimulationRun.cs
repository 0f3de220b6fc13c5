using System.Reactive.Concurrency;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;
using Wallboard.Server.Simulation;

namespace Wallboard.Server.Tests.Simulation;

/// <summary>Runs a <see cref="SimulationModel"/> tick by tick, the way the simulator does, and feeds an event-clock engine.</summary>
internal sealed class SimulationRun
{
    public const int Seed = 20261123;

    public static DateTimeOffset Start { get; } = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public SimulationRun(SimulatorOptions? options = null, DateTimeOffset? start = null, int seed = Seed)
    {
        Begin = start ?? Start;
        Model = new SimulationModel(options ?? new SimulatorOptions { Enabled = true }, TimeZoneInfo.Utc, Begin, seed);
        Engine = new WallboardEngine(new EngineOptions { Clock = ClockMode.Event }, new HistoricalScheduler(Begin));
    }

    public DateTimeOffset Begin { get; }

    public SimulationModel Model { get; }

    public WallboardEngine Engine { get; }

    public List<WallboardEvent> Events { get; } = [];

    /// <summary>Every batch with the instant it was asked for.</summary>
    public List<(DateTimeOffset Now, IReadOnlyList<WallboardEvent> Batch)> Batches { get; } = [];

    /// <summary>Advances in steps of <paramref name="tick"/> until <paramref name="until"/>, engine fed batch by batch.</summary>
    public SimulationRun RunUntil(DateTimeOffset until, TimeSpan tick)
    {
        var now = Model.Now;
        while (now < until)
        {
            now = now + tick > until ? until : now + tick;
            var batch = Model.AdvanceTo(now);
            Batches.Add((now, batch));
            Events.AddRange(batch);
            Engine.Ingest(batch);
        }

        return this;
    }

    public SimulationRun RunFor(TimeSpan duration, TimeSpan? tick = null) => RunUntil(Begin + duration, tick ?? TimeSpan.FromSeconds(1));

    public double? Kpi(KpiId kpi, string window = "today", string scope = "all")
    {
        Assert.True(ScopeId.TryParse(scope, out var scopeId));
        Assert.True(WindowId.TryParse(window, out var windowId));
        return Engine.Read(scopeId.Value, windowId.Value)[kpi];
    }
}
