using Wallboard.Engine.Scopes;

namespace Wallboard.Engine.Contacts;

/// <summary>What is known of a contact after deriving its events in order.</summary>
internal struct ContactFoldState
{
    public string? Queue;
    public ScopeState? QueueScope;
    public ScopeState? ChannelScope;
    public QueueSettings? Settings;
    public bool Waiting;
    public long QueuedMs;
    public bool EverQueued;
    public long FirstQueuedMs;
    public string? FirstQueue;
    public string? CustomerId;
    public bool Transferred;
    public ScopeState? AgentScope;
    public bool Completed;
    public bool Abandoned;

    /// <summary>Nothing more is expected: it was completed or abandoned and is not waiting again.</summary>
    public readonly bool IsTerminal => !Waiting && (Completed || Abandoned);
}
