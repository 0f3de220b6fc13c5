using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Wallboard.Engine.Events;

namespace Wallboard.Server.Ingestion;

/// <summary>A request body split into valid events (with their indexes and JSON) and rejections.</summary>
/// <param name="bodyLength">
/// The body's length: the valid events' JSON never exceeds it by more than the two brackets, so the log
/// entry is built in one buffer of that size, as UTF-8, without a string per event. The buffer is rented
/// (a batch of 500 events is a large-object allocation, which would bring on full collections).
/// </param>
internal sealed class ParsedBatch(long bodyLength)
{
    private byte[] _json = ArrayPool<byte>.Shared.Rent((int)bodyLength + 2);
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

    /// <summary>
    /// Gives the JSON buffer back to the pool. Only once the log has taken the events: after a failure the
    /// Redis client may still hold the write, and a buffer never given back is merely collected.
    /// </summary>
    public void ReleaseJson()
    {
        ArrayPool<byte>.Shared.Return(_json);
        _json = [];
    }
}
