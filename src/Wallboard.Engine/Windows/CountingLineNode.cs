namespace Wallboard.Engine.Windows;

/// <summary>An entity's place in one <see cref="CountingLine"/>; owned and reused by the entity.</summary>
internal sealed class CountingLineNode
{
    public long Key { get; set; }

    public CountingLine? Line { get; set; }

    public CountingLineNode? Previous { get; set; }

    public CountingLineNode? Next { get; set; }
}
