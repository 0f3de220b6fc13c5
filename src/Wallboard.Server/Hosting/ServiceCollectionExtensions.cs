using System.Reactive.Concurrency;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Wallboard.Engine;
using Wallboard.Engine.Events;
using Wallboard.Server.Agents;
using Wallboard.Server.Alerts;
using Wallboard.Server.Alerts.Delivery;
using Wallboard.Server.Api;
using Wallboard.Server.Boards;
using Wallboard.Server.Ingestion;
using Wallboard.Server.Realtime;
using Wallboard.Server.Simulation;
using Wallboard.Server.State;

namespace Wallboard.Server.Hosting;

/// <summary>The server's composition, one <c>Add*</c> per feature.</summary>
internal static class ServiceCollectionExtensions
{
    // Hot-reloaded sections (boards, alert rules, delivery): an invalid edit keeps the last valid options and says why.
    public static IServiceCollection AddWallboard(this IServiceCollection services) => services
        .AddSingleton(typeof(LastValidOptions<>))
        .AddWallboardEngine()
        .AddWallboardRedis()
        .AddWallboardIngestion()
        .AddWallboardRealtime()
        .AddWallboardSimulator()
        .AddWallboardBoards()
        .AddWallboardAlerts()
        .AddWallboardApi();

    public static IServiceCollection AddWallboardEngine(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>()
            .BindConfiguration(EngineOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The public setting is Site:TimeZone (spec/api.md); Engine:TimeZone is its long form.
                if (configuration["Site:TimeZone"] is { Length: > 0 } zone)
                {
                    options.TimeZone = zone;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IScheduler>(DefaultScheduler.Instance);
        services.AddSingleton(provider => new WallboardEngine(
            provider.GetRequiredService<IOptions<EngineOptions>>().Value, provider.GetRequiredService<IScheduler>()));
        services.AddSingleton<ServerStatus>();

        // One table for every parser (ingest requests and the log replayed at start-up), so that the engine
        // keeps one string per queue, agent and team.
        services.AddSingleton(new NameTable());
        return services;
    }

    public static IServiceCollection AddWallboardRedis(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<RedisKeys>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<RedisKpiStore>();
        services.AddSingleton<CheckpointStore>();

        // Hosted services stop in reverse order: ingest drains before the final checkpoint is written.
        services.AddHostedService<StateRecovery>();
        services.AddHostedService<CheckpointService>();
        return services;
    }

    public static IServiceCollection AddWallboardIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IngestPipeline>();
        services.AddHostedService(provider => provider.GetRequiredService<IngestPipeline>());
        return services;
    }

    public static IServiceCollection AddWallboardRealtime(this IServiceCollection services)
    {
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR(hub => hub.MaximumReceiveMessageSize = 256 * 1024);
        services.AddSingleton<ConnectionTracker>();
        services.AddSingleton<HubLifetimeManager<WallboardHub>, WallboardLifetimeManager>();
        services.AddSingleton<SubscriptionRegistry>();
        services.AddSingleton<AgentSubscriptions>();
        services.AddSingleton<EngineActivity>();
        services.AddSingleton<SnapshotBroadcaster>();
        services.AddHostedService(provider => provider.GetRequiredService<SnapshotBroadcaster>());
        return services;
    }

    public static IServiceCollection AddWallboardSimulator(this IServiceCollection services)
    {
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<TrafficSimulator>();
        return services;
    }

    public static IServiceCollection AddWallboardBoards(this IServiceCollection services)
    {
        services.AddOptions<BoardsOptions>().BindConfiguration(BoardsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BoardCatalog>();
        services.AddHostedService(provider => provider.GetRequiredService<BoardCatalog>());
        return services;
    }

    public static IServiceCollection AddWallboardAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertDeliveryOptions>().BindConfiguration(AlertDeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<AlertStore>();

        // The factory's own request logging writes the full URL, and alert URLs carry their secrets; the only
        // outgoing HTTP of the server is alert delivery, which logs the channel name instead.
        services.AddHttpClient();
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        services.AddSingleton<DeliverySettings>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<MessageSender>();
        services.AddSingleton<DeliveryOutbox>();

        // The notifier starts before the alert service and stops after it, so that no change is left unplanned.
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<IAlertNotifier>(provider => provider.GetRequiredService<AlertNotifier>());
        services.AddHostedService(provider => provider.GetRequiredService<AlertNotifier>());
        services.AddSingleton<AlertService>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertService>());
        return services;
    }

    public static IServiceCollection AddWallboardApi(this IServiceCollection services)
    {
        // Routing answers 415 without a word (curl -d sends form data by default): say what is accepted.
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail ??= "send events as application/json (one object or an array) or application/x-ndjson (one per line)";
            }
        });
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("engine-and-redis", tags: [HealthApi.ReadyTag]);
        return services;
    }
}
