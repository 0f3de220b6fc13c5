namespace Wallboard.Engine.Events;

/// <summary>Who wrote a public ticket message.</summary>
public enum MessageAuthor
{
    Customer,
    Agent,
    Bot,
}
