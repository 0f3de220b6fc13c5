using BenchmarkDotNet.Running;
using Wallboard.Benchmarks;

// `--steady` is a plain long run that watches the GC, `--checkpoint` times the engine checkpoint; anything else goes to BenchmarkDotNet.
if (args.Contains(SteadyStateRun.Switch))
{
    return SteadyStateRun.Run(args);
}

if (args.Contains(CheckpointRun.Switch))
{
    return CheckpointRun.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
