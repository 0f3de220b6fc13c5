namespace Wallboard.Server.Simulation;

/// <summary>How a contact or ticket went for the customer, which skews the survey and sentiment scores.</summary>
internal enum Experience
{
    Good,
    Fair,
    Poor,
}
