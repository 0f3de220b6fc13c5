namespace Wallboard.Engine.Events;

/// <summary>Events inside a checkpoint travel in their contract JSON, so a checkpoint reads like the log.</summary>
internal static class CheckpointEvents
{
    public static WallboardEvent Read(BinaryReader reader)
    {
        var json = reader.ReadString();
        var parsed = EventParser.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        return parsed.IsValid ? parsed.Event : throw new InvalidDataException("A checkpointed event does not parse: " + parsed.Error);
    }
}
