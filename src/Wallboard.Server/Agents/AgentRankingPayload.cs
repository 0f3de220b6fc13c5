namespace Wallboard.Server.Agents;

/// <summary>
/// The body of <c>GET /api/v1/agents/ranking</c>: the agents best first by <see cref="By"/> in one window;
/// <see cref="Order"/> says which way (<c>ascending</c> for a lower-is-better KPI such as <c>aht</c>).
/// </summary>
internal sealed record AgentRankingPayload(
    string Window,
    string By,
    string Order,
    DateTimeOffset AsOf,
    IReadOnlyList<string> Kpis,
    IReadOnlyList<AgentRankingEntry> Agents);
