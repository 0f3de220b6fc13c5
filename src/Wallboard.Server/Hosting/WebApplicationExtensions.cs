using Serilog;
using Wallboard.Server.Agents;
using Wallboard.Server.Alerts;
using Wallboard.Server.Alerts.Delivery;
using Wallboard.Server.Api;
using Wallboard.Server.Boards;
using Wallboard.Server.Ingestion;
using Wallboard.Server.Realtime;

namespace Wallboard.Server.Hosting;

/// <summary>The request pipeline and the endpoints.</summary>
internal static class WebApplicationExtensions
{
    public static WebApplication UseWallboard(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Serilog logs the path without the query string, which keeps ?access_token= out of the logs.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/v1.json");
        app.MapIngestion();
        app.MapKpis();
        app.MapCatalog();
        app.MapHealth();
        app.MapBoards();
        app.MapAgents();
        app.MapAlerts();
        app.MapAlertDeliveries();
        app.MapHub<WallboardHub>(WallboardHub.Path);

        // The web client's pages are one document; these paths are its routes.
        foreach (var page in new[] { "/board/{id}", "/agent", "/alerts" })
        {
            app.MapFallbackToFile(page, "index.html");
        }
        return app;
    }
}
