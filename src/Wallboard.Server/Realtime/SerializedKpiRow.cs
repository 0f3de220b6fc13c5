using System.Text.Json.Serialization;

namespace Wallboard.Server.Realtime;

/// <summary>
/// A changed row, serialized once per push tick with the hub's JSON options and copied as it is into every
/// group's message that shows it. Boards subscribe to many different sets of rows (a queue and a team
/// each: hundreds of groups of one or two boards), so serializing once per group alone would still
/// serialize the same row hundreds of times a tick.
/// </summary>
[JsonConverter(typeof(SerializedKpiRowConverter))]
internal sealed class SerializedKpiRow(byte[] json)
{
    public ReadOnlySpan<byte> Json => json;
}
