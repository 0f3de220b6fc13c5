using System.Reactive.Concurrency;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Engine.Time;

namespace Wallboard.Benchmarks.Workload;

/// <summary>The engine and event stream every engine benchmark uses, so their figures compare.</summary>
internal static class BenchmarkWorkload
{
    public const int Seed = 20261123;

    public static DateTimeOffset Start { get; } = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    /// <summary>An engine with the default options on the event clock (windows 5, 15, 30 and 60 minutes, 5-minute lateness).</summary>
    public static WallboardEngine CreateEngine() => CreateEngine(shortMemories: false);

    /// <summary>
    /// The same, or with <paramref name="shortMemories"/> the three day-long memories shrunk (ids against
    /// duplicates and customers for repeats kept 1 minute, contacts for surveys 10 minutes): an experiment
    /// that shows what those memories cost, not a configuration to run.
    /// </summary>
    public static WallboardEngine CreateEngine(bool shortMemories) =>
        new(
            shortMemories
                ? new EngineOptions
                {
                    Clock = ClockMode.Event,
                    DuplicateHorizon = TimeSpan.FromMinutes(1),
                    InteractionMemory = TimeSpan.FromMinutes(10),
                    Defaults = new QueueSettings { RepeatContactHorizon = TimeSpan.FromMinutes(1) },
                }
                : new EngineOptions { Clock = ClockMode.Event },
            new HistoricalScheduler(Start));

    /// <summary>The first <paramref name="count"/> events of the centre at the given pace (compressed by default).</summary>
    public static WallboardEvent[] Generate(int count, CentrePace? pace = null) => new EventGenerator(Seed, Start, pace ?? CentrePace.Compressed).Take(count);
}
