using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wallboard.Server.Realtime;

/// <summary>Writes a <see cref="SerializedKpiRow"/> as the JSON it already is.</summary>
internal sealed class SerializedKpiRowConverter : JsonConverter<SerializedKpiRow>
{
    public override SerializedKpiRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Rows are only written.");

    // The bytes came from the serializer itself, so checking them again would only cost time.
    public override void Write(Utf8JsonWriter writer, SerializedKpiRow value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
