using System.Runtime.InteropServices;
using System.Text.Json;
using Wallboard.Engine.Events;

namespace Wallboard.Server.Ingestion;

/// <summary>A request body split into valid events (with their indexes and JSON) and rejections.</summary>
/// <param name="bodyLength">
/// The body's length: the valid events' JSON never exceeds it by more than the two brackets, so the log
/// entry is built in one buffer of that size, as UTF-8, without a string per event.
/// </param>
internal sealed class ParsedBatch(long bodyLength)
{
    private readonly byte[] _json = new byte[bodyLength + 2];
    private int _jsonLength = 1;

    public List<WallboardEvent> Events { get; } = [];

    public List<int> Indexes { get; } = [];

    public List<RejectedEvent> Rejected { get; } = [];

    public int Total { get; set; }

    /// <summary>Adds a valid event with its JSON exactly as the producer wrote it.</summary>
    public void AddValid(int index, WallboardEvent evt, JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (Events.Count > 0)
        {
            _json[_jsonLength++] = (byte)',';
        }

        raw.CopyTo(_json.AsSpan(_jsonLength));
        _jsonLength += raw.Length;
        Events.Add(evt);
        Indexes.Add(index);
    }

    /// <summary>The valid events as one JSON array (UTF-8), the form they take in the event log.</summary>
    public ReadOnlyMemory<byte> EventsJson()
    {
        _json[0] = (byte)'[';
        _json[_jsonLength] = (byte)']';
        return _json.AsMemory(0, _jsonLength + 1);
    }
}
