using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Wallboard.Engine.Agents;
using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine;

/// <summary>
/// The KPI engine: events in, KPI snapshots out, on the time of an <see cref="IScheduler"/> (wall time
/// in production, a <c>HistoricalScheduler</c> in tests). Every call is serialised through one gate,
/// because HTTP handlers and the stream reader call in parallel and the state underneath is single-threaded.
/// </summary>
public sealed class WallboardEngine
{
    // A snapshot holds the engine a slice of scopes at a time: its pass over every scope × window (thousands
    // of rows on a floor of a thousand agents) held ingest and the pushes' reads for tens of milliseconds.
    private const int ScopesPerSnapshotSlice = 32;

    private readonly Lock _gate = new();

    // One snapshot at a time (the tracker's last values), taken before the engine's gate, never after it.
    private readonly Lock _snapshotGate = new();
    private KpiEngine _core;
    private SnapshotTracker _tracker = new();
    private readonly IScheduler _scheduler;
    private CheckpointBuffers? _spareBuffers;

    public WallboardEngine(EngineOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(options);
        _core = new KpiEngine(options);
        _scheduler = scheduler;
        Options = options;
        Snapshots = Observable.Interval(options.SnapshotInterval, scheduler)
            .Select(_ => TakeSnapshot(full: false))
            .Where(snapshot => snapshot.Rows.Count > 0)
            .Publish()
            .RefCount();
    }

    public EngineOptions Options { get; }

    /// <summary>Each tick, the scope × window rows that changed since the previous tick (nothing when nothing changed).</summary>
    public IObservable<KpiSnapshot> Snapshots { get; }

    /// <summary>The windows every scope has: <c>now</c>, the configured sliding windows, <c>today</c>.</summary>
    public IReadOnlyList<WindowId> Windows => _core.Layout.All;

    /// <summary>The engine clock (wall time, or the largest event time with <c>Engine:Clock=event</c>).</summary>
    /// <remarks>A wall clock is moved to now first, as a read does: alert changes are stamped with this time.</remarks>
    public DateTimeOffset Clock
    {
        get
        {
            lock (_gate)
            {
                _core.AdvanceWallClock(_scheduler.Now.ToUnixTimeMilliseconds());
                return _core.HasStarted ? DateTimeOffset.FromUnixTimeMilliseconds(_core.NowMs) : _scheduler.Now;
            }
        }
    }

    /// <summary>Applies one event and says what became of it.</summary>
    public IngestResult Ingest(WallboardEvent incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        lock (_gate)
        {
            return _core.Apply(incoming, _scheduler.Now.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Applies a batch under one acquisition of the gate; results are in the batch's order.</summary>
    public IReadOnlyList<IngestResult> Ingest(IReadOnlyList<WallboardEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new IngestResult[batch.Count];
        lock (_gate)
        {
            var wallNowMs = _scheduler.Now.ToUnixTimeMilliseconds();
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = _core.Apply(batch[i], wallNowMs);
            }
        }

        return results;
    }

    /// <summary>
    /// Applies a batch as if it arrived at <paramref name="arrival"/> (the wall time recorded in the event log),
    /// so that replaying the log reproduces the original run. The clock never goes backwards.
    /// </summary>
    public IReadOnlyList<IngestResult> IngestAt(IReadOnlyList<WallboardEvent> batch, DateTimeOffset arrival)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new IngestResult[batch.Count];
        lock (_gate)
        {
            var wallNowMs = arrival.ToUnixTimeMilliseconds();
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = _core.Apply(batch[i], wallNowMs);
            }
        }

        return results;
    }

    /// <summary>The engine as an Rx operator: every event of <paramref name="events"/> is applied, and its outcome emitted.</summary>
    public IObservable<(WallboardEvent Event, IngestResult Result)> Process(IObservable<WallboardEvent> events) =>
        events.Select(incoming => (incoming, Ingest(incoming)));

    /// <summary>Current values of one scope in one window, computed at the engine clock. An unknown scope reads as empty.</summary>
    public KpiValues Read(ScopeId scope, WindowId window)
    {
        if (window.Kind == WindowKind.Sliding && _core.Layout.IndexOf(window) < 0)
        {
            throw new ArgumentException($"Window {window} is not configured.", nameof(window));
        }

        lock (_gate)
        {
            _core.AdvanceWallClock(_scheduler.Now.ToUnixTimeMilliseconds());
            return _core.Evaluate(scope, window);
        }
    }

    /// <summary>Numerators and denominators behind the ratios and means of one scope × window, at the engine clock.</summary>
    public IReadOnlyDictionary<KpiId, KpiParts> Explain(ScopeId scope, WindowId window)
    {
        lock (_gate)
        {
            _core.AdvanceWallClock(_scheduler.Now.ToUnixTimeMilliseconds());
            return _core.Explain(scope, window);
        }
    }

    /// <summary>Changes whenever an agent's state changes.</summary>
    public long AgentsVersion
    {
        get
        {
            lock (_gate)
            {
                return _core.AgentsVersion;
            }
        }
    }

    /// <summary>The agents known, with their current state, since when, and their queues and team.</summary>
    public IReadOnlyList<AgentStatus> Agents()
    {
        lock (_gate)
        {
            return [.. _core.Agents.Select(agent => new AgentStatus(
                agent.AgentId,
                agent.State.Name,
                agent.State.State,
                agent.StateSinceMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(agent.StateSinceMs),
                agent.State.Queues,
                agent.State.Team))];
        }
    }

    /// <summary>The scopes seen so far.</summary>
    public IReadOnlyList<ScopeId> Scopes()
    {
        lock (_gate)
        {
            return [.. _core.Scopes.Select(scope => scope.Id)];
        }
    }

    /// <summary>
    /// Writes the engine state to <paramref name="destination"/> (see <see cref="TryRestore"/>). The gate is held only
    /// to copy the state; encoding and writing it happen outside, while events go on being ingested.
    /// </summary>
    public void Checkpoint(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var image = CaptureCheckpoint();
        image.WriteTo(destination);
    }

    /// <summary>The state as it is now, to be written later: what <see cref="Checkpoint"/> does before writing.</summary>
    internal EngineCheckpointImage CaptureCheckpoint() => CaptureCheckpoint(ReserveCheckpointBuffers());

    /// <summary>
    /// Buffers for a capture, sized like the last capture's outside the gate, where touching new memory stalls
    /// nobody. They are reused once the image is disposed; new ones (the first capture, or one while another
    /// image is out) are sized by counting the state under the gate, which is far cheaper than copying it.
    /// </summary>
    internal CheckpointBuffers ReserveCheckpointBuffers()
    {
        var buffers = Interlocked.Exchange(ref _spareBuffers, null);
        if (buffers is null)
        {
            buffers = new CheckpointBuffers();
            lock (_gate)
            {
                _core.MeasureCapture(buffers);
            }
        }

        buffers.ReserveLikeLastCapture();
        return buffers;
    }

    /// <summary>Copies the state into <paramref name="buffers"/>: the part of a checkpoint that holds the gate (with the count for new buffers).</summary>
    internal EngineCheckpointImage CaptureCheckpoint(CheckpointBuffers buffers)
    {
        lock (_gate)
        {
            return _core.Capture(buffers, released => Volatile.Write(ref _spareBuffers, released));
        }
    }

    /// <summary>
    /// Replaces the engine state with a checkpoint. A checkpoint from another version or other settings
    /// is refused with the reason, and the engine is left as it was.
    /// </summary>
    public bool TryRestore(Stream source, out string reason)
    {
        ArgumentNullException.ThrowIfNull(source);
        var restored = new KpiEngine(Options);
        try
        {
            using var reader = new CheckpointReader(source);
            restored.Load(reader);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException)
        {
            reason = error.Message;
            return false;
        }

        lock (_gate)
        {
            _core = restored;
            _tracker = new SnapshotTracker();
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>Every scope × window now (<paramref name="full"/>) or only those changed since the last snapshot.</summary>
    /// <remarks>
    /// Taken in slices of scopes with the engine free in between, so every row is consistent in itself, and rows
    /// of different slices may be some events apart; the snapshot is as of the engine clock at its end.
    /// </remarks>
    public KpiSnapshot TakeSnapshot(bool full)
    {
        lock (_snapshotGate)
        {
            var rows = new List<KpiRow>();
            KpiEngine? core = null;
            var first = 0;
            while (true)
            {
                lock (_gate)
                {
                    if (!ReferenceEquals(core, _core))
                    {
                        // First slice, or a checkpoint was restored in between: the pass starts over on the new state.
                        core = _core;
                        rows.Clear();
                        first = 0;
                    }

                    core.AdvanceWallClock(_scheduler.Now.ToUnixTimeMilliseconds());
                    if (!_tracker.CollectSlice(core, first, ScopesPerSnapshotSlice, full, rows))
                    {
                        return _tracker.Complete(core, rows, full);
                    }

                    first += ScopesPerSnapshotSlice;
                }
            }
        }
    }
}
