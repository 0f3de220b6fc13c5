using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wallboard.Engine.Kpis;

namespace Wallboard.Server.State;

/// <summary>
/// Every Redis key the server uses, built here and nowhere else. The layout is public (other tools read
/// it) and documented in <c>docs/redis.md</c>.
/// </summary>
internal sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    /// <summary>The event log: a stream of accepted batches (<c>arrival</c>, <c>events</c> as a JSON array).</summary>
    public RedisKey EventLog => _prefix + "events";

    /// <summary>The engine checkpoint (binary) with the log position it covers, or the manifest of one stored in parts.</summary>
    public RedisKey Checkpoint => _prefix + "checkpoint";

    /// <summary>Part <paramref name="index"/> (from 0) of a checkpoint stored in parts, in generation <c>a</c> or <c>b</c>.</summary>
    public RedisKey CheckpointPart(string generation, int index) => $"{_prefix}checkpoint:{generation}:{index}";

    /// <summary>The set of scope ids seen (<c>all</c>, <c>queue:sales</c>, …).</summary>
    public RedisKey Scopes => _prefix + "scopes";

    /// <summary>Active alerts: a hash of alert id → alert JSON.</summary>
    public RedisKey ActiveAlerts => _prefix + "alerts:active";

    /// <summary>Resolved alerts: a sorted set of alert JSON scored by resolution time (Unix ms), kept for the history retention.</summary>
    public RedisKey AlertHistory => _prefix + "alerts:history";

    /// <summary>Alert notifications planned but not yet delivered or given up: a hash of notification key → notification JSON, replayed after a restart.</summary>
    public RedisKey AlertOutbox => _prefix + "alerts:outbox";

    /// <summary>Per alert: the channels told (<c>to:&lt;channel&gt;</c>) and the notifications delivered (<c>sent:&lt;kind&gt;|&lt;channel&gt;|&lt;sequence&gt;</c>).</summary>
    public RedisKey AlertNotified(string alertId) => $"{_prefix}alerts:notified:{alertId}";

    /// <summary>Per alert: its delivery attempts, a capped list of JSON records, oldest first.</summary>
    public RedisKey AlertDeliveries(string alertId) => $"{_prefix}alerts:deliveries:{alertId}";

    /// <summary>Current KPI values of one scope × window: a hash of KPI id → number (empty string for null), plus <c>_asOf</c>.</summary>
    public RedisKey Kpis(ScopeId scope, WindowId window) => $"{_prefix}kpi:{scope}:{window}";
}
