namespace Wallboard.Engine.Kpis;

/// <summary>What a ratio or mean is made of, for "explain this number": numerator and denominator with what each counts.</summary>
public sealed record KpiParts(double Numerator, double Denominator, string NumeratorCounts, string DenominatorCounts);
