namespace Wallboard.LoadTest;

/// <summary>The hub's <c>Subscribe</c> argument (docs/api.md): scopes × windows.</summary>
internal sealed record SubscribeMessage(IReadOnlyList<string> Scopes, IReadOnlyList<string> Windows);
