using Wallboard.Engine.Kpis;

namespace Wallboard.Server.State;

/// <summary>What a KPI hash in Redis holds as far as this process knows: the values last written, and when it was last written in full.</summary>
internal readonly record struct WrittenKpiRow(KpiValues Values, DateTimeOffset FullAt);
