using Wallboard.Server.Hosting;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// The current routes, channels and rules for delivery. An edit that does not validate is logged once and
/// ignored: notifications keep going out on the last valid configuration.
/// </summary>
internal sealed class DeliverySettings(LastValidOptions<AlertDeliveryOptions> delivery, LastValidOptions<AlertsOptions> alerts)
{
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, AlertRuleOptions>? _rules;
    private AlertsOptions? _rulesSource;

    public AlertDeliveryOptions Delivery => delivery.Value;

    /// <summary>The effective rules by id, for the route and the threshold of an alert.</summary>
    public IReadOnlyDictionary<string, AlertRuleOptions> Rules
    {
        get
        {
            var current = alerts.Value;
            lock (_gate)
            {
                if (!ReferenceEquals(current, _rulesSource))
                {
                    _rules = current.EffectiveRules().ToDictionary(rule => rule.Id, StringComparer.Ordinal);
                    _rulesSource = current;
                }

                return _rules!;
            }
        }
    }

    /// <summary>How long delivery state (markers, records) outlives an alert: the history retention and a day.</summary>
    public TimeSpan Retention => alerts.Value.HistoryRetention + TimeSpan.FromDays(1);

    /// <summary>How often delivery looks for reminders, escalations and closed group windows: the alert evaluation interval.</summary>
    public TimeSpan TickInterval => alerts.Value.EvaluationInterval;
}
