using System.Globalization;
using BenchmarkDotNet.Attributes;
using Wallboard.Engine.CustomerVoice;
using Wallboard.Engine.Time;

namespace Wallboard.Benchmarks;

/// <summary>
/// <see cref="InteractionDirectory"/> full, as past two days of the benchmark workload: 8 million contacts
/// over the 2-day memory. Each operation remembers a new contact (as the contact book forgets one) and moves
/// the clock by the same share of the memory, which forgets the oldest; every 64th also looks one up, as a
/// survey does. The contact ids are strings made when the contact is remembered (hot, as a forgotten
/// contact's id is not: the engine's cost is higher).
/// </summary>
[ShortRunJob]
public class InteractionDirectoryBenchmarks
{
    private const int Resident = 8_000_000;
    private const int Operations = 200_000;
    private const long MemoryMs = 2 * 24 * 3_600_000L;
    private const long StepMs = MemoryMs / Resident;

    private static readonly Interaction[] Interactions =
        [new("sales", "voice", "a001", null), new("support", "chat", "a002", null), new("billing", "email", null, null)];

    private EngineClock _clock = new(0);
    private InteractionDirectory _directory = null!;
    private long _next;

    [GlobalSetup]
    public void Fill()
    {
        _clock = new EngineClock(0);
        _directory = new InteractionDirectory(_clock, TimeSpan.FromMilliseconds(MemoryMs));
        for (_next = 0; _next < Resident; _next++)
        {
            _directory.RememberContact(Id(_next), Interactions[_next % 3], _next * StepMs);
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int RememberAndForget()
    {
        var found = 0;
        for (var i = 0; i < Operations; i++, _next++)
        {
            var atMs = _next * StepMs;
            _directory.RememberContact(Id(_next), Interactions[_next % 3], atMs);
            _clock.AdvanceTo(atMs);
            _directory.Expire();
            if ((_next & 63) == 0)
            {
                found += _directory.Contact(Id(_next - (Resident / 2))) is null ? 0 : 1;
            }
        }

        return found;
    }

    private static string Id(long n) => "c" + n.ToString(CultureInfo.InvariantCulture);
}
