namespace Wallboard.Engine.Windows;

/// <summary>A contact's place in one <see cref="WaitingLine"/>; owned and reused by the contact.</summary>
internal sealed class WaitingLineNode
{
    public long QueuedMs { get; set; }

    public WaitingLine? Line { get; set; }
}
