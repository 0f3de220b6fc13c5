using System.Buffers;
using System.Text.Json;
using Wallboard.Engine.Events;

namespace Wallboard.LoadTest;

/// <summary>Request bodies: events as one JSON array, written by the engine's own <see cref="EventWriter"/>.</summary>
internal static class EventBatches
{
    public static byte[] ToJsonArray(IEnumerable<WallboardEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var evt in events)
            {
                EventWriter.Write(writer, evt);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A run id for event ids, so that runs against the same Redis never collide as duplicates.</summary>
    public static string NewRunId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4));
}
