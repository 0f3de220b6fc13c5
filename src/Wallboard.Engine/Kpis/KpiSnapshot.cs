namespace Wallboard.Engine.Kpis;

/// <summary>
/// What the engine emits each tick: the rows (scope × window) whose values changed since the previous
/// snapshot, or every row when <see cref="IsFull"/>.
/// </summary>
public sealed record KpiSnapshot(long Sequence, DateTimeOffset AsOf, IReadOnlyList<KpiRow> Rows, bool IsFull);
