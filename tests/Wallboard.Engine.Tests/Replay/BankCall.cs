namespace Wallboard.Engine.Tests.Replay;

/// <summary>
/// One row of the Anonymous Bank call log, as read: times are seconds after midnight of <see cref="Date"/>,
/// <c>null</c> where the file says <c>0:00:00</c> ("did not happen").
/// </summary>
internal sealed record BankCall(
    int Row,
    string VruLine,
    string CallId,
    string CustomerId,
    string Service,
    DateOnly Date,
    int? QueueStart,
    int? QueueExit,
    int QueueSeconds,
    string Outcome,
    int? ServiceStart,
    int? ServiceExit,
    int ServiceSeconds,
    string Server)
{
    /// <summary><c>call_id</c> alone repeats across VRU lines (8,559 ids do in February), so the line is part of the contact id.</summary>
    public string ContactId => VruLine + "-" + CallId;

    public bool HasQueue => QueueStart is not null;

    /// <summary>Unix second of a time of this row's day.</summary>
    public long UnixSecond(int secondOfDay) =>
        new DateTimeOffset(Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() + secondOfDay;

    public DateTimeOffset At(int secondOfDay) => DateTimeOffset.FromUnixTimeSeconds(UnixSecond(secondOfDay));
}
