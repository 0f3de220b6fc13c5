using System.Runtime.InteropServices;
using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Events;

namespace Wallboard.Engine.Agents;

/// <summary>Checkpointing of the agents: the baseline state and the events still inside the lateness, re-derived on load.</summary>
internal sealed partial class AgentRoster
{
    /// <summary>Copies the agents into <paramref name="buffers"/>: their baselines (immutable values) and their events.</summary>
    public void Capture(CheckpointBuffers buffers)
    {
        foreach (var agent in _agents.Values)
        {
            CatchUpCompaction(agent);
            var events = agent.Events;
            buffers.Agents.Add(new SavedAgent(agent.AgentId, agent.Baseline, agent.BaselineMs, agent.StateSinceMs, events.Count));
            CollectionsMarshal.AsSpan(events).CopyTo(buffers.AgentEvents.Append(events.Count));
        }
    }

    /// <summary>Tells <paramref name="buffers"/> how much <see cref="Capture"/> would copy now.</summary>
    public void MeasureCapture(CheckpointBuffers buffers)
    {
        var events = 0;
        foreach (var agent in _agents.Values)
        {
            CatchUpCompaction(agent);
            events += agent.Events.Count;
        }

        buffers.Agents.Expect(_agents.Count);
        buffers.AgentEvents.Expect(events);
    }

    /// <summary>Writes what <see cref="Capture"/> copied into <paramref name="buffers"/>.</summary>
    public static void Write(CheckpointWriter writer, CheckpointBuffers buffers)
    {
        var events = buffers.AgentEvents.Items;
        writer.WriteCount(buffers.Agents.Count);
        var e = 0;
        foreach (var agent in buffers.Agents.Items)
        {
            writer.WriteName(agent.AgentId);
            writer.Owner = agent.AgentId;
            var baseline = agent.Baseline;
            writer.WriteByte((byte)baseline.State);
            writer.WriteCount(baseline.Queues.Count);
            foreach (var queue in baseline.Queues)
            {
                writer.WriteName(queue);
            }

            writer.WriteName(baseline.Team);
            writer.WriteName(baseline.Name);
            writer.WriteVarInt64(agent.BaselineMs);
            writer.WriteVarInt64(agent.StateSinceMs);
            CheckpointEvents.WriteOwned(writer, agent.AgentId, events.Slice(e, agent.EventCount));
            e += agent.EventCount;
        }
    }

    public void Load(CheckpointReader reader)
    {
        var agents = reader.ReadCount();
        for (var i = 0; i < agents; i++)
        {
            var agent = GetOrAdd(reader.ReadRequiredString());
            reader.Owner = agent.AgentId;
            var state = (AgentState)reader.ReadByte();
            if (!Enum.IsDefined(state))
            {
                throw new InvalidDataException($"A checkpointed agent is in state {(int)state}.");
            }

            var queues = new string[reader.ReadCount()];
            for (var q = 0; q < queues.Length; q++)
            {
                queues[q] = reader.ReadRequiredString();
            }

            var team = reader.ReadString();
            var name = reader.ReadString();
            agent.Baseline = _fold.Restore(agent.AgentId, state, queues, team, name);
            agent.BaselineMs = reader.ReadVarInt64();
            agent.StateSinceMs = reader.ReadVarInt64();
            CheckpointEvents.ReadOwned(reader, agent.AgentId, agent.Events);
            agent.NoteLoadedEvents();
            agent.State = _fold.Replay(agent.Baseline, agent.Events, agent.AgentId, long.MaxValue, _discard);
            Count(agent.Counted, -1);
            Count(agent.State, +1);
            agent.Counted = agent.State;
        }
    }

    internal readonly record struct SavedAgent(string AgentId, AgentFoldState Baseline, long BaselineMs, long StateSinceMs, int EventCount);
}
