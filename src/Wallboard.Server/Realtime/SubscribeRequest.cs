namespace Wallboard.Server.Realtime;

/// <summary>What a board shows: scopes (<c>all</c>, <c>queue:sales</c>…) × windows (<c>now</c>, <c>15m</c>, <c>today</c>…).</summary>
internal sealed record SubscribeRequest(IReadOnlyList<string> Scopes, IReadOnlyList<string> Windows);
