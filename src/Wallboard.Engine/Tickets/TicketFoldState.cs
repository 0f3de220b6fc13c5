using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Tickets;

/// <summary>What is known of a ticket after deriving its events in order.</summary>
internal struct TicketFoldState
{
    public bool Created;
    public long CreatedMs;
    public string? Channel;
    public string? Queue;
    public string? Category;
    public ScopeState? QueueScope;
    public ScopeState? ChannelScope;
    public ScopeState? CategoryScope;
    public long TargetMs;
    public bool Open;
    public bool Resolved;
    public int Replies;
    public string? LastAgentId;

    /// <summary>Time (Unix ms) of the earliest customer message (or the creation) not replied to yet; -1 when none waits.</summary>
    public long WaitingSinceMs;

    public readonly bool InBacklog => Created && Open;

    public readonly bool AwaitingFirstReply => Created && Open && Replies == 0;
}
