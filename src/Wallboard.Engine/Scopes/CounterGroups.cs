using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Scopes;

/// <summary>
/// The counters split into groups that scopes use apart, each group in panes of its own: a queue or agent
/// scope never counts tickets or surveys, so its panes hold the contact and occupancy counters only, and
/// sliding its windows reads less than half the bytes it would with every counter in one pane.
/// </summary>
internal static class CounterGroups
{
    /// <summary>Contacts and occupancy; tickets; customer voice and self-service.</summary>
    public const int Count = 3;

    private static readonly Counter[] Firsts = [Counter.Offered, Counter.TicketsCreated, Counter.CsatResponses];

    private static readonly int CounterCount = Enum.GetValues<Counter>().Length;

    public static int GroupOf(Counter counter) =>
        counter >= Firsts[2] ? 2 : counter >= Firsts[1] ? 1 : 0;

    /// <summary>The counter's index inside its group's panes.</summary>
    public static int FieldOf(Counter counter) => (int)counter - (int)Firsts[GroupOf(counter)];

    /// <summary>How many counters the group's panes hold.</summary>
    public static int Size(int group) => (group + 1 < Count ? (int)Firsts[group + 1] : CounterCount) - (int)Firsts[group];
}
