using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Windows;

namespace Wallboard.Engine.Scopes;

/// <summary>
/// Checkpointing of a scope: its panes, wait maxima and outside figures as they are. The agent counts, the
/// waiting line and the ticket lines are not kept: loading the agents, contacts and tickets rebuilds them.
/// </summary>
internal sealed partial class ScopeState
{
    /// <summary>How many numbers <see cref="Capture"/> copies.</summary>
    public int CaptureLength
    {
        get
        {
            AdvanceParts();
            var length = _waits?.CaptureLength ?? 0;
            foreach (var panes in (ReadOnlySpan<PaneRing?>)_panes)
            {
                length += panes?.CaptureLength ?? 0;
            }

            return length;
        }
    }

    /// <summary>
    /// Copies the scope; its panes and wait maxima go to the end of <paramref name="numbers"/>, which every scope
    /// shares: a few large arrays, kept from one checkpoint to the next, where copies of their own made thousands
    /// of arrays for the collector to move.
    /// </summary>
    public Image Capture(CaptureBuffer<long> numbers)
    {
        AdvanceParts();
        var start = numbers.Count;
        var panes = new PaneRing.Image?[CounterGroups.Count];
        for (var group = 0; group < panes.Length; group++)
        {
            panes[group] = _panes[group]?.Capture(numbers);
        }

        SlidingMaximum.Image? waits = _waits is null ? null : _waits.Capture(numbers);
        return new Image(
            _syncedSecond,
            _todayStart,
            _nextReset,
            start,
            numbers.Count - start,
            panes,
            waits,
            _external is null ? [] : [.. _external.Select(pair => (pair.Key, pair.Value.Value, pair.Value.AtMs))]);
    }

    public void Load(CheckpointReader reader)
    {
        _syncedSecond = reader.ReadInt64();
        _todayStart = reader.ReadInt64();
        _nextReset = reader.ReadInt64();
        for (var group = 0; group < CounterGroups.Count; group++)
        {
            if (reader.ReadBoolean())
            {
                _panes[group] = new PaneRing(CounterGroups.Size(group), _layout.Seconds);
                _panes[group]!.Load(reader);
            }
        }

        if (reader.ReadBoolean())
        {
            _waits = new SlidingMaximum(_layout.LatenessSeconds, _layout.LongestSeconds);
            _waits.Load(reader);
        }

        var external = reader.ReadCount();
        for (var i = 0; i < external; i++)
        {
            Record(reader.ReadRequiredString(), reader.ReadDouble(), reader.ReadInt64());
        }
    }

    /// <summary>A copy of a scope, written outside the engine's lock.</summary>
    internal sealed class Image(
        long syncedSecond,
        long todayStart,
        long nextReset,
        int start,
        int length,
        PaneRing.Image?[] panes,
        SlidingMaximum.Image? waits,
        (string Name, double Value, long AtMs)[] external)
    {
        /// <summary>Writes the scope, its panes and maxima from <paramref name="numbers"/> (what <see cref="Capture"/> copied there).</summary>
        public void WriteTo(CheckpointWriter writer, ReadOnlySpan<long> numbers)
        {
            var copied = numbers.Slice(start, length);
            writer.WriteInt64(syncedSecond);
            writer.WriteInt64(todayStart);
            writer.WriteInt64(nextReset);
            var offset = 0;
            foreach (var group in panes)
            {
                writer.WriteBoolean(group is not null);
                group?.WriteTo(writer, copied[offset..]);
                offset += group?.Length ?? 0;
            }

            writer.WriteBoolean(waits is not null);
            waits?.WriteTo(writer, copied[offset..]);
            writer.WriteCount(external.Length);
            foreach (var (name, value, atMs) in external)
            {
                writer.WriteName(name);
                writer.WriteDouble(value);
                writer.WriteInt64(atMs);
            }
        }
    }
}
