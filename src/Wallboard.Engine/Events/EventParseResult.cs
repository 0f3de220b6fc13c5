using System.Diagnostics.CodeAnalysis;

namespace Wallboard.Engine.Events;

/// <summary>The outcome of parsing one event: the typed event, or the one reason it was rejected.</summary>
public readonly record struct EventParseResult
{
    private EventParseResult(WallboardEvent? evt, string? id, string? error)
    {
        Event = evt;
        Id = id;
        Error = error;
    }

    /// <summary>The typed event when valid; otherwise <see langword="null"/>.</summary>
    public WallboardEvent? Event { get; }

    /// <summary>The event's <c>id</c> whenever it could be read as a string, even for a rejected event, so the ingest response can name it.</summary>
    public string? Id { get; }

    /// <summary>Why the event was rejected; <see langword="null"/> when valid.</summary>
    public string? Error { get; }

    /// <summary>Whether the event passed every validation rule.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Event is not null;

    /// <summary>A successfully parsed event.</summary>
    public static EventParseResult Valid(WallboardEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return new EventParseResult(evt, evt.Id, null);
    }

    /// <summary>A rejected event, with its id when it could be read and the reason.</summary>
    public static EventParseResult Invalid(string? id, string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new EventParseResult(null, id, error);
    }
}
