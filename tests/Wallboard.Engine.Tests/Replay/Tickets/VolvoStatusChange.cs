namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// One row of <c>VINST-new.csv</c> (Volvo IT incidents, BPI Challenge 2013): a status change of an incident,
/// with the columns the ticket mapping uses.
/// </summary>
/// <param name="Incident">SR Number.</param>
/// <param name="At">Change Date+Time, with its offset.</param>
/// <param name="Status">Accepted, Queued, Completed or Unmatched.</param>
/// <param name="SubStatus">In Progress, Awaiting Assignment, Resolved, Closed, In Call, Wait - User…</param>
/// <param name="OrgLine">Involved Org line 3 (the organisation line handling it).</param>
/// <param name="SupportTeam">Involved ST (the support team, with its line: <c>V5 3rd</c>).</param>
/// <param name="Level">ST Level: L1, L2, L2/L3 or L3.</param>
/// <param name="Impact">SR Latest Impact: Low, Medium, High, Major.</param>
/// <param name="Product">Product concerned.</param>
/// <param name="OwnerFirstName">Owner First Name; <c>Siebel</c> is the ticketing system itself.</param>
/// <param name="Resource">Resource (country-first name of the person acting).</param>
internal sealed record VolvoStatusChange(
    string Incident,
    DateTimeOffset At,
    string Status,
    string SubStatus,
    string OrgLine,
    string SupportTeam,
    string Level,
    string Impact,
    string Product,
    string OwnerFirstName,
    string Resource)
{
    public bool IsCompleted => Status == "Completed";

    public bool IsUnmatched => Status == "Unmatched";

    /// <summary>The support line as a number (L2/L3 counts as 2): a rise is an escalation.</summary>
    public int LevelRank => Level switch
    {
        "L1" => 1,
        "L2" or "L2/L3" => 2,
        "L3" => 3,
        _ => 0,
    };

    /// <summary>The person who acted, or null when the ticketing system (owner <c>Siebel</c>) did.</summary>
    public string? Agent => OwnerFirstName == "Siebel" ? null : Resource;
}
