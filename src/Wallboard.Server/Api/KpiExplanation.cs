using Wallboard.Engine;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Api;

/// <summary>What the explain panel shows beside the formula: each ratio's parts and the settings in force for the scope.</summary>
internal sealed record KpiExplanation(IReadOnlyDictionary<string, KpiParts> Parts, ExplainedSettings Settings, string TimeZone, double AllowedLatenessSeconds)
{
    public static KpiExplanation Of(WallboardEngine engine, ScopeId scope, WindowId window)
    {
        var options = engine.Options;
        var settings = scope.Kind == ScopeKind.Queue ? options.SettingsFor(scope.Name) : options.Defaults;
        var parts = engine.Explain(scope, window).ToDictionary(pair => KpiCatalog.Get(pair.Key).Name, pair => pair.Value, StringComparer.Ordinal);
        return new KpiExplanation(
            parts,
            new ExplainedSettings(
                settings.ServiceLevelThreshold.TotalSeconds,
                settings.ShortAbandonThreshold.TotalSeconds,
                settings.RepeatContactHorizon.TotalSeconds,
                settings.DailyReset.ToString("hh\\:mm", System.Globalization.CultureInfo.InvariantCulture)),
            options.TimeZone,
            options.AllowedLateness.TotalSeconds);
    }
}
