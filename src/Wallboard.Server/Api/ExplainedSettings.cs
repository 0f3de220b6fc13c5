namespace Wallboard.Server.Api;

/// <summary>The queue settings (or site defaults) that shaped a scope's values, in seconds.</summary>
internal sealed record ExplainedSettings(
    double ServiceLevelThresholdSeconds, double ShortAbandonThresholdSeconds, double RepeatContactHorizonSeconds, string DailyReset);
