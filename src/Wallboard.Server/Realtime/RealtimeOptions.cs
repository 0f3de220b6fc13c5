using System.ComponentModel.DataAnnotations;

namespace Wallboard.Server.Realtime;

/// <summary>Push settings (section <c>Realtime</c>).</summary>
internal sealed class RealtimeOptions
{
    public const string SectionName = "Realtime";

    /// <summary>Most pushes per client per second; the first change after a quiet period goes out at once.</summary>
    [Range(0.1, 100)]
    public double MaxUpdatesPerSecond { get; set; } = 4;

    /// <summary>How often values are re-evaluated without new events (gauges such as longest wait tick with time).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Period => TimeSpan.FromSeconds(1 / MaxUpdatesPerSecond);
}
