using System.Globalization;
using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;

namespace Wallboard.Engine;

/// <summary>
/// The engine's checkpoint: clock, scopes (panes and maxima as they are), contacts, agents and tickets (as
/// their events, re-derived on load), the interaction directory, the duplicate set and the events held for
/// the future. A checkpoint written by another format version, or under other settings that shape the
/// state, is refused rather than misread.
/// </summary>
internal sealed partial class KpiEngine
{
    /// <summary>Version 7: the interaction directory as a log keyed by digests (6: panes hold running sums; 5: counter groups; 4: events in binary).</summary>
    public const int FormatVersion = 7;

    /// <summary>The settings that shape the state; a checkpoint is only read back under the same ones.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Copies the state for a checkpoint into <paramref name="buffers"/> (sized beforehand): references to the
    /// (immutable) events and strings, and copies of every list and array the engine goes on changing. Cheap
    /// next to encoding it, which the image does later, outside the engine's lock, while the engine moves on.
    /// The image hands the buffers to <paramref name="release"/> when disposed.
    /// </summary>
    public EngineCheckpointImage Capture(CheckpointBuffers buffers, Action<CheckpointBuffers> release)
    {
        var scopes = _scopes.Scopes;
        var images = new (ScopeId, ScopeState.Image)[scopes.Count];
        for (var i = 0; i < images.Length; i++)
        {
            var scope = scopes[i];
            images[i] = (scope.Id, scope.Capture(buffers.Numbers));
        }

        _contacts.Capture(buffers);
        _agents.Capture(buffers);
        _tickets.Capture(buffers);
        _directory.Capture(buffers);
        return new EngineCheckpointImage(
            Fingerprint, _clock.HasStarted, _clock.NowMs, images, _duplicates.Capture(buffers), [.. _future.Held], buffers, release);
    }

    /// <summary>Has <paramref name="buffers"/> reserve room for what <see cref="Capture"/> would copy now (for buffers that never captured).</summary>
    public void MeasureCapture(CheckpointBuffers buffers)
    {
        var numbers = 0;
        foreach (var scope in _scopes.Scopes)
        {
            numbers += scope.CaptureLength;
        }

        buffers.Numbers.Expect(numbers);
        _contacts.MeasureCapture(buffers);
        _agents.MeasureCapture(buffers);
        _tickets.MeasureCapture(buffers);
        _directory.MeasureCapture(buffers);
        _duplicates.MeasureCapture(buffers);
    }

    /// <summary>Reads a checkpoint into this new engine; throws <see cref="InvalidDataException"/> when it cannot be used.</summary>
    public void Load(CheckpointReader reader)
    {
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The checkpoint was written by another version of the engine (format {version}; this engine reads {FormatVersion}).");
        }

        var fingerprint = reader.ReadRequiredString();
        if (fingerprint != Fingerprint)
        {
            throw new InvalidDataException($"The checkpoint was written under other engine settings ({fingerprint}; now {Fingerprint}).");
        }

        var started = reader.ReadBoolean();
        var nowMs = reader.ReadInt64();
        if (started)
        {
            _clock.AdvanceTo(nowMs);
        }

        var scopes = reader.ReadCount();
        for (var i = 0; i < scopes; i++)
        {
            var kind = reader.ReadByte();
            if (!Enum.IsDefined((ScopeKind)kind))
            {
                throw new InvalidDataException($"A checkpointed scope has the unknown kind {kind}.");
            }

            var id = new ScopeId((ScopeKind)kind, reader.ReadRequiredString());
            _scopes.GetOrAdd(id).Load(reader);
        }

        _contacts.Load(reader);
        _agents.Load(reader);
        _tickets.Load(reader);
        _directory.Load(reader);
        _duplicates.Load(reader);
        var held = reader.ReadCount();
        for (var i = 0; i < held; i++)
        {
            _future.TryHold(CheckpointEvents.Read(reader));
        }

        if (reader.ReadInt32() != EngineCheckpointImage.EndMark)
        {
            throw new InvalidDataException("The checkpoint does not end where it should.");
        }
    }

    private static string FingerprintOf(EngineOptions options)
    {
        var queues = string.Join(';', options.Queues.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair =>
            string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value.ServiceLevelThreshold},{pair.Value.ShortAbandonThreshold},{pair.Value.RepeatContactHorizon},{pair.Value.DailyReset}")));
        var defaults = options.Defaults;
        return string.Create(CultureInfo.InvariantCulture,
            $"clock={options.Clock};windows={string.Join(',', options.SlidingWindows())};lateness={options.AllowedLateness};zone={options.TimeZone};"
            + $"duplicates={options.DuplicateHorizon};open={options.OpenContactTimeout};memory={options.InteractionMemory};"
            + $"tickets={options.Tickets.DefaultFirstReplyTarget},{options.Tickets.AtRiskHorizon},{options.Tickets.AgedBacklogAge},{options.Tickets.ResolvedRetention},"
            + $"{string.Join(',', options.Tickets.FirstReplyTargets.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"))};"
            + $"defaults={defaults.ServiceLevelThreshold},{defaults.ShortAbandonThreshold},{defaults.RepeatContactHorizon},{defaults.DailyReset};queues={queues}");
    }
}
