namespace Wallboard.Engine.Time;

/// <summary>Where the engine clock comes from: the scheduler's wall time, or the largest event time ingested.</summary>
public enum ClockMode
{
    Wall,
    Event,
}
