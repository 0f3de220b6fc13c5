using BenchmarkDotNet.Attributes;
using Wallboard.Engine.Windows;

namespace Wallboard.Benchmarks;

/// <summary>
/// <see cref="SlidingMaximum"/> with a 5-minute lateness and a 60-minute longest window, already holding an
/// hour of seconds. Each invocation moves the clock one second and records 100 waits, so the open seconds
/// stay as in the engine (a second's values are dropped when it is sealed).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SlidingMaximumBenchmarks
{
    private const int Operations = 100;

    private readonly Random _random = new(42);
    private readonly long[] _waits = new long[4_096];
    private SlidingMaximum _maximum = new(300, 3_600);
    private long _now;
    private int _next;

    [GlobalSetup]
    public void Fill()
    {
        for (var i = 0; i < _waits.Length; i++)
        {
            _waits[i] = _random.Next(0, 120_000);
        }

        _maximum = new SlidingMaximum(300, 3_600);
        for (_now = 0; _now < 3_600; _now++)
        {
            _maximum.AdvanceTo(_now, 0);
            _maximum.Add(_now, NextWait());
        }
    }

    /// <summary>Waits measured in the current second (the usual case).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void Add_CurrentSecond()
    {
        _maximum.AdvanceTo(++_now, 0);
        for (var i = 0; i < Operations; i++)
        {
            _maximum.Add(_now, NextWait());
        }
    }

    /// <summary>Waits up to the 5-minute lateness behind the clock (out-of-order events).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public void Add_WithinLateness()
    {
        _maximum.AdvanceTo(++_now, 0);
        for (var i = 0; i < Operations; i++)
        {
            _maximum.Add(_now - ((i * 7) % 300), NextWait());
        }
    }

    /// <summary>
    /// A scope that records a wait every 40 seconds (an agent answering) and moves its clock only then: each
    /// move seals the stretch since the last one, with about 8 open seconds in the last 5 minutes.
    /// </summary>
    [Benchmark]
    public void AdvanceFortySeconds_ThenAdd()
    {
        _now += 40;
        _maximum.AdvanceTo(_now, 0);
        _maximum.Add(_now, NextWait());
    }

    private long NextWait() => _waits[_next++ & (_waits.Length - 1)];
}
