using System.Globalization;

namespace Wallboard.LoadTest;

/// <summary>Latencies in milliseconds, sorted once; percentiles by nearest rank.</summary>
internal sealed class Distribution
{
    private readonly double[] _sorted;

    public Distribution(IEnumerable<double> milliseconds)
    {
        _sorted = [.. milliseconds];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double Max => Count == 0 ? double.NaN : _sorted[^1];

    public double Percentile(double fraction) =>
        Count == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(fraction * Count) - 1, 0, Count - 1)];

    public string Describe() => Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {Max:0.0} ms ({Count:N0} samples)");

    /// <summary>The figures as <c>key=value</c> pairs for the summary line scripts read.</summary>
    public string Fields(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}P50Ms={Percentile(0.50):0.0} {prefix}P99Ms={Percentile(0.99):0.0} {prefix}MaxMs={Max:0.0}");

    public static double Milliseconds(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
