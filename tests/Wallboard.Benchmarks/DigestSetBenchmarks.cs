using BenchmarkDotNet.Attributes;
using Wallboard.Engine.Ingestion;

namespace Wallboard.Benchmarks;

/// <summary>
/// <see cref="DigestSet"/> at the size the duplicate filter reaches with the benchmark workload: a day of ids,
/// 17 million digests in a 512 MB table, far larger than any cache. Each operation adds a new digest and
/// removes the one added 17 million operations before it, as a full horizon does; the slots are cold.
/// </summary>
/// <remarks>
/// Digests are made from a counter (SplitMix64), so the run never runs out of them and the one to remove is
/// recomputed rather than stored. <c>Prefetched</c> asks for both slots a few operations ahead, as
/// <see cref="DuplicateFilter.Expire"/> does for its removals.
/// </remarks>
[ShortRunJob]
public class DigestSetBenchmarks
{
    private const int Resident = 17_000_000;
    private const int Operations = 1_000_000;
    private const int PrefetchDistance = 8;

    private DigestSet _set = new();
    private long _next;

    [GlobalSetup]
    public void Fill()
    {
        _set = new DigestSet();
        for (_next = 0; _next < Resident; _next++)
        {
            _set.Add(Digest(_next));
        }
    }

    [Benchmark(OperationsPerInvoke = Operations, Baseline = true)]
    public int AddAndRemove()
    {
        var removed = 0;
        for (var i = 0; i < Operations; i++, _next++)
        {
            _set.Add(Digest(_next));
            removed += _set.Remove(Digest(_next - Resident)) ? 1 : 0;
        }

        return removed;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int AddAndRemove_Prefetched()
    {
        var removed = 0;
        for (var i = 0; i < Operations; i++, _next++)
        {
            _set.Prefetch(Digest(_next + PrefetchDistance));
            _set.Prefetch(Digest(_next + PrefetchDistance - Resident));
            _set.Add(Digest(_next));
            removed += _set.Remove(Digest(_next - Resident)) ? 1 : 0;
        }

        return removed;
    }

    private static UInt128 Digest(long index) => new(SplitMix64((ulong)index), SplitMix64((ulong)index ^ 0x5DEECE66DUL));

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
