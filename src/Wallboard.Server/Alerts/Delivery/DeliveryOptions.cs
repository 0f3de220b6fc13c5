using System.ComponentModel.DataAnnotations;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>How notifications are sent (<c>Alerts:Delivery</c>): timeouts, retries, queue and record sizes.</summary>
internal sealed class DeliveryOptions
{
    /// <summary>Per attempt, unless a channel sets its own.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per message, the first included, before giving up.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The back-off before the second attempt; it doubles each time (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A <c>Retry-After</c> is honoured up to this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages waiting per channel; beyond it a message is dropped (and recorded as such).</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Delivery attempts kept in memory (all alerts).</summary>
    [Range(10, 1_000_000)]
    public int RecordCapacity { get; set; } = 2000;

    /// <summary>Delivery attempts kept in Redis per alert.</summary>
    [Range(1, 10_000)]
    public int RecordsPerAlert { get; set; } = 200;
}
