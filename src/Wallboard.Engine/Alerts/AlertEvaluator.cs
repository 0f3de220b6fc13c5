using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Alerts;

/// <summary>
/// The alert state machine, pure and on the engine's time: pending → firing (warning ↔ critical) →
/// acknowledged → resolved, with hysteresis (clear levels), a minimum duration before firing and before
/// resolving, a minimum sample, and a no-data state when the data behind a rule stops. It says what
/// changed; whom to tell is the delivery layer's business.
/// </summary>
public sealed class AlertEvaluator
{
    private readonly Dictionary<(string Rule, ScopeId Scope), AlertState> _states = [];
    private Dictionary<string, AlertRule> _rules = new(StringComparer.Ordinal);

    public AlertEvaluator(IEnumerable<AlertRule> rules) => SetRules(rules, DateTimeOffset.MinValue);

    public IReadOnlyCollection<AlertRule> Rules => _rules.Values;

    /// <summary>Active (firing or no-data) alerts.</summary>
    public IReadOnlyList<Alert> Active => [.. _states.Values.Where(state => state.Phase is AlertPhase.Firing or AlertPhase.NoData).Select(state => state.Snapshot())];

    /// <summary>Breaches not yet held for their rule's minimum duration.</summary>
    public IReadOnlyList<Alert> Pending => [.. _states.Values.Where(state => state.Phase == AlertPhase.Pending).Select(state => state.Snapshot())];

    /// <summary>
    /// Replaces the rules (configuration reloaded). Alerts of a rule that is gone are resolved; the others
    /// carry on under the new definition.
    /// </summary>
    public IReadOnlyList<AlertChange> SetRules(IEnumerable<AlertRule> rules, DateTimeOffset now)
    {
        _rules = rules.ToDictionary(rule => rule.Id, StringComparer.Ordinal);
        var changes = new List<AlertChange>();
        foreach (var (key, state) in _states.ToList())
        {
            if (_rules.TryGetValue(key.Rule, out var rule))
            {
                state.Rule = rule;
                continue;
            }

            _states.Remove(key);
            if (state.Phase != AlertPhase.Pending)
            {
                changes.Add(Resolve(state, now));
            }
        }

        return changes;
    }

    /// <summary>Takes back alerts that were active before a restart; nothing is notified again.</summary>
    public void Restore(IEnumerable<Alert> active)
    {
        foreach (var alert in active.Where(alert => alert.IsActive))
        {
            if (_rules.TryGetValue(alert.RuleId, out var rule))
            {
                _states[(rule.Id, alert.Scope)] = AlertState.From(alert, rule);
            }
        }
    }

    /// <summary>
    /// Evaluates every rule for every matching scope at <paramref name="now"/>. With <paramref name="dataFresh"/>
    /// false (ingest stale, Redis away) firing alerts go to no-data and pending ones are dropped.
    /// </summary>
    public IReadOnlyList<AlertChange> Evaluate(DateTimeOffset now, bool dataFresh, IEnumerable<ScopeId> scopes, Func<ScopeId, WindowId, KpiValues> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var changes = new List<AlertChange>();
        var known = scopes.ToList();
        foreach (var rule in _rules.Values)
        {
            foreach (var scope in known.Where(rule.Scopes.Matches))
            {
                var value = dataFresh ? ValueOf(rule, read(scope, rule.Window)) : null;
                Step(rule, scope, now, dataFresh, value, changes);
            }
        }

        return changes;
    }

    /// <summary>Acknowledges an active alert; null when no active alert has that id.</summary>
    public AlertChange? Acknowledge(string alertId, string by, string? note, DateTimeOffset now)
    {
        var state = _states.Values.FirstOrDefault(candidate => candidate.Phase is AlertPhase.Firing or AlertPhase.NoData && candidate.Id == alertId);
        if (state is null)
        {
            return null;
        }

        state.Acknowledged = new Acknowledgement(by, now, note);
        return state.Record(AlertChangeKind.Acknowledged, now, by, note);
    }

    private static double? ValueOf(AlertRule rule, KpiValues values)
    {
        if (rule.External is { } name)
        {
            return values.External.TryGetValue(name, out var figure) ? figure : null;
        }

        var value = values[rule.Kpi];
        var sample = KpiCatalog.Get(rule.Kpi).SampleKpi;
        var minimum = Math.Max(rule.MinimumSample, sample is null ? 0 : values.MinimumSample);

        // Too few answers to trust: neither a breach nor a reason to keep an alert open.
        return sample is { } sampleKpi && (values[sampleKpi] ?? 0) < minimum ? null : value;
    }

    private void Step(AlertRule rule, ScopeId scope, DateTimeOffset now, bool dataFresh, double? value, List<AlertChange> changes)
    {
        _states.TryGetValue((rule.Id, scope), out var state);
        if (!dataFresh)
        {
            LoseData(rule, scope, state, now, changes);
            return;
        }

        if (state is null)
        {
            if (value is { } breaching && rule.Breach(breaching) is { } severity)
            {
                state = new AlertState(rule, scope, now, severity) { Value = value };
                _states[(rule.Id, scope)] = state;
                FireIfHeld(state, now, changes);
            }

            return;
        }

        state.Value = value;
        if (state.Phase == AlertPhase.NoData)
        {
            state.Phase = AlertPhase.Firing;
            changes.Add(state.Record(AlertChangeKind.DataReturned, now));
        }

        if (state.Phase == AlertPhase.Pending)
        {
            StepPending(state, now, changes);
        }
        else
        {
            StepFiring(state, now, changes);
        }
    }

    private void LoseData(AlertRule rule, ScopeId scope, AlertState? state, DateTimeOffset now, List<AlertChange> changes)
    {
        if (state?.Phase == AlertPhase.Pending)
        {
            _states.Remove((rule.Id, scope));
        }
        else if (state?.Phase == AlertPhase.Firing)
        {
            state.Phase = AlertPhase.NoData;
            state.ClearingSince = null;
            changes.Add(state.Record(AlertChangeKind.NoData, now));
        }
    }

    private void StepPending(AlertState state, DateTimeOffset now, List<AlertChange> changes)
    {
        if (state.Value is not { } value || state.Rule.Breach(value) is not { } severity)
        {
            // Shorter than the minimum duration: it never fires.
            _states.Remove((state.Rule.Id, state.Scope));
            return;
        }

        state.Severity = severity;
        FireIfHeld(state, now, changes);
    }

    private static void FireIfHeld(AlertState state, DateTimeOffset now, List<AlertChange> changes)
    {
        if (now - state.BreachedSince < state.Rule.For)
        {
            return;
        }

        state.Phase = AlertPhase.Firing;
        state.FiredAt = now;
        changes.Add(state.Record(AlertChangeKind.Fired, now));
    }

    private void StepFiring(AlertState state, DateTimeOffset now, List<AlertChange> changes)
    {
        var held = state.Value is { } value ? state.Rule.Hold(value, state.Severity) : null;
        if (held is null)
        {
            if (state.ClearingSince is null)
            {
                state.ClearingSince = now;
                changes.Add(state.Record(AlertChangeKind.Clearing, now));
            }

            if (now - state.ClearingSince >= state.Rule.ClearFor)
            {
                _states.Remove((state.Rule.Id, state.Scope));
                changes.Add(Resolve(state, now));
            }

            return;
        }

        if (state.ClearingSince is not null)
        {
            state.ClearingSince = null;
            changes.Add(state.Record(AlertChangeKind.Rebreached, now));
        }

        if (held != state.Severity)
        {
            var kind = held > state.Severity ? AlertChangeKind.Escalated : AlertChangeKind.Deescalated;
            state.Severity = held.Value;
            changes.Add(state.Record(kind, now));
        }
    }

    private static AlertChange Resolve(AlertState state, DateTimeOffset now)
    {
        state.Phase = AlertPhase.Resolved;
        state.ResolvedAt = now;
        return state.Record(AlertChangeKind.Resolved, now);
    }
}
