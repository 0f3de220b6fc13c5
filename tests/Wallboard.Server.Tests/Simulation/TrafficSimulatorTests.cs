using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Wallboard.Engine;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Simulation;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Simulation;

public sealed class TrafficSimulatorTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    // Far from the real date: before its first event the engine's clock reads the real time, which must not pass for simulated time.
    private static readonly DateTimeOffset Monday = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExecuteAsync_Disabled_EndsAtOnce()
    {
        var clock = new FakeTimeProvider(Monday.AddHours(10));
        await using var app = Application(clock, enabled: false);
        await app.ReadyClientAsync();

        var simulator = Simulator(app);

        Assert.True(simulator.ExecuteTask!.IsCompletedSuccessfully);
        Assert.DoesNotContain(app.Services.GetRequiredService<WallboardEngine>().Scopes(), scope => scope.ToString().StartsWith("agent:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_Enabled_FeedsTheEngineThroughTheIngestPipeline()
    {
        var clock = new FakeTimeProvider(Monday.AddHours(10));
        await using var app = Application(clock, enabled: true);
        await app.ReadyClientAsync();
        var engine = app.Services.GetRequiredService<WallboardEngine>();

        // Each advance fires the simulator's timer once; the model runs up to the new simulated now.
        for (var minute = 1; minute <= 5; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var until = clock.GetUtcNow();
            await Eventually.TrueAsync(
                () => engine.Clock > until.AddMinutes(-1) && engine.Clock <= until, Timeout, $"the engine clock reaches the minute before {until:O}");
        }

        Assert.False(Simulator(app).ExecuteTask!.IsCompleted);
        Assert.InRange(Read(engine, KpiId.AgentsOnline, "now")!.Value, 30, 40);
        Assert.True(Read(engine, KpiId.Offered, "today") >= 5);
        Assert.True(engine.Clock <= clock.GetUtcNow());
    }

    [Fact]
    public async Task StopAsync_AfterTraffic_HangsUpWaitingContactsAndLogsAgentsOff()
    {
        var clock = new FakeTimeProvider(Monday.AddHours(11));
        await using var app = Application(clock, enabled: true);
        await app.ReadyClientAsync();
        var engine = app.Services.GetRequiredService<WallboardEngine>();
        clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => Read(engine, KpiId.Offered, "today") > 0, Timeout, "a first contact");

        await Simulator(app).StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, Read(engine, KpiId.ContactsWaiting, "now"));
        Assert.Equal(0, Read(engine, KpiId.AgentsOnline, "now"));
    }

    private WallboardApplication Application(FakeTimeProvider clock, bool enabled) =>
        new(redis.Server, settings =>
        {
            settings["Simulator:Enabled"] = enabled ? "true" : "false";
            settings["Simulator:Seed"] = "7";
        })
        {
            ConfigureServices = services => services.AddSingleton<TimeProvider>(clock),
        };

    private static TrafficSimulator Simulator(WallboardApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<TrafficSimulator>().Single();

    private static double? Read(WallboardEngine engine, KpiId kpi, string window)
    {
        Assert.True(ScopeId.TryParse("all", out var scope));
        Assert.True(WindowId.TryParse(window, out var windowId));
        return engine.Read(scope.Value, windowId.Value)[kpi];
    }
}
