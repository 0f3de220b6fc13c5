using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wallboard.Server.Alerts;
using Wallboard.Server.Alerts.Delivery;
using Wallboard.Server.Hosting;
using Wallboard.Server.State;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Alerts.Delivery;

/// <summary>The sender alone, against a real receiver and the real test Redis, on a fake clock.</summary>
public class MessageSenderTests(RedisFixture redis)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_ReceiverAsksToRetryAfterTwoMinutes_WaitsThatLongOnTheClock()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Respond("/slack", new ScriptedResponse(503, RetryAfter: "120", Body: "maintenance"));
        var time = new FakeTimeProvider(Start);
        await using var services = Services(receiver, time);
        var log = services.GetRequiredService<DeliveryLog>();
        var message = Samples.Message(NotificationKind.Fired, Samples.Alert());

        var sending = services.GetRequiredService<MessageSender>().SendAsync(message, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => log.Recent().Count == 1, TimeSpan.FromSeconds(10), "the first attempt recorded");
        await Eventually.TrueAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(10));
                return receiver.Requests("/slack").Count == 2;
            },
            TimeSpan.FromSeconds(15),
            "the second attempt");
        await sending;

        var attempts = await log.ForAlertAsync(message.Notifications[0].Alert.Id);
        Assert.Equal(["retrying", "delivered"], attempts.Select(attempt => attempt.Outcome));
        Assert.Equal([503, 200], attempts.Select(attempt => attempt.Status));
        Assert.Equal(Start, attempts[0].At);
        Assert.Equal(Start.AddSeconds(120), attempts[0].NextAttemptAt);
        Assert.True(attempts[1].At >= Start.AddSeconds(120), $"second attempt at {attempts[1].At:O}");
    }

    [Fact]
    public async Task SendAsync_AlreadyDelivered_SkipsWithoutARequest()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        await using var services = Services(receiver, new FakeTimeProvider(Start));
        var sender = services.GetRequiredService<MessageSender>();
        var message = Samples.Message(NotificationKind.Fired, Samples.Alert());

        await sender.SendAsync(message, TestContext.Current.CancellationToken);
        await sender.SendAsync(message with { Id = "m2" }, TestContext.Current.CancellationToken);

        var attempts = await services.GetRequiredService<DeliveryLog>().ForAlertAsync(message.Notifications[0].Alert.Id);
        Assert.Equal(["m1 1 delivered", "m2 0 skipped"], attempts.Select(attempt => $"{attempt.MessageId} {attempt.Attempt} {attempt.Outcome}"));
        Assert.Single(receiver.Requests("/slack"));
    }

    [Fact]
    public async Task SendAsync_PermanentError_GivesUpAfterOneAttempt()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Respond("/slack", new ScriptedResponse(404, Body: "channel_not_found"));
        await using var services = Services(receiver, new FakeTimeProvider(Start));
        var message = Samples.Message(NotificationKind.Fired, Samples.Alert());

        await services.GetRequiredService<MessageSender>().SendAsync(message, TestContext.Current.CancellationToken);

        var attempt = Assert.Single(await services.GetRequiredService<DeliveryLog>().ForAlertAsync(message.Notifications[0].Alert.Id));
        Assert.Equal(("failed", 404, "HTTP 404: channel_not_found"), (attempt.Outcome, attempt.Status, attempt.Error));
        Assert.Single(receiver.Requests("/slack"));
    }

    private ServiceProvider Services(HttpReceiver receiver, TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.Server.ConnectionString,
            ["Redis:KeyPrefix"] = $"test:{Guid.NewGuid():N}:",
            ["Alerts:Channels:slack:Kind"] = "slack",
            ["Alerts:Channels:slack:Url"] = receiver.Url(AlertSetup.SlackPath),
            ["Alerts:Delivery:Timeout"] = "00:05:00",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(time)
            .AddSingleton<RedisConnection>()
            .AddSingleton<RedisKeys>()
            .AddSingleton(typeof(LastValidOptions<>))
            .AddSingleton<DeliverySettings>()
            .AddSingleton<NotificationStore>()
            .AddSingleton<DeliveryLog>()
            .AddSingleton<MessageSender>();
        services.AddHttpClient();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName);
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName);
        services.AddOptions<AlertDeliveryOptions>().BindConfiguration(AlertDeliveryOptions.SectionName);
        return services.BuildServiceProvider();
    }
}
