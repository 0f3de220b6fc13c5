using Wallboard.Engine.Events;

namespace Wallboard.Benchmarks.Workload;

/// <summary>What a generated stream holds: events per second of event time, the mix of types, the out-of-order share.</summary>
internal sealed record WorkloadProfile(int Events, double EventTimeSeconds, IReadOnlyDictionary<EventType, int> ByType, int OutOfOrder)
{
    public double EventsPerEventSecond => Events / EventTimeSeconds;

    public static WorkloadProfile Of(IReadOnlyList<WallboardEvent> events)
    {
        var byType = new Dictionary<EventType, int>();
        var newest = long.MinValue;
        var outOfOrder = 0;
        foreach (var next in events)
        {
            byType[next.Type] = byType.GetValueOrDefault(next.Type) + 1;
            var atMs = next.Timestamp.ToUnixTimeMilliseconds();
            outOfOrder += atMs < newest ? 1 : 0;
            newest = Math.Max(newest, atMs);
        }

        var seconds = (newest - events[0].Timestamp.ToUnixTimeMilliseconds()) / 1000.0;
        return new WorkloadProfile(events.Count, seconds, byType, outOfOrder);
    }

    public override string ToString()
    {
        var mix = string.Join(", ", ByType.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {100.0 * pair.Value / Events:0.0}%"));
        return $"{Events:N0} events over {EventTimeSeconds / 3600:0.00} h of event time ({EventsPerEventSecond:0} events/s); " +
            $"behind the clock on arrival: {100.0 * OutOfOrder / Events:0.00}%; {mix}";
    }
}
