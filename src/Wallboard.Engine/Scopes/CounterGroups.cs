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

    private static readonly int CounterCount = Enum.GetValues<Counter>().Length;

    // A switch over constants rather than a table of the groups' first counters, so that the JIT folds it:
    // every counted measurement asks for its group.
    public static int GroupOf(Counter counter) =>
        counter >= First(2) ? 2 : counter >= First(1) ? 1 : 0;

    /// <summary>The counter's index inside its group's panes.</summary>
    public static int FieldOf(Counter counter) => (int)counter - (int)First(GroupOf(counter));

    /// <summary>How many counters the group's panes hold.</summary>
    public static int Size(int group) => (group + 1 < Count ? (int)First(group + 1) : CounterCount) - (int)First(group);

    private static Counter First(int group) =>
        group switch { 0 => Counter.Offered, 1 => Counter.TicketsCreated, _ => Counter.CsatResponses };
}
