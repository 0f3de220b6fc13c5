using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Scopes;

/// <summary>
/// Where a contact's or agent's derivation writes its measurements: added, or retracted when the
/// entity is derived again after an out-of-order event. Measurements before <see cref="FromMs"/> are
/// left alone, which keeps sealed seconds and late events out of the windows.
/// </summary>
internal sealed class ContributionWriter
{
    public bool Retracting { get; private set; }

    public long FromMs { get; private set; }

    public ContributionWriter Adding(long fromMs)
    {
        Retracting = false;
        FromMs = fromMs;
        return this;
    }

    public ContributionWriter Retraction(long fromMs)
    {
        Retracting = true;
        FromMs = fromMs;
        return this;
    }

    public void Count(ScopeState? scope, long atMs, Counter counter, long amount) =>
        Count(scope, atMs, counter, new ReadOnlySpan<long>(in amount));

    /// <summary>Counts <paramref name="amounts"/> for the counters from <paramref name="first"/> on (one group), nothing when all are zero.</summary>
    public void Count(ScopeState? scope, long atMs, Counter first, ReadOnlySpan<long> amounts)
    {
        if (scope is null || atMs < FromMs || AllZero(amounts))
        {
            return;
        }

        scope.Add(EngineClock.SecondOf(atMs), first, amounts, Retracting ? -1 : 1);
    }

    // A plain loop: a measurement has at most a dozen counters, too few for the vectorised search's set-up,
    // which cost 2% of the engine's time in a profile.
    private static bool AllZero(ReadOnlySpan<long> amounts)
    {
        foreach (var amount in amounts)
        {
            if (amount != 0)
            {
                return false;
            }
        }

        return true;
    }

    public void Wait(ScopeState? scope, long atMs, long waitMs)
    {
        if (scope is null || atMs < FromMs)
        {
            return;
        }

        scope.AddWait(EngineClock.SecondOf(atMs), waitMs, Retracting);
    }
}
