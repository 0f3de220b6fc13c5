using Wallboard.Server.Api;

namespace Wallboard.Server.Realtime;

/// <summary>
/// One push to a board: the rows of its subscription that changed (all of them when <see cref="Full"/>),
/// the engine sequence and clock, and whether the values may be stale.
/// </summary>
internal sealed record KpiUpdate(long Sequence, DateTimeOffset AsOf, bool Full, bool Stale, IReadOnlyList<KpiPayload> Rows);
