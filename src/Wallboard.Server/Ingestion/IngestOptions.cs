using System.ComponentModel.DataAnnotations;

namespace Wallboard.Server.Ingestion;

/// <summary>Limits of <c>POST /api/v1/events</c> (section <c>Ingest</c>).</summary>
internal sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest request body; a larger one is refused whole with 413.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most events in one request; more is refused whole with 413.</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchEvents { get; set; } = 10_000;

    /// <summary>Requests waiting for the log writer before new ones wait for room.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1024;
}
