using Wallboard.Engine.Events;

namespace Wallboard.Engine.Agents;

/// <summary>Checkpointing of the agents: the baseline state and the events still inside the lateness, re-derived on load.</summary>
internal sealed partial class AgentRoster
{
    public void Save(BinaryWriter writer)
    {
        writer.Write(_agents.Count);
        foreach (var agent in _agents.Values)
        {
            writer.Write(agent.AgentId);
            var baseline = agent.Baseline;
            writer.Write((int)baseline.State);
            writer.Write(baseline.Queues.Count);
            foreach (var queue in baseline.Queues)
            {
                writer.Write(queue);
            }

            WriteOptional(writer, baseline.Team);
            WriteOptional(writer, baseline.Name);
            writer.Write(agent.BaselineMs);
            writer.Write(agent.StateSinceMs);
            writer.Write(agent.Events.Count);
            foreach (var change in agent.Events)
            {
                writer.Write(EventWriter.ToJson(change));
            }
        }
    }

    public void Load(BinaryReader reader)
    {
        var agents = reader.ReadInt32();
        for (var i = 0; i < agents; i++)
        {
            var agent = GetOrAdd(reader.ReadString());
            var state = (AgentState)reader.ReadInt32();
            var queues = new string[reader.ReadInt32()];
            for (var q = 0; q < queues.Length; q++)
            {
                queues[q] = reader.ReadString();
            }

            var team = ReadOptional(reader);
            var name = ReadOptional(reader);
            agent.Baseline = _fold.Restore(agent.AgentId, state, queues, team, name);
            agent.BaselineMs = reader.ReadInt64();
            agent.StateSinceMs = reader.ReadInt64();
            var events = reader.ReadInt32();
            for (var e = 0; e < events; e++)
            {
                agent.Events.Add((AgentStateChanged)CheckpointEvents.Read(reader));
            }

            agent.State = _fold.Replay(agent.Baseline, agent.Events, agent.AgentId, long.MaxValue, _discard);
            Count(agent.Counted, -1);
            Count(agent.State, +1);
            agent.Counted = agent.State;
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
