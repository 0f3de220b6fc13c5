using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;

namespace Wallboard.Engine.Tests.Properties;

/// <summary>
/// Feeds the same events to two engines, one in <c>ts</c> order and one in another arrival order, side by
/// side, and compares them wherever both have ingested the same set of events, at the end, and after a
/// final clock advance that slides part of the data out of the windows.
/// </summary>
internal static class Lockstep
{
    public static readonly TimeSpan FinalAdvance = TimeSpan.FromMinutes(7);

    /// <summary>Runs both orders; <paramref name="arrival"/> lists indexes into <paramref name="events"/>. Returns the checkpoints compared.</summary>
    public static int Run(WallboardEvent[] events, int[] arrival, int intermediateCheckpoints)
    {
        var reference = Scenario.NewEngine();
        var candidate = Scenario.NewEngine();
        var checkpoints = SameSetPrefixes(arrival, intermediateCheckpoints);
        for (var k = 0; k < events.Length; k++)
        {
            AssertAccepted(reference.Ingest(events[k]), events[k]);
            AssertAccepted(candidate.Ingest(events[arrival[k]]), events[arrival[k]]);
            if (checkpoints.Contains(k + 1))
            {
                EngineComparison.AssertSameKpis(reference, candidate, $"after {k + 1} of {events.Length} events");
            }
        }

        EngineComparison.AssertSameKpis(reference, candidate, "after the last event");
        AdvanceBoth(reference, candidate, events[^1].Timestamp + FinalAdvance);
        EngineComparison.AssertSameKpis(reference, candidate, "7 minutes after the last event");
        return checkpoints.Count + 2;
    }

    /// <summary>Moves both clocks with an event that touches no KPI.</summary>
    public static void AdvanceBoth(WallboardEngine first, WallboardEngine second, DateTimeOffset to)
    {
        var tick = new MetricRecorded("clock-advance", to, "clock", 0, null, null);
        AssertAccepted(first.Ingest(tick), tick);
        AssertAccepted(second.Ingest(tick), tick);
    }

    public static void AssertAccepted(IngestResult result, WallboardEvent incoming) =>
        Assert.True(result.Status == IngestStatus.Accepted, $"{incoming} was {result.Status} {result.Reason}");

    /// <summary>The arrival order sorting by <paramref name="key"/>, then by the <c>ts</c> order index.</summary>
    public static int[] OrderBy(int count, Func<int, long> key, Func<int, long>? tieBreak = null) =>
        [.. Enumerable.Range(0, count).OrderBy(key).ThenBy(tieBreak ?? (_ => 0L)).ThenBy(index => index)];

    /// <summary>How many events arrive at a different position than in <c>ts</c> order.</summary>
    public static int Displaced(int[] arrival) => arrival.Where((index, position) => index != position).Count();

    // Prefix lengths after which the arrival order has delivered exactly the first k events of the ts
    // order (the largest index seen is k − 1): only there do both engines hold the same events.
    private static HashSet<int> SameSetPrefixes(int[] arrival, int wanted)
    {
        var candidates = new List<int>();
        var highest = -1;
        for (var k = 1; k < arrival.Length; k++)
        {
            highest = Math.Max(highest, arrival[k - 1]);
            if (highest == k - 1)
            {
                candidates.Add(k);
            }
        }

        return candidates.Count <= wanted
            ? [.. candidates]
            : [.. Enumerable.Range(1, wanted).Select(i => candidates[i * candidates.Count / (wanted + 1)])];
    }
}
