namespace Wallboard.Engine.Contacts;

/// <summary>The hash an <see cref="IdDirectory{T}"/> files an id under.</summary>
internal static class IdHash
{
    /// <summary>The runtime's string hash: randomised per process, so outside ids cannot be crafted to collide.</summary>
    public static int Of(string id) => id.GetHashCode(StringComparison.Ordinal);
}
