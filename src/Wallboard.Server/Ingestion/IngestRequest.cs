using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;

namespace Wallboard.Server.Ingestion;

/// <summary>One request's valid events on their way through the log writer.</summary>
internal sealed class IngestRequest(IReadOnlyList<WallboardEvent> events, ReadOnlyMemory<byte> eventsJson)
{
    private readonly TaskCompletionSource<IReadOnlyList<IngestResult>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<WallboardEvent> Events { get; } = events;

    /// <summary>The events as a JSON array (UTF-8), as written to the log.</summary>
    public ReadOnlyMemory<byte> EventsJson { get; } = eventsJson;

    public Task<IReadOnlyList<IngestResult>> Completion => _completion.Task;

    public void Complete(IReadOnlyList<IngestResult> results) => _completion.TrySetResult(results);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
