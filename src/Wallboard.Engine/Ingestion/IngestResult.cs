namespace Wallboard.Engine.Ingestion;

/// <summary>The outcome for one event, with the reason when it was rejected.</summary>
public readonly record struct IngestResult(IngestStatus Status, string? Reason = null)
{
    public static IngestResult Accepted { get; } = new(IngestStatus.Accepted);

    public static IngestResult Duplicate { get; } = new(IngestStatus.Duplicate);

    public static IngestResult Late { get; } = new(IngestStatus.Late);

    public static IngestResult Rejected(string reason) => new(IngestStatus.Rejected, reason);
}
