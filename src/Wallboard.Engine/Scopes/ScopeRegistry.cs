using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Scopes;

/// <summary>The scopes seen so far, created on first use.</summary>
internal sealed class ScopeRegistry
{
    private readonly Dictionary<ScopeId, ScopeState> _scopes = [];
    private readonly List<ScopeState> _ordered = [];
    private readonly EngineClock _clock;
    private readonly WindowLayout _layout;
    private readonly Func<ScopeId, DailyResetSchedule> _scheduleFor;

    public ScopeRegistry(EngineClock clock, WindowLayout layout, Func<ScopeId, DailyResetSchedule> scheduleFor)
    {
        _clock = clock;
        _layout = layout;
        _scheduleFor = scheduleFor;
        All = GetOrAdd(ScopeId.All);
    }

    public ScopeState All { get; }

    public IReadOnlyList<ScopeState> Scopes => _ordered;

    public WindowLayout Layout => _layout;

    public ScopeState GetOrAdd(ScopeId id)
    {
        if (!_scopes.TryGetValue(id, out var scope))
        {
            scope = new ScopeState(id, _clock, _scheduleFor(id), _layout);
            _scopes.Add(id, scope);
            _ordered.Add(scope);
        }

        return scope;
    }

    public ScopeState? Find(ScopeId id) => _scopes.GetValueOrDefault(id);
}
