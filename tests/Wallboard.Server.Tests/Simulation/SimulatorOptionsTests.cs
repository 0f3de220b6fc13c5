using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Wallboard.Server.Simulation;

namespace Wallboard.Server.Tests.Simulation;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = Validate(new SimulatorOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Defaults_DemoCentre_SixQueuesOverVoiceChatAndSmsFortyAgentsFourTeams()
    {
        var options = new SimulatorOptions();

        Assert.False(options.Enabled);
        Assert.Null(options.Seed);
        Assert.Equal(1, options.Speed);
        Assert.Equal(40, options.Agents);
        Assert.Equal(["sales", "support", "billing", "vip", "web-chat", "sms-care"], options.EffectiveQueues.Select(queue => queue.Name));
        Assert.Equal(["voice", "voice", "voice", "voice", "chat", "sms"], options.EffectiveQueues.Select(queue => queue.Channel));
        Assert.Equal(4, options.EffectiveTeams.Count);
    }

    [Fact]
    public void Bind_ConfiguredQueues_ReplaceTheDemoQueues()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Enabled"] = "true",
            ["Simulator:Queues:0:Name"] = "front-desk",
            ["Simulator:Queues:0:Channel"] = "voice",
            ["Simulator:Queues:0:PeakArrivalsPerHour"] = "30",
            ["Simulator:Queues:0:MeanTalk"] = "00:03:00",
            ["Simulator:Queues:1:Name"] = "chat-desk",
            ["Simulator:Queues:1:Channel"] = "chat",
            ["Simulator:Teams:0"] = "day",
        }).Build();

        var options = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>()!;

        Assert.True(options.Enabled);
        Assert.Equal(["front-desk", "chat-desk"], options.EffectiveQueues.Select(queue => queue.Name));
        Assert.Equal(TimeSpan.FromMinutes(3), options.EffectiveQueues[0].MeanTalk);
        Assert.Equal(["day"], options.EffectiveTeams);
        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(101)]
    public void Validate_SpeedOutOfRange_Fails(double speed) =>
        AssertFails(new SimulatorOptions { Speed = speed }, "Speed");

    [Fact]
    public void Validate_NoAgents_Fails() => AssertFails(new SimulatorOptions { Agents = 0 }, "Agents");

    [Fact]
    public void Validate_NegativeTicketRate_Fails() => AssertFails(new SimulatorOptions { TicketsPerHour = -1 }, "TicketsPerHour");

    [Fact]
    public void Validate_SurveyShareAboveOne_Fails() => AssertFails(new SimulatorOptions { SurveyShare = 1.5 }, "SurveyShare");

    [Fact]
    public void Validate_EmptyQueueList_Fails() => AssertFails(new SimulatorOptions { Queues = [] }, "Simulator:Queues is empty");

    [Fact]
    public void Validate_NegativeArrivalRate_Fails() =>
        AssertFails(WithQueue(queue => queue.PeakArrivalsPerHour = -5), "Queues:0: The field PeakArrivalsPerHour");

    [Fact]
    public void Validate_ZeroPatience_Fails() =>
        AssertFails(WithQueue(queue => queue.MeanPatience = TimeSpan.Zero), "Queues:0: The field MeanPatience");

    [Fact]
    public void Validate_TransferShareAboveOne_Fails() =>
        AssertFails(WithQueue(queue => queue.TransferShare = 1.2), "Queues:0: The field TransferShare");

    [Fact]
    public void Validate_EmptyQueueName_Fails() => AssertFails(WithQueue(queue => queue.Name = ""), "Queues:0: The Name field is required");

    [Fact]
    public void Validate_EmptyChannel_Fails() => AssertFails(WithQueue(queue => queue.Channel = ""), "Queues:0: The Channel field is required");

    [Fact]
    public void Validate_UnknownChannel_Fails() => AssertFails(WithQueue(queue => queue.Channel = "fax"), "Queues:0: channel 'fax' is not one of");

    [Fact]
    public void Validate_QueueListedTwice_Fails()
    {
        var options = WithQueue(_ => { });
        options.Queues!.Add(new QueueProfile { Name = "desk", PeakArrivalsPerHour = 1 });

        AssertFails(options, "Queues:1: queue 'desk' is listed twice");
    }

    [Fact]
    public void Validate_EmptyTeamList_Fails() => AssertFails(new SimulatorOptions { Teams = [] }, "Simulator:Teams is empty");

    [Fact]
    public void Validate_BlankTeamName_Fails() => AssertFails(new SimulatorOptions { Teams = ["day", " "] }, "Simulator:Teams has an empty name");

    private static SimulatorOptions WithQueue(Action<QueueProfile> change)
    {
        var queue = new QueueProfile { Name = "desk", Channel = "voice", PeakArrivalsPerHour = 10 };
        change(queue);
        return new SimulatorOptions { Queues = [queue] };
    }

    // The same validation as ValidateDataAnnotations() at start-up.
    private static ValidateOptionsResult Validate(SimulatorOptions options) =>
        new DataAnnotationValidateOptions<SimulatorOptions>(null).Validate(null, options);

    private static void AssertFails(SimulatorOptions options, string expected)
    {
        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
