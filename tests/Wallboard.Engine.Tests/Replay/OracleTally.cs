namespace Wallboard.Engine.Tests.Replay;

/// <summary>
/// The oracle's sums for one scope over one window, and the KPIs of spec/kpis.md computed from them.
/// Durations are whole seconds (the bank logs whole seconds), so the sums are exact integers.
/// </summary>
internal sealed class OracleTally
{
    public long Offered { get; set; }

    public long Answered { get; set; }

    public long Abandoned { get; set; }

    public long ShortAbandoned { get; set; }

    public long AnsweredWithinServiceLevel { get; set; }

    public long AnswerWaitSeconds { get; set; }

    public long AbandonWaitSeconds { get; set; }

    /// <summary>Largest wait of a contact that left the queue in the window; <c>null</c> when none left.</summary>
    public long? MaxWait { get; set; }

    public long Completed { get; set; }

    public long HandleSeconds { get; set; }

    /// <summary>answered + abandoned − shortAbandoned: the denominator of the rates.</summary>
    public long Left => Answered + Abandoned - ShortAbandoned;

    public double? AbandonRate => Percent(Abandoned - ShortAbandoned, Left);

    public double? AnswerRate => Percent(Answered, Left);

    public double? ServiceLevel => Percent(AnsweredWithinServiceLevel, Left);

    public double? Asa => Mean(AnswerWaitSeconds, Answered);

    public double? AvgAbandonTime => Mean(AbandonWaitSeconds, Abandoned);

    public double? Aht => Mean(HandleSeconds, Completed);

    public void Leave(long waitSeconds) => MaxWait = Math.Max(MaxWait ?? long.MinValue, waitSeconds);

    private static double? Percent(long numerator, long denominator) =>
        denominator == 0 ? null : 100.0 * numerator / denominator;

    private static double? Mean(long total, long count) => count == 0 ? null : (double)total / count;
}
