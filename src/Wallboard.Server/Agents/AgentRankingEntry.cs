using System.Text.Json.Serialization;

namespace Wallboard.Server.Agents;

/// <summary>One agent of the ranking: place (from 1), id, name and team when known, current state, and its own KPI values.</summary>
internal sealed record AgentRankingEntry(
    int Rank,
    string Id,
    string? Name,
    string? Team,
    string State,
    IReadOnlyDictionary<string, double?> Values)
{
    /// <summary>KPIs of this agent resting on fewer answers than the minimum sample (CSAT of 2 answers); omitted when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? LowSample { get; init; }
}
