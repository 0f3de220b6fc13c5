using System.Reactive;
using System.Reactive.Subjects;

namespace Wallboard.Server.Realtime;

/// <summary>Signals that the engine applied events, so that pushes follow ingest without waiting for the heartbeat.</summary>
internal sealed class EngineActivity : IDisposable
{
    private readonly Subject<Unit> _applied = new();
    private readonly ISubject<Unit> _synchronized;

    public EngineActivity()
    {
        _synchronized = Subject.Synchronize(_applied);
    }

    public IObservable<Unit> Applied => _synchronized;

    public void NotifyApplied() => _synchronized.OnNext(Unit.Default);

    public void Dispose() => _applied.Dispose();
}
