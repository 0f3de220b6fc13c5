namespace Wallboard.Engine.Events;

/// <summary>One event of the public contract (<c>spec/events.md</c>): an envelope with a unique id and an event time.</summary>
/// <param name="Id">Unique per event (1..128 characters); a repeated id is a duplicate.</param>
/// <param name="Timestamp">When it happened (event time), with its offset.</param>
public abstract record WallboardEvent(string Id, DateTimeOffset Timestamp)
{
    /// <summary>The wire <c>type</c> of the event.</summary>
    public abstract EventType Type { get; }
}
