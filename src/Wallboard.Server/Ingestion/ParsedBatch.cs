using Wallboard.Engine.Events;

namespace Wallboard.Server.Ingestion;

/// <summary>A request body split into valid events (with their indexes and JSON) and rejections.</summary>
internal sealed class ParsedBatch
{
    public List<WallboardEvent> Events { get; } = [];

    public List<int> Indexes { get; } = [];

    public List<string> Json { get; } = [];

    public List<RejectedEvent> Rejected { get; } = [];

    public int Total { get; set; }

    /// <summary>The valid events as one JSON array, the form they take in the event log.</summary>
    public string EventsJson() => "[" + string.Join(',', Json) + "]";
}
