using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Api;

/// <summary>The values of one scope × window as the API and the hub send them.</summary>
internal sealed record KpiPayload(string Scope, string Window, DateTimeOffset AsOf, IReadOnlyDictionary<string, double?> Values)
{
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
