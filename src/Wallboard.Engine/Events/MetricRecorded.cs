namespace Wallboard.Engine.Events;

/// <summary>A figure computed elsewhere, shown as the KPI <c>ext.&lt;name&gt;</c> in <c>all</c> or the named scope.</summary>
public sealed record MetricRecorded(string Id, DateTimeOffset Timestamp, string Name, double Value, string? Unit, string? Scope)
    : WallboardEvent(Id, Timestamp)
{
    public override EventType Type => EventType.MetricRecorded;
}
