using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wallboard.LoadTest;

/// <summary>
/// Reads a push without building it: 500 boards on the same two cores as the server parse about 10,000
/// pushes a second at 20/s, and binding every row's ~40 values into dictionaries took more than a core,
/// time the server under test did not get. Only <c>rows[].scope</c>, <c>rows[].window</c> and
/// <c>rows[].values.offered</c> are read; the rest is skipped.
/// </summary>
internal sealed class KpiUpdateMessageConverter : JsonConverter<KpiUpdateMessage>
{
    public override KpiUpdateMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var rows = new List<KpiRowMessage>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRows = reader.ValueTextEquals("rows"u8);
            reader.Read();
            if (!isRows || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                rows.Add(ReadRow(ref reader));
            }
        }

        return new KpiUpdateMessage(rows);
    }

    public override void Write(Utf8JsonWriter writer, KpiUpdateMessage value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The load tool only reads pushes.");

    private static KpiRowMessage ReadRow(ref Utf8JsonReader reader)
    {
        string scope = string.Empty, window = string.Empty;
        double? offered = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("scope"u8))
            {
                reader.Read();
                scope = reader.GetString() ?? string.Empty;
            }
            else if (reader.ValueTextEquals("window"u8))
            {
                reader.Read();
                window = reader.GetString() ?? string.Empty;
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                reader.Read();
                offered = ReadOffered(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new KpiRowMessage(scope, window, offered);
    }

    private static double? ReadOffered(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        double? offered = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOffered = reader.ValueTextEquals("offered"u8);
            reader.Read();
            if (isOffered && reader.TokenType == JsonTokenType.Number)
            {
                offered = reader.GetDouble();
            }
            else
            {
                reader.Skip();
            }
        }

        return offered;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException($"Expected {token}, got {reader.TokenType}.");
        }
    }
}
