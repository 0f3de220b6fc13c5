namespace Wallboard.Engine.Events;

/// <summary>Optional outcome flags of a completed contact.</summary>
public sealed record ContactOutcome(bool UpsellOffered, bool UpsellAccepted, bool CancellationRequested, bool Saved)
{
    public static ContactOutcome None { get; } = new(false, false, false, false);
}
