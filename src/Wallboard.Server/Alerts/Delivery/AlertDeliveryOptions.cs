using System.ComponentModel.DataAnnotations;

namespace Wallboard.Server.Alerts.Delivery;

/// <summary>
/// Notification routes and channels (section <c>Alerts</c>, next to the rules; hot-reloaded). A rule names its
/// route; a route names channels. Validation messages name routes and channels, never a URL or key.
/// </summary>
internal sealed class AlertDeliveryOptions : IValidatableObject
{
    public const string SectionName = AlertsOptions.SectionName;

    public Dictionary<string, AlertRouteOptions> Routes { get; set; } = [];

    public Dictionary<string, AlertChannelOptions> Channels { get; set; } = [];

    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>The leads console (<c>https://wallboard.example.com/alerts</c>), linked from chat messages and PagerDuty.</summary>
    public string? ConsoleUrl { get; set; }

    /// <summary>PagerDuty <c>payload.source</c>: which system raised the alert.</summary>
    [Required]
    [StringLength(255, MinimumLength = 1)]
    public string Source { get; set; } = "wallboard";

    public AlertRouteOptions? Route(string name) => Find(Routes, name);

    public AlertChannelOptions? Channel(string name) => Find(Channels, name);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var delivery = new List<ValidationResult>();
        Validator.TryValidateObject(Delivery, new ValidationContext(Delivery), delivery, validateAllProperties: true);
        foreach (var error in delivery)
        {
            yield return new ValidationResult("Alerts:Delivery: " + error.ErrorMessage, [nameof(Delivery)]);
        }

        if (ConsoleUrl is not null && !IsHttpUrl(ConsoleUrl))
        {
            yield return new ValidationResult("Alerts:ConsoleUrl must be an absolute http(s) URL", [nameof(ConsoleUrl)]);
        }

        foreach (var (name, channel) in Channels)
        {
            if (CheckChannel(channel) is { } error)
            {
                yield return new ValidationResult($"Alert channel '{name}': {error}", [nameof(Channels)]);
            }
        }

        foreach (var (name, route) in Routes)
        {
            if (CheckRoute(route) is { } error)
            {
                yield return new ValidationResult($"Alert route '{name}': {error}", [nameof(Routes)]);
            }
        }
    }

    private static string? CheckChannel(AlertChannelOptions channel)
    {
        if (!Enum.IsDefined(channel.Kind))
        {
            return "kind must be webhook, slack, teams or pagerduty";
        }

        if (channel.EffectiveUrl is not { } url || !IsHttpUrl(url))
        {
            return "needs a Url, an absolute http(s) URL (the value is not shown: it is a secret)";
        }

        if (channel.Kind == AlertChannelKind.PagerDuty && string.IsNullOrWhiteSpace(channel.RoutingKey))
        {
            return "a pagerduty channel needs a RoutingKey";
        }

        return channel.Timeout is { } timeout && (timeout < TimeSpan.FromMilliseconds(100) || timeout > TimeSpan.FromMinutes(5))
            ? "Timeout must be between 00:00:00.100 and 00:05:00"
            : null;
    }

    private string? CheckRoute(AlertRouteOptions route)
    {
        var unknown = route.Warning.Concat(route.Critical).Concat(route.EscalateTo).FirstOrDefault(name => Channel(name) is null);
        if (unknown is not null)
        {
            return $"channel '{unknown}' is not defined under Alerts:Channels";
        }

        if (route.RepeatEvery is { } repeat && repeat < TimeSpan.FromSeconds(1))
        {
            return "RepeatEvery must be at least 00:00:01";
        }

        if (route.EscalateTo.Count > 0 && route.EscalateAfter is null)
        {
            return "EscalateTo needs EscalateAfter";
        }

        return route.GroupWindow < TimeSpan.Zero || route.GroupWindow > TimeSpan.FromMinutes(10)
            ? "GroupWindow must be between 00:00:00 and 00:10:00"
            : null;
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    // Configuration keys are case-insensitive, and so are the names that refer to them.
    private static T? Find<T>(Dictionary<string, T> entries, string name)
        where T : class =>
        entries.TryGetValue(name, out var exact)
            ? exact
            : entries.FirstOrDefault(entry => string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
