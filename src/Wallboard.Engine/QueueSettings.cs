using System.ComponentModel.DataAnnotations;

namespace Wallboard.Engine;

/// <summary>Settings that change a queue's KPIs (site-wide defaults, overridden per queue).</summary>
public sealed class QueueSettings
{
    /// <summary>T_sl: an answer within this wait counts toward the service level (inclusive).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ServiceLevelThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>T_short: an abandon with a shorter wait is a short abandon and leaves the rate denominators.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ShortAbandonThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A contact is a repeat when the same customer had another contact queued this long before.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RepeatContactHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Local time of day (site time zone) when the queue's <c>today</c> starts again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan DailyReset { get; set; } = TimeSpan.Zero;

    /// <summary>These settings with every value <paramref name="overrides"/> sets replaced.</summary>
    public QueueSettings With(QueueSettingsOverride? overrides) => overrides is null ? this : new QueueSettings
    {
        ServiceLevelThreshold = overrides.ServiceLevelThreshold ?? ServiceLevelThreshold,
        ShortAbandonThreshold = overrides.ShortAbandonThreshold ?? ShortAbandonThreshold,
        RepeatContactHorizon = overrides.RepeatContactHorizon ?? RepeatContactHorizon,
        DailyReset = overrides.DailyReset ?? DailyReset,
    };
}
