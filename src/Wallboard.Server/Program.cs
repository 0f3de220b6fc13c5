using System.Globalization;
using Serilog;
using Wallboard.Server.Hosting;

// A plain logger until the host's configuration is read; CreateLogger (not CreateBootstrapLogger)
// because tests start several hosts in one process.
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    // Each host keeps its own logger: replacing the static one would let hosts in one process (tests)
    // log through each other's sinks, and the first to stop would silence the rest.
    builder.Services.AddSerilog(
        (services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(),
        preserveStaticLogger: true);
    builder.Services.AddWallboard();

    var app = builder.Build();
    app.UseWallboard();
    app.Lifetime.ApplicationStarted.Register(
        () => app.Services.GetRequiredService<Serilog.ILogger>().ForContext<Program>().Information("Wallboard is up: open {Urls}", string.Join(", ", app.Urls)));
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (error is not HostAbortedException)
{
    Log.Fatal(error, "Wallboard stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
