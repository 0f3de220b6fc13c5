namespace Wallboard.Benchmarks.Workload;

/// <summary>
/// How fast the simulated centre works: the arrival rate, the handling times and the customer base. The
/// pace sets how much the engine must remember. Its day-long memories (event ids against duplicates,
/// customers for repeat contacts, two days of contacts for surveys) grow with contacts per day, not with
/// events per second of processing, and whether they fit in the processor's cache decides the cost per event.
/// </summary>
/// <param name="Name">The name on the command line (<c>--pace</c>).</param>
/// <param name="ContactsPerSecond">Poisson arrivals over all queues, in event time.</param>
/// <param name="RingMs">From an agent's reservation to the answer.</param>
/// <param name="TalkMs">Talk time of an answered contact.</param>
/// <param name="HoldMs">Hold time, for the 20% of contacts put on hold.</param>
/// <param name="WrapMs">After-contact work.</param>
/// <param name="AwayMs">A break, taken after 3% of contacts.</param>
/// <param name="CustomerPool">Customers drawn uniformly; sized so that about 10% of contacts are repeats within a day.</param>
/// <param name="Queues">Queues of the centre.</param>
/// <param name="Agents">Agents of the centre, in teams of <see cref="EventGenerator.TeamSize"/>.</param>
internal sealed record CentrePace(
    string Name,
    double ContactsPerSecond,
    (long Min, long Max) RingMs,
    (long Min, long Max) TalkMs,
    (long Min, long Max) HoldMs,
    (long Min, long Max) WrapMs,
    (long Min, long Max) AwayMs,
    int CustomerPool,
    int Queues = 50,
    int Agents = 500)
{
    /// <summary>
    /// 500 agents at a real centre's pace. Talk time is uniform over 20–330 s: a mean of 175 s, that of the
    /// answered calls of the bank month in the research data (176 s). 1.8 contacts a second keep the 500 agents
    /// about 80% occupied: 155,000 contacts and ≈ 830,000 events a day, a large centre open around the clock.
    /// </summary>
    public static CentrePace Realistic { get; } = new(
        "realistic",
        ContactsPerSecond: 1.8,
        RingMs: (2_000, 8_000),
        TalkMs: (20_000, 330_000),
        HoldMs: (10_000, 60_000),
        WrapMs: (10_000, 60_000),
        AwayMs: (300_000, 900_000),
        CustomerPool: 1_100_000);

    /// <summary>
    /// The stress pace: handling compressed about twentyfold (talk ≈ 7 s) so that the same 500 agents take 36
    /// contacts a second, ≈ 3.1 million contacts and 16.7 million events a day, about 20 times the realistic
    /// pace and 80 times the bank's load per agent. Every day-long memory is then far larger than the cache.
    /// </summary>
    public static CentrePace Compressed { get; } = new(
        "compressed",
        ContactsPerSecond: 36,
        RingMs: (1_000, 5_000),
        TalkMs: (3_000, 11_000),
        HoldMs: (1_000, 5_000),
        WrapMs: (1_000, 4_000),
        AwayMs: (30_000, 180_000),
        CustomerPool: 20_000_000);

    /// <summary>
    /// A tenth of the realistic centre (5 queues, 50 agents, a tenth of the contacts and customers) at the same
    /// handling times and mix of events: with <c>--short-memories</c> everything the engine holds fits in the
    /// cache, which measures its instructions apart from its waits for memory (docs/performance.md, eighth pass).
    /// </summary>
    public static CentrePace Small { get; } = Realistic with
    {
        Name = "small",
        ContactsPerSecond = 0.18,
        CustomerPool = 110_000,
        Queues = 5,
        Agents = 50,
    };

    public static IReadOnlyList<CentrePace> All { get; } = [Compressed, Realistic, Small];

    public static CentrePace Named(string name) =>
        All.SingleOrDefault(pace => pace.Name == name) ?? throw new ArgumentException($"--pace must be one of {string.Join(", ", All.Select(pace => pace.Name))}; got '{name}'");
}
