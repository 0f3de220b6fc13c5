using System.ComponentModel.DataAnnotations;

namespace Wallboard.Engine;

/// <summary>One queue's departures from the site-wide <see cref="QueueSettings"/>; unset values inherit.</summary>
public sealed class QueueSettingsOverride
{
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan? ServiceLevelThreshold { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan? ShortAbandonThreshold { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan? RepeatContactHorizon { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan? DailyReset { get; set; }
}
