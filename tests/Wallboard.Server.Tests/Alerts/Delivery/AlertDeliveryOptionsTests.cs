using System.ComponentModel.DataAnnotations;
using Wallboard.Server.Alerts.Delivery;

namespace Wallboard.Server.Tests.Alerts.Delivery;

public class AlertDeliveryOptionsTests
{
    [Fact]
    public void Validate_ValidRouteAndChannels_NoErrors()
    {
        var options = new AlertDeliveryOptions
        {
            Channels = new()
            {
                ["slack"] = new AlertChannelOptions { Kind = AlertChannelKind.Slack, Url = "https://hooks.slack.com/services/T/B/secret" },
                ["pagerduty"] = new AlertChannelOptions { Kind = AlertChannelKind.PagerDuty, RoutingKey = "key" },
            },
            Routes = new() { ["oncall"] = new AlertRouteOptions { Warning = ["Slack"], Critical = ["slack", "pagerduty"] } },
        };

        Assert.Empty(Errors(options));
        Assert.Equal(AlertChannelOptions.PagerDutyEventsUrl, options.Channel("PagerDuty")!.EffectiveUrl);
    }

    [Fact]
    public void Validate_MistakesInRoutesAndChannels_NamedWithoutShowingSecrets()
    {
        var options = new AlertDeliveryOptions
        {
            Channels = new()
            {
                ["slack"] = new AlertChannelOptions { Kind = AlertChannelKind.Slack, Url = "hooks.slack.com/services/T/B/secret-token" },
                ["pagerduty"] = new AlertChannelOptions { Kind = AlertChannelKind.PagerDuty },
            },
            Routes = new()
            {
                ["oncall"] = new AlertRouteOptions { Critical = ["slack", "pager"] },
                ["leads"] = new AlertRouteOptions { EscalateTo = ["slack"] },
            },
            Delivery = new DeliveryOptions { MaxAttempts = 0 },
        };

        var errors = Errors(options);

        Assert.Equal(
            [
                "Alerts:Delivery: The field MaxAttempts must be between 1 and 50.",
                "Alert channel 'slack': needs a Url, an absolute http(s) URL (the value is not shown: it is a secret)",
                "Alert channel 'pagerduty': a pagerduty channel needs a RoutingKey",
                "Alert route 'oncall': channel 'pager' is not defined under Alerts:Channels",
                "Alert route 'leads': EscalateTo needs EscalateAfter",
            ],
            errors);
        Assert.DoesNotContain(errors, error => error.Contains("secret-token", StringComparison.Ordinal));
    }

    private static string[] Errors(AlertDeliveryOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(result => result.ErrorMessage!)];
    }
}
