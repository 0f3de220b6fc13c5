namespace Wallboard.LoadTest;

/// <summary>A <c>kpisChanged</c> push (or the <c>Subscribe</c> answer) as a board receives it.</summary>
internal sealed record KpiUpdateMessage(long Sequence, DateTimeOffset AsOf, bool Full, bool Stale, IReadOnlyList<KpiRowMessage> Rows);
