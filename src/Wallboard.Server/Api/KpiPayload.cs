using System.Text.Json.Serialization;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Api;

/// <summary>The values of one scope × window as the API and the hub send them.</summary>
internal sealed record KpiPayload(string Scope, string Window, DateTimeOffset AsOf, IReadOnlyDictionary<string, double?> Values)
{
    /// <summary>KPIs whose value rests on fewer answers than the minimum sample (shown greyed, not red); omitted when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? LowSample { get; init; }

    /// <summary>With <c>?explain=true</c>: what each ratio and mean is made of, and the settings that shaped it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KpiExplanation? Explain { get; init; }

    public static KpiPayload From(ScopeId scope, WindowId window, DateTimeOffset asOf, KpiValues values)
    {
        var byName = new Dictionary<string, double?>(StringComparer.Ordinal);
        List<string>? lowSample = null;
        foreach (var (kpi, value) in values.Applicable())
        {
            byName[kpi.Name] = value;
            if (value is not null && !values.IsSignificant(kpi.Id))
            {
                (lowSample ??= []).Add(kpi.Name);
            }
        }

        // Outside figures (metric.recorded) appear as ext.<name> in the now window.
        foreach (var (name, value) in values.External)
        {
            byName["ext." + name] = value;
        }

        return new KpiPayload(scope.ToString(), window.ToString(), asOf, byName) { LowSample = lowSample };
    }
}
