namespace Wallboard.Engine.Kpis;

/// <summary>The values of one scope in one window.</summary>
public sealed record KpiRow(ScopeId Scope, WindowId Window, KpiValues Values);
