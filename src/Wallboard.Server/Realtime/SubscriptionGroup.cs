namespace Wallboard.Server.Realtime;

/// <summary>The clients watching exactly the same scope × window set: one serialized message serves them all.</summary>
internal sealed class SubscriptionGroup(string signature, IReadOnlyCollection<SubscriptionKey> keys)
{
    public string Signature { get; } = signature;

    public HashSet<SubscriptionKey> Keys { get; } = [.. keys];

    /// <summary>Connection ids; guarded by the registry's lock.</summary>
    public HashSet<string> Connections { get; } = new(StringComparer.Ordinal);
}
