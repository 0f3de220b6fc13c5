using System.Globalization;

namespace Wallboard.Server.Simulation;

/// <summary>
/// Makes the simulated agents: a primary queue each, in proportion to the queues' workload, plus up to two
/// more (same channel preferred); teams dealt round-robin; a shift rank that interleaves the primary
/// queues, so that however few agents are on shift, every queue keeps its share of them.
/// </summary>
internal static class AgentCast
{
    private static readonly string[] FirstNames =
    [
        "Ava", "Ben", "Chloe", "Dmitri", "Elena", "Farah", "Gabriel", "Hana", "Isaac", "Jade", "Kofi", "Lena",
        "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wei", "Ximena",
        "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Diego", "Emma", "Felix",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Berg", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kim", "Lopez",
        "Moreau", "Novak", "Okafor", "Patel", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Xu",
        "Yilmaz", "Zhang", "Alvarez", "Brown", "Chen", "Diaz", "Eriksen", "Fontaine",
    ];

    // How many queues an agent has beyond its primary one: none, one or two.
    private static readonly double[] ExtraSkillWeights = [0.15, 0.45, 0.4];

    public static IEnumerable<SimulatedAgent> Create(Random random, IReadOnlyList<QueueProfile> queues, int headCount, IReadOnlyList<string> teams)
    {
        var workload = queues.Select(queue => queue.PeakArrivalsPerHour * queue.WorkloadSeconds).ToArray();
        if (workload.Sum() <= 0)
        {
            Array.Fill(workload, 1.0);
        }

        var primaries = RankedPrimaries(Apportion(workload, headCount));
        var skills = ChooseSkills(random, queues, workload, primaries);
        CoverEveryQueue(skills, queues.Count);
        var names = Names(random, headCount);
        var digits = Math.Max(2, headCount.ToString(CultureInfo.InvariantCulture).Length);
        for (var rank = 0; rank < headCount; rank++)
        {
            var id = "a" + (rank + 1).ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var queueNames = skills[rank].Select(queue => queues[queue].Name).ToArray();
            yield return new SimulatedAgent(id, names[rank], teams[rank % teams.Count], skills[rank], queueNames, rank);
        }
    }

    /// <summary>Agents per queue in proportion to the weights (largest remainder), at least one per weighted queue when there are enough agents.</summary>
    internal static int[] Apportion(IReadOnlyList<double> weights, int headCount)
    {
        var total = weights.Sum();
        var quotas = weights.Select(weight => headCount * weight / total).ToArray();
        var counts = quotas.Select(quota => (int)Math.Floor(quota)).ToArray();
        var byRemainder = Enumerable.Range(0, counts.Length).OrderByDescending(queue => quotas[queue] - counts[queue]).ThenBy(queue => queue);
        foreach (var queue in byRemainder.Take(headCount - counts.Sum()))
        {
            counts[queue]++;
        }

        for (var queue = 0; queue < counts.Length && weights.Count(weight => weight > 0) <= headCount; queue++)
        {
            if (weights[queue] > 0 && counts[queue] == 0)
            {
                counts[Array.IndexOf(counts, counts.Max())]--;
                counts[queue] = 1;
            }
        }

        return counts;
    }

    // The k-th of n agents of a queue gets the key (k + ½) / n: any prefix of the ranking holds each queue's share.
    private static List<int> RankedPrimaries(int[] counts) =>
    [
        .. counts
            .SelectMany((count, queue) => Enumerable.Range(0, count).Select(k => (Queue: queue, Key: (k + 0.5) / count)))
            .OrderBy(entry => entry.Key)
            .ThenBy(entry => entry.Queue)
            .Select(entry => entry.Queue),
    ];

    // In shift order, each extra skill goes to the queue that the agents ranked so far cover least for its
    // workload (with some jitter), so that however few agents are on shift every queue has several. The
    // agents who are on shift even at night are the most versatile.
    private static List<List<int>> ChooseSkills(Random random, IReadOnlyList<QueueProfile> queues, double[] workload, List<int> primaries)
    {
        var covered = new int[queues.Count];
        var nightShift = (int)Math.Ceiling(primaries.Count * (DailyCurve.Floor + 0.02));
        var skills = new List<List<int>>(primaries.Count);
        foreach (var (primary, rank) in primaries.Select((primary, rank) => (primary, rank)))
        {
            var agentSkills = new List<int> { primary };
            covered[primary]++;
            var extra = Math.Min(rank < nightShift ? 2 : random.PickWeighted(ExtraSkillWeights), queues.Count - 1);
            for (var i = 0; i < extra; i++)
            {
                var next = Enumerable.Range(0, queues.Count)
                    .Where(queue => !agentSkills.Contains(queue))
                    .MaxBy(queue => Math.Sqrt(workload[queue]) / (1 + covered[queue]) * random.Between(0.7, 1.3)
                        * (queues[queue].Channel == queues[primary].Channel ? 1.3 : 1));
                agentSkills.Add(next);
                covered[next]++;
            }

            skills.Add(agentSkills);
        }

        return skills;
    }

    // With fewer agents than queues, the queues nobody has are dealt out as extra skills.
    private static void CoverEveryQueue(List<List<int>> skills, int queueCount)
    {
        for (var queue = 0; queue < queueCount; queue++)
        {
            if (!skills.Any(agentSkills => agentSkills.Contains(queue)))
            {
                skills[queue % skills.Count].Add(queue);
            }
        }
    }

    private static string[] Names(Random random, int headCount)
    {
        var combinations = Enumerable.Range(0, FirstNames.Length * LastNames.Length).ToArray();
        random.Shuffle(combinations);
        return
        [
            .. Enumerable.Range(0, headCount).Select(i =>
            {
                var combination = combinations[i % combinations.Length];
                var name = $"{FirstNames[combination / LastNames.Length]} {LastNames[combination % LastNames.Length]}";
                return i < combinations.Length ? name : string.Create(CultureInfo.InvariantCulture, $"{name} {(i / combinations.Length) + 1}");
            }),
        ];
    }
}
