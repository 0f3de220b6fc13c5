namespace Wallboard.Server.Simulation;

/// <summary>One simulated contact (a call, chat or SMS conversation), across its transfers.</summary>
internal sealed class SimulatedContact(string id, string customerId)
{
    public string Id { get; } = id;

    public string CustomerId { get; } = customerId;

    public int Queue { get; set; }

    public long QueuedMs { get; set; }

    /// <summary>Bumped at every <c>contact.queued</c>, so that the patience timer of an earlier wait does nothing.</summary>
    public int Wait { get; set; }

    public bool Waiting { get; set; }

    public bool Transferred { get; set; }
}
