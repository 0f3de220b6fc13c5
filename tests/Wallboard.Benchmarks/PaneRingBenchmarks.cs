using BenchmarkDotNet.Attributes;
using Wallboard.Engine.Windows;

namespace Wallboard.Benchmarks;

/// <summary>
/// <see cref="PaneRing"/> with the default windows (5, 15, 30, 60 minutes) and 25 counters, already holding
/// an hour of one-second panes, as a busy scope's ring does.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PaneRingBenchmarks
{
    private const int Fields = 25;
    private const int Operations = 1_000;

    private PaneRing _ring = new(Fields, WindowSeconds);
    private long _now;

    private static ReadOnlySpan<long> WindowSeconds => [300, 900, 1_800, 3_600];

    [GlobalSetup]
    public void Fill()
    {
        _ring = new PaneRing(Fields, WindowSeconds);
        for (_now = 0; _now < 3_600; _now++)
        {
            Advance();
        }
    }

    /// <summary>An in-order measurement: the newest pane.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void Add_CurrentSecond()
    {
        for (var i = 0; i < Operations; i++)
        {
            _ring.Add(_now, i % Fields, 1);
        }
    }

    /// <summary>
    /// A measurement up to the 5-minute lateness behind the clock: its pane is found by binary search, and
    /// every later pane's running sum of its field takes the amount too.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void Add_WithinLateness()
    {
        for (var i = 0; i < Operations; i++)
        {
            _ring.Add(_now - ((i * 7) % 300), i % Fields, 1);
        }
    }

    /// <summary>
    /// One second later, with one pane per second: a new pane. The windows' cursors do not move until a read
    /// (or a full ring) needs them, so this is the write side of a second only.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void AdvanceOneSecond()
    {
        for (var i = 0; i < Operations; i++)
        {
            _now++;
            Advance();
        }
    }

    /// <summary>
    /// What a snapshot tick costs a busy scope a second later: every window's cursor moves by a pane and each of
    /// the 25 counters is read in each of the four windows.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long AdvanceOneSecond_ThenReadEveryWindow()
    {
        var sum = 0L;
        for (var i = 0; i < Operations; i++)
        {
            _now++;
            Advance();
            for (var window = 0; window < WindowSeconds.Length; window++)
            {
                for (var field = 0; field < Fields; field++)
                {
                    sum += _ring.WindowSum(window, field);
                }
            }
        }

        return sum;
    }

    private void Advance()
    {
        _ring.Add(_now, (int)(_now % Fields), 1);
        _ring.AdvanceTo(_now, 0);
    }
}
