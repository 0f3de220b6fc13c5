using Wallboard.Engine;
using Wallboard.Engine.Agents;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.Agents;

/// <summary>
/// The ranked per-agent view ("top support agents", "agent productivity"): every agent's own KPIs in one
/// rolling window, best first by one of them. It is read from the agent scopes the engine already keeps,
/// so it costs one scope read per agent and nothing on the event path.
/// </summary>
internal static class AgentRanking
{
    /// <summary>The KPIs of each row, in the order the payload lists them; <c>by</c> must be one of them.</summary>
    public static IReadOnlyList<KpiId> Columns { get; } =
        [KpiId.Handled, KpiId.Answered, KpiId.Aht, KpiId.Fcr, KpiId.TicketsResolved, KpiId.Csat, KpiId.CsatResponses, KpiId.Occupancy];

    public static KpiId DefaultBy => KpiId.Handled;

    /// <summary>The handler of <c>GET /api/v1/agents/ranking?window=W&amp;by=K</c>: 400 for a window without rolling KPIs or an unknown <c>by</c>.</summary>
    public static IResult Get(string? window, string? by, WallboardEngine engine)
    {
        var windows = engine.Windows.Where(candidate => candidate.Kind != WindowKind.Now).ToList();
        WindowId? windowId = windows[0];
        if (window is not null && (!WindowId.TryParse(window, out windowId) || !windows.Contains(windowId.Value)))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown window",
                detail: $"window '{window}' is not one of {string.Join(", ", windows)}");
        }

        var column = DefaultBy;
        if (by is not null && !TryColumn(by, out column))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown ranking KPI",
                detail: $"by '{by}' is not one of {string.Join(", ", Columns.Select(id => KpiCatalog.Get(id).Name))}");
        }

        return Results.Ok(Of(engine, windowId.Value, column));
    }

    /// <summary>Every agent (known from <c>agent.state</c> or from the contacts, tickets and surveys that named it), ranked.</summary>
    public static AgentRankingPayload Of(WallboardEngine engine, WindowId window, KpiId by)
    {
        var asOf = engine.Clock;
        var statuses = engine.Agents().ToDictionary(agent => agent.AgentId, StringComparer.Ordinal);
        var agentIds = statuses.Keys
            .Concat(engine.Scopes().Where(scope => scope.Kind == ScopeKind.Agent).Select(scope => scope.Name))
            .Distinct(StringComparer.Ordinal);
        var rows = agentIds.Select(id => Row(engine, window, id, statuses.GetValueOrDefault(id))).ToList();
        var ranked = Order(rows, by);
        var entries = ranked.Select((row, index) => row with { Rank = index + 1 }).ToList();
        var column = KpiCatalog.Get(by);
        return new AgentRankingPayload(
            window.ToString(),
            column.Name,
            IsAscending(column) ? "ascending" : "descending",
            asOf,
            [.. Columns.Select(id => KpiCatalog.Get(id).Name)],
            entries);
    }

    private static AgentRankingEntry Row(WallboardEngine engine, WindowId window, string agentId, AgentStatus? status)
    {
        var values = engine.Read(ScopeId.Agent(agentId), window);
        var byName = new Dictionary<string, double?>(StringComparer.Ordinal);
        List<string>? lowSample = null;
        foreach (var id in Columns)
        {
            var name = KpiCatalog.Get(id).Name;
            byName[name] = values[id];
            if (values[id] is not null && !values.IsSignificant(id))
            {
                (lowSample ??= []).Add(name);
            }
        }

        var state = (status?.State ?? AgentState.Offline).ToString().ToLowerInvariant();
        return new AgentRankingEntry(0, agentId, status?.Name, status?.Team, state, byName) { LowSample = lowSample };
    }

    // Best first: ascending for a lower-is-better KPI (AHT), descending otherwise; agents without a value last; ties by id.
    private static IEnumerable<AgentRankingEntry> Order(List<AgentRankingEntry> rows, KpiId by)
    {
        var column = KpiCatalog.Get(by);
        var withValue = rows.Where(row => row.Values[column.Name] is not null);
        var ordered = IsAscending(column)
            ? withValue.OrderBy(row => row.Values[column.Name])
            : withValue.OrderByDescending(row => row.Values[column.Name]);
        return ordered.ThenBy(row => row.Id, StringComparer.Ordinal)
            .Concat(rows.Where(row => row.Values[column.Name] is null).OrderBy(row => row.Id, StringComparer.Ordinal));
    }

    private static bool IsAscending(KpiDefinition column) => column.Direction == KpiDirection.LowerIsBetter;

    public static bool TryColumn(string name, out KpiId id)
    {
        id = DefaultBy;
        if (KpiCatalog.TryGet(name, out var definition) && Columns.Contains(definition!.Id))
        {
            id = definition.Id;
            return true;
        }

        return false;
    }
}
