namespace Wallboard.Engine.Ingestion;

/// <summary>What the engine did with one event.</summary>
public enum IngestStatus
{
    /// <summary>Applied (or held until the clock reaches its time, when it is slightly ahead).</summary>
    Accepted,

    /// <summary>An event with this id was already seen within the duplicate horizon; nothing changed.</summary>
    Duplicate,

    /// <summary>Older than the allowed lateness: recorded, updates current states, but changes no window.</summary>
    Late,

    /// <summary>Refused with a reason (for example a time too far ahead of the clock).</summary>
    Rejected,
}
