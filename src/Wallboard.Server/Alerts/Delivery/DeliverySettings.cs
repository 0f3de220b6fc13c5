using Microsoft.Extensions.Options;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// The current routes, channels and rules for delivery. An edit that does not validate is logged once and
/// ignored: notifications keep going out on the last valid configuration.
/// </summary>
internal sealed partial class DeliverySettings(
    IOptionsMonitor<AlertDeliveryOptions> delivery, IOptionsMonitor<AlertsOptions> alerts, ILogger<DeliverySettings> logger)
{
    private readonly Lock _gate = new();
    private AlertDeliveryOptions? _delivery;
    private IReadOnlyDictionary<string, AlertRuleOptions>? _rules;
    private AlertsOptions? _rulesSource;
    private string? _lastError;

    public AlertDeliveryOptions Delivery
    {
        get
        {
            try
            {
                var current = delivery.CurrentValue;
                lock (_gate)
                {
                    _delivery = current;
                }

                return current;
            }
            catch (OptionsValidationException error)
            {
                Report(error);
                lock (_gate)
                {
                    if (_delivery is null)
                    {
                        throw;
                    }

                    return _delivery;
                }
            }
        }
    }

    /// <summary>The effective rules by id, for the route and the threshold of an alert.</summary>
    public IReadOnlyDictionary<string, AlertRuleOptions> Rules
    {
        get
        {
            try
            {
                var current = alerts.CurrentValue;
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
            catch (OptionsValidationException error)
            {
                Report(error);
                lock (_gate)
                {
                    if (_rules is null)
                    {
                        throw;
                    }

                    return _rules;
                }
            }
        }
    }

    /// <summary>How long delivery state (markers, records) outlives an alert: the history retention and a day.</summary>
    public TimeSpan Retention
    {
        get
        {
            try
            {
                return alerts.CurrentValue.HistoryRetention + TimeSpan.FromDays(1);
            }
            catch (OptionsValidationException)
            {
                return TimeSpan.FromDays(8);
            }
        }
    }

    /// <summary>How often delivery looks for reminders, escalations and closed group windows: the alert evaluation interval.</summary>
    public TimeSpan TickInterval
    {
        get
        {
            try
            {
                return alerts.CurrentValue.EvaluationInterval;
            }
            catch (OptionsValidationException)
            {
                return TimeSpan.FromSeconds(1);
            }
        }
    }

    private void Report(OptionsValidationException error)
    {
        var message = string.Join("; ", error.Failures);
        lock (_gate)
        {
            if (message == _lastError)
            {
                return;
            }

            _lastError = message;
        }

        LogInvalid(message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The edited alert delivery configuration is invalid and was ignored: {Errors}")]
    private partial void LogInvalid(string errors);
}
