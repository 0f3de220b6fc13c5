using CsCheck;

namespace Wallboard.Engine.Tests.Properties;

/// <summary>
/// Runs a property over values generated from a fixed seed, so that every test run checks the same cases
/// (CsCheck's <c>Sample</c> seeds only its first iteration). When a case fails, CsCheck's <c>Sample</c> takes
/// over from that case to shrink it, and reports a seed that replays the smallest failing case.
/// </summary>
internal static class DeterministicSample
{
    private const int ShrinkIterations = 2_000;

    public static void Run<T>(Gen<T> gen, Action<T> property, ulong seed, int iterations, Func<T, string> print)
    {
        var pcg = new PCG(1, seed);
        for (var i = 0; i < iterations; i++)
        {
            var state = pcg.State;
            var value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception)
            {
                gen.Sample(property, seed: pcg.ToString(state), iter: ShrinkIterations, threads: 1, print: print);
                throw;
            }
        }
    }
}
