using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Wallboard.Server.Alerts;
using Wallboard.Server.Hosting;
using Wallboard.Server.Tests.Alerts.Delivery;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Alerts;

public class LastValidOptionsTests
{
    private const string Refused =
        "DataAnnotation validation failed for 'AlertsOptions' members: 'Rules' with the error: 'Alert rule 'waiting': scope 'queue' is not 'all', kind:name or kind:*'.";

    [Fact]
    public void Value_InvalidEditThenValidEdit_KeepsTheLastValidUntilReplacedAndLogsEachBadEditOnce()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:UseDefaultRules"] = "false",
            ["Alerts:Rules:0:Id"] = "waiting",
            ["Alerts:Rules:0:Kpi"] = "contactsWaiting",
            ["Alerts:Rules:0:Scope"] = "queue:*",
            ["Alerts:Rules:0:Window"] = "now",
            ["Alerts:Rules:0:Critical:Above"] = "4",
        });
        var edits = new ConfigurationEdits();
        ((IConfigurationBuilder)configuration).Add(edits);
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddSerilog(new LoggerConfiguration().WriteTo.Sink(logs).CreateLogger(), dispose: true))
            .AddSingleton(typeof(LastValidOptions<>));
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<LastValidOptions<AlertsOptions>>();
        var published = new List<double?>();
        using var subscription = options.Changes.Subscribe(changed => published.Add(changed.Rules[0].Critical!.Above));
        var invalid = new Dictionary<string, string?> { ["Alerts:Rules:0:Scope"] = "queue", ["Alerts:Rules:0:Critical:Above"] = "10" };

        edits.Apply(invalid);
        edits.Apply(invalid);
        var (keptAbove, keptError) = (options.Value.Rules[0].Critical!.Above, options.Error);
        edits.Apply(new Dictionary<string, string?> { ["Alerts:Rules:0:Critical:Above"] = "10" });
        var (appliedAbove, appliedError) = (options.Value.Rules[0].Critical!.Above, options.Error);
        edits.Apply(invalid);

        Assert.Equal(4, keptAbove);
        Assert.Equal(Refused, keptError);
        Assert.Equal(10, appliedAbove);
        Assert.Null(appliedError);
        Assert.Equal([10], published);
        Assert.Equal(10, options.Value.Rules[0].Critical!.Above);
        Assert.Equal(Refused, options.Error);
        var warnings = logs.Lines.Where(line => line.Contains("is invalid and was ignored", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, line => Assert.Contains(Refused, line, StringComparison.Ordinal));
    }
}
