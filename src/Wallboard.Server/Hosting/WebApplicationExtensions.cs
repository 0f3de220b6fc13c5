using Serilog;
using Wallboard.Server.Api;
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
        app.UseSerilogRequestLogging();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/v1.json");
        app.MapIngestion();
        app.MapKpis();
        app.MapCatalog();
        app.MapHealth();
        app.MapHub<WallboardHub>(WallboardHub.Path);
        return app;
    }
}
