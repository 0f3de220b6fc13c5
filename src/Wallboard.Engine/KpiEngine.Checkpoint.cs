using System.Globalization;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine;

/// <summary>
/// The engine's checkpoint: clock, scopes (panes and maxima as they are), contacts and agents (as their
/// events, re-derived on load), the duplicate set and the events held for the future. A checkpoint
/// written under other settings that shape the state is refused rather than misread.
/// </summary>
internal sealed partial class KpiEngine
{
    private const int FormatVersion = 3;

    /// <summary>The settings that shape the state; a checkpoint is only read back under the same ones.</summary>
    public string Fingerprint { get; }

    public void Save(BinaryWriter writer)
    {
        writer.Write(FormatVersion);
        writer.Write(Fingerprint);
        writer.Write(_clock.HasStarted);
        writer.Write(_clock.NowMs);
        writer.Write(_scopes.Scopes.Count);
        foreach (var scope in _scopes.Scopes)
        {
            writer.Write((int)scope.Id.Kind);
            writer.Write(scope.Id.Name);
            scope.Save(writer);
        }

        _contacts.Save(writer);
        _agents.Save(writer);
        _tickets.Save(writer);
        _directory.Save(writer);
        _duplicates.Save(writer);
        var held = _future.Held.ToList();
        writer.Write(held.Count);
        foreach (var future in held)
        {
            writer.Write(EventWriter.ToJson(future));
        }
    }

    /// <summary>Reads a checkpoint into this new engine; throws <see cref="InvalidDataException"/> when it cannot be used.</summary>
    public void Load(BinaryReader reader)
    {
        if (reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("The checkpoint was written by another version of the engine.");
        }

        var fingerprint = reader.ReadString();
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

        var scopes = reader.ReadInt32();
        for (var i = 0; i < scopes; i++)
        {
            var id = new ScopeId((ScopeKind)reader.ReadInt32(), reader.ReadString());
            _scopes.GetOrAdd(id).Load(reader);
        }

        _contacts.Load(reader);
        _agents.Load(reader);
        _tickets.Load(reader);
        _directory.Load(reader);
        _duplicates.Load(reader);
        var held = reader.ReadInt32();
        for (var i = 0; i < held; i++)
        {
            _future.TryHold(CheckpointEvents.Read(reader));
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
