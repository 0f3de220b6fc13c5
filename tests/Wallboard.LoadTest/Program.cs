using Wallboard.LoadTest;

// `ingest` measures events/s accepted; `latency` measures event-to-client latency over SignalR.
// Both talk to a server already running on loopback, and stop by themselves after --seconds.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var arguments = LoadArguments.Parse(args);
    var status = arguments.Command switch
    {
        "ingest" => await IngestRun.RunAsync(arguments, stop.Token),
        "latency" => await LatencyRun.RunAsync(arguments, stop.Token),
        _ => Usage($"unknown command '{arguments.Command}'"),
    };

    // The tool shares the machine with the server: say what it cost.
    using var self = System.Diagnostics.Process.GetCurrentProcess();
    Console.WriteLine(string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"  load tool CPU: {self.TotalProcessorTime.TotalSeconds:0.0} s over {(DateTime.Now - self.StartTime).TotalSeconds:0.0} s"));
    return status;
}
catch (ArgumentException error)
{
    return Usage(error.Message);
}

static int Usage(string problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("""
        usage:
          ingest  --url http://127.0.0.1:PORT [--seconds 20] [--warmup 5] [--batch 500] [--concurrency 8] [--events N] [--agents 1000] [--queues 50]
          latency --url http://127.0.0.1:PORT [--clients 500] [--rate 2000] [--seconds 30] [--warmup 3] [--batch 20] [--probes 10] [--agents 1000] [--queues 50]
        """);
    return 2;
}
