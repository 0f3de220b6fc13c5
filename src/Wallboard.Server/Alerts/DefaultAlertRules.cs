namespace Wallboard.Server.Alerts;

/// <summary>
/// Rules on the default thresholds of spec/kpis.md, each with a clear level a little on the good side
/// (hysteresis) and a minimum duration, for every queue and for the whole center.
/// </summary>
internal static class DefaultAlertRules
{
    public static IReadOnlyList<AlertRuleOptions> All { get; } =
    [
        .. Both("abandon-rate", "abandonRate", "15m", Above(8, 7), Above(10, 9)),
        .. Both("service-level", "serviceLevel", "15m", Below(80, 82), Below(70, 72)),
        .. Both("longest-wait", "longestWait", "now", Above(60, 50), Above(120, 100), TimeSpan.FromSeconds(15)),
        .. Both("first-contact-resolution", "fcr", "today", Below(70, 72), Below(50, 52)),
        .. Both("csat", "csat", "today", Below(85, 87), Below(80, 82)),
        .. Both("resolution-rate", "resolutionRate", "today", Below(80, 82), Below(60, 62)),
        .. Both("tickets-breached", "ticketsBreached", "now", Above(0, 0), Above(10, 8), TimeSpan.Zero),
        Rule("occupancy-teams", "occupancy", "team:*", "60m",
            new AlertBandOptions { Above = 90, ClearBelow = 88, Below = 70, ClearAbove = 72 }, Above(95, 93)),
        Rule("occupancy-all", "occupancy", "all", "60m",
            new AlertBandOptions { Above = 90, ClearBelow = 88, Below = 70, ClearAbove = 72 }, Above(95, 93)),
        Rule("first-reply-target-channels", "firstReplyWithinTarget", "channel:*", "60m", Below(90, 92), Below(80, 82)),
        Rule("nps", "nps", "all", "today", Below(50, 52), Below(30, 32)),
        Rule("ces", "ces", "all", "today", Below(5, 5.2), Below(4, 4.2)),
        Rule("sentiment", "sentiment", "all", "60m", Below(80, 82), Below(60, 62)),
    ];

    private static IEnumerable<AlertRuleOptions> Both(
        string id, string kpi, string window, AlertBandOptions warning, AlertBandOptions critical, TimeSpan? holdFor = null)
    {
        yield return Rule(id + "-queues", kpi, "queue:*", window, warning, critical, holdFor);
        yield return Rule(id + "-all", kpi, "all", window, warning, critical, holdFor);
    }

    private static AlertRuleOptions Rule(
        string id, string kpi, string scope, string window, AlertBandOptions warning, AlertBandOptions critical, TimeSpan? holdFor = null) => new()
        {
            Id = id,
            Kpi = kpi,
            Scope = scope,
            Window = window,
            Warning = warning,
            Critical = critical,
            For = holdFor ?? TimeSpan.FromSeconds(60),
            ClearFor = TimeSpan.FromSeconds(120),
        };

    private static AlertBandOptions Above(double trigger, double clear) => new() { Above = trigger, ClearBelow = clear };

    private static AlertBandOptions Below(double trigger, double clear) => new() { Below = trigger, ClearAbove = clear };
}
