namespace Wallboard.Server.Api;

/// <summary>The site-wide settings that change KPI values (seconds).</summary>
internal sealed record CatalogSettings(
    double ServiceLevelThresholdSeconds,
    double ShortAbandonThresholdSeconds,
    double RepeatContactHorizonSeconds,
    double AllowedLatenessSeconds,
    string TimeZone,
    string Clock);
