namespace Wallboard.Server.Realtime;

/// <summary>A <see cref="KpiUpdate"/> on the wire with its rows already serialized: the same JSON, built once per row.</summary>
internal sealed record KpiPush(long Sequence, DateTimeOffset AsOf, bool Full, bool Stale, IReadOnlyList<SerializedKpiRow> Rows);
