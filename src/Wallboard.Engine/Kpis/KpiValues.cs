namespace Wallboard.Engine.Kpis;

/// <summary>The values of one scope × window, by KPI; <c>null</c> where a denominator is empty or the KPI does not apply.</summary>
public sealed class KpiValues
{
    private readonly double[] _values;

    internal KpiValues(WindowKind window, double[] values, int minimumSample = 1, IReadOnlyDictionary<string, double>? external = null)
    {
        Window = window;
        _values = values;
        MinimumSample = minimumSample;
        External = external ?? EmptyExternal;
    }

    public WindowKind Window { get; }

    /// <summary>The smallest sample (answers) for a customer-voice value to be significant.</summary>
    public int MinimumSample { get; }

    /// <summary>Outside figures of the scope (<c>ext.&lt;name&gt;</c> without the prefix), in the <c>now</c> window.</summary>
    public IReadOnlyDictionary<string, double> External { get; }

    private static IReadOnlyDictionary<string, double> EmptyExternal { get; } = new Dictionary<string, double>();

    /// <summary>False when the KPI rests on fewer answers than <see cref="MinimumSample"/> (CSAT of 1 answer in 2 is noise).</summary>
    public bool IsSignificant(KpiId id) =>
        KpiCatalog.Get(id).SampleKpi is not { } sample || _values[(int)sample] >= MinimumSample;

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
    public bool SameAs(KpiValues? other) =>
        other is not null && _values.AsSpan().SequenceEqual(other._values)
        && External.Count == other.External.Count && External.All(pair => other.External.TryGetValue(pair.Key, out var value) && value.Equals(pair.Value));
}
