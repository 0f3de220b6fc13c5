using System.ComponentModel.DataAnnotations;

namespace Wallboard.Server.State;

/// <summary>Where state lives in Redis (section <c>Redis</c>; the connection string is <c>ConnectionStrings:Redis</c>).</summary>
internal sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>Every key starts with this, so that several boards (or tests) can share one Redis.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9:_.-]{1,64}$")]
    public string KeyPrefix { get; set; } = "wallboard:";

    /// <summary>How long KPI hashes live without being rewritten (they are rewritten on every change).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan KpiTimeToLive { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How often the changed KPI rows are written to their hashes, at most. The hashes are for other tools
    /// (boards are pushed through the hub on every tick); a floor of a thousand agents changes thousands of
    /// rows each tick, and writing them 4 times a second took a third of the server's time under load.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan KpiWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the event log keeps entries older than the checkpoint (for audit and re-processing).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan EventLogRetention { get; set; } = TimeSpan.FromHours(25);

    /// <summary>How often the engine state is checkpointed (it is also checkpointed on shutdown).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A larger checkpoint is stored in parts of this size: Redis refuses a value over 512 MB (and closes
    /// the connection), and one huge value would hold up the event log's appends while it is sent.
    /// </summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int CheckpointPartBytes { get; set; } = 32 * 1024 * 1024;
}
