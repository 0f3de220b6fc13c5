namespace Wallboard.LoadTest;

/// <summary>
/// What the sender of <see cref="LatencyRun"/> did: batches and events posted, over how long, how late
/// against its schedule, and the Stopwatch timestamp where the warm-up ended (<c>MeasureFrom</c>).
/// </summary>
internal sealed record SendingFigures(int Batches, int Events, TimeSpan Elapsed, Distribution Lag, long MeasureFrom);
