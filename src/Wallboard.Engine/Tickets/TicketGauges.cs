using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Tickets;

/// <summary>
/// A scope's open tickets for the <c>now</c> ticket gauges: the backlog ordered by creation (aged = created
/// more than the aged age ago) and the tickets awaiting a first reply ordered by their deadline (breached =
/// deadline passed; at risk = passes within the horizon).
/// </summary>
internal sealed class TicketGauges
{
    private const int Aged = 0;
    private const int Breached = 0;
    private const int DueWithinHorizon = 1;

    public CountingLine Backlog { get; } = new(cursors: 1);

    public CountingLine AwaitingFirstReply { get; } = new(cursors: 2);

    public int BacklogAged => Backlog.AtOrBefore(Aged);

    public int TicketsBreached => AwaitingFirstReply.AtOrBefore(Breached);

    public int TicketsAtRisk => AwaitingFirstReply.AtOrBefore(DueWithinHorizon) - AwaitingFirstReply.AtOrBefore(Breached);

    public void AdvanceTo(long nowSecond, long agedSeconds, long atRiskSeconds)
    {
        Backlog.MoveCursor(Aged, nowSecond - agedSeconds - 1);
        AwaitingFirstReply.MoveCursor(Breached, nowSecond - 1);
        AwaitingFirstReply.MoveCursor(DueWithinHorizon, nowSecond + atRiskSeconds);
    }
}
