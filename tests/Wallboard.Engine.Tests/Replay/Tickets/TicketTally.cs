using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>The oracle's plain counts for one scope in one window, and the KPI values they give (formulas of <c>spec/kpis.md</c>).</summary>
internal sealed class TicketTally
{
    public long Created;
    public long Resolved;
    public long FirstReplies;
    public long FirstReplyMs;
    public long FirstRepliesWithinTarget;
    public long ReplyWaits;
    public long ReplyWaitMs;
    public long ResolutionMs;
    public long Touches;
    public long OneTouch;
    public long Reopens;
    public long Escalations;
    public long CreatedAndReplied;
    public long CreatedAndResolved;

    public static readonly KpiId[] Kpis =
    [
        KpiId.TicketsCreated, KpiId.TicketsResolved, KpiId.FirstReplyTime, KpiId.FirstReplyWithinTarget, KpiId.AvgReplyTime,
        KpiId.ResolutionTime, KpiId.TouchesPerResolution, KpiId.OneTouchRate, KpiId.ReopenRate, KpiId.TicketEscalationRate,
        KpiId.AnsweredTicketRate, KpiId.ResolutionRate, KpiId.Volume,
    ];

    public double? Value(KpiId kpi) => kpi switch
    {
        KpiId.TicketsCreated or KpiId.Volume => Created,
        KpiId.TicketsResolved => Resolved,
        KpiId.FirstReplyTime => Mean(FirstReplyMs, FirstReplies),
        KpiId.FirstReplyWithinTarget => Percent(FirstRepliesWithinTarget, FirstReplies),
        KpiId.AvgReplyTime => Mean(ReplyWaitMs, ReplyWaits),
        KpiId.ResolutionTime => Mean(ResolutionMs, Resolved),
        KpiId.TouchesPerResolution => Resolved == 0 ? null : (double)Touches / Resolved,
        KpiId.OneTouchRate => Percent(OneTouch, Resolved),
        KpiId.ReopenRate => Percent(Reopens, Resolved),
        KpiId.TicketEscalationRate => Percent(Escalations, Created),
        KpiId.AnsweredTicketRate => Percent(CreatedAndReplied, Created),
        KpiId.ResolutionRate => Percent(CreatedAndResolved, Created),
        _ => throw new ArgumentOutOfRangeException(nameof(kpi), kpi, "not a ticket KPI of the oracle"),
    };

    private static double? Percent(long numerator, long denominator) => denominator == 0 ? null : 100.0 * numerator / denominator;

    private static double? Mean(long totalMs, long count) => count == 0 ? null : totalMs / (1000.0 * count);
}
