using System.Text.Json.Serialization;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Api;

/// <summary>The values of one scope × window as the API and the hub send them.</summary>
internal sealed record KpiPayload(string Scope, string Window, DateTimeOffset AsOf, IReadOnlyDictionary<string, double?> Values)
{
    /// <summary>With <c>?explain=true</c>: what each ratio and mean is made of, and the settings that shaped it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KpiExplanation? Explain { get; init; }

    public static KpiPayload From(ScopeId scope, WindowId window, DateTimeOffset asOf, KpiValues values)
    {
        var byName = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (kpi, value) in values.Applicable())
        {
            byName[kpi.Name] = value;
        }

        return new KpiPayload(scope.ToString(), window.ToString(), asOf, byName);
    }
}
