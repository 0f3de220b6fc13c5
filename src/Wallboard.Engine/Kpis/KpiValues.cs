namespace Wallboard.Engine.Kpis;

/// <summary>The values of one scope × window, by KPI; <c>null</c> where a denominator is empty or the KPI does not apply.</summary>
public sealed class KpiValues
{
    private readonly double[] _values;

    internal KpiValues(WindowKind window, double[] values)
    {
        Window = window;
        _values = values;
    }

    public WindowKind Window { get; }

    public double? this[KpiId id] => double.IsNaN(_values[(int)id]) ? null : _values[(int)id];

    /// <summary>Every KPI of the catalog that applies to this window, with its value.</summary>
    public IEnumerable<(KpiDefinition Kpi, double? Value)> Applicable()
    {
        foreach (var definition in KpiCatalog.All)
        {
            if (definition.AppliesTo(Window))
            {
                yield return (definition, this[definition.Id]);
            }
        }
    }

    /// <summary>Whether every value equals <paramref name="other"/>'s (nulls equal nulls).</summary>
    public bool SameAs(KpiValues? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);
}
