namespace Wallboard.LoadTest;

/// <summary>A contact of the <see cref="TrafficModel"/> between its first event and its last.</summary>
internal sealed class OpenContact(string contactId, string queue, string channel)
{
    public string ContactId { get; } = contactId;

    public string Queue { get; set; } = queue;

    public string Channel { get; set; } = channel;

    /// <summary>The agent handling it; null while it waits in a queue.</summary>
    public string? AgentId { get; set; }
}
