using System.Buffers;
using System.Text.Json;
using Wallboard.Engine.Events;

namespace Wallboard.Server.Ingestion;

/// <summary>
/// Reads a request body as one event, a JSON array of events, or NDJSON (one event per line), keeping
/// each bad event's index and reason so the good ones still count.
/// </summary>
internal static class EventBatchReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses the body; a result of null with an error means the body as a whole is refused.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="ndjson">Whether the body is NDJSON.</param>
    /// <param name="maxEvents">The most events a body may hold.</param>
    /// <param name="names">Shares the strings of recurring names between events.</param>
    public static (ParsedBatch? Batch, BatchError? Error) Read(ReadOnlySequence<byte> body, bool ndjson, int maxEvents, NameTable names) =>
        ndjson ? ReadLines(body, maxEvents, names) : ReadDocument(body, maxEvents, names);

    private static (ParsedBatch?, BatchError?) ReadDocument(ReadOnlySequence<byte> body, int maxEvents, NameTable names)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException error)
        {
            // The parser's words for an empty body ("... when isFinalBlock is true") mean nothing to a producer.
            return (null, BatchError.NotJson(IsBlank(body) ? "the body is empty" : error.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            var batch = new ParsedBatch(body.Length);
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    Add(batch, 0, root, names);
                    return (batch, null);
                case JsonValueKind.Array:
                    var count = root.GetArrayLength();
                    if (count > maxEvents)
                    {
                        return (null, BatchError.TooManyEvents(count, maxEvents));
                    }

                    var index = 0;
                    foreach (var element in root.EnumerateArray())
                    {
                        Add(batch, index++, element, names);
                    }

                    return (batch, null);
                default:
                    return (null, BatchError.NotEvents($"the body must be an event object or an array of events, got {root.ValueKind.ToString().ToLowerInvariant()}"));
            }
        }
    }

    private static (ParsedBatch?, BatchError?) ReadLines(ReadOnlySequence<byte> body, int maxEvents, NameTable names)
    {
        var batch = new ParsedBatch(body.Length);
        var reader = new SequenceReader<byte>(body);
        var index = 0;
        var anyJson = false;
        while (!reader.End)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                line = reader.UnreadSequence;
                reader.Advance(line.Length);
            }

            if (IsBlank(line))
            {
                continue;
            }

            if (index >= maxEvents)
            {
                return (null, BatchError.TooManyEvents(index + 1, maxEvents));
            }

            anyJson |= ReadLine(batch, index++, line, names);
        }

        return anyJson || index == 0 ? (batch, null) : (null, BatchError.NotJson("no line of the NDJSON body is JSON"));
    }

    private static bool ReadLine(ParsedBatch batch, int index, ReadOnlySequence<byte> line, NameTable names)
    {
        try
        {
            using var document = JsonDocument.Parse(line, DocumentOptions);
            Add(batch, index, document.RootElement, names);
            return true;
        }
        catch (JsonException error)
        {
            batch.Total++;
            batch.Rejected.Add(new RejectedEvent(index, null, "not valid JSON: " + error.Message));
            return false;
        }
    }

    private static void Add(ParsedBatch batch, int index, JsonElement element, NameTable names)
    {
        batch.Total++;
        var result = EventParser.Parse(element, names);
        if (result.IsValid)
        {
            batch.AddValid(index, result.Event, element);
        }
        else
        {
            batch.Rejected.Add(new RejectedEvent(index, result.Id, result.Error));
        }
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
