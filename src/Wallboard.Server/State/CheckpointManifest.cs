using System.Globalization;
using System.Text;

namespace Wallboard.Server.State;

/// <summary>
/// The checkpoint key of a checkpoint stored in parts: <c>WBCP2\n&lt;log position&gt;\n&lt;generation&gt;\n&lt;parts&gt;\n&lt;bytes&gt;\n</c>.
/// The parts, concatenated, are the <c>WBCP1</c> checkpoint itself.
/// </summary>
internal sealed record CheckpointManifest(string Position, string Generation, int Parts, long Bytes)
{
    public static ReadOnlySpan<byte> Magic => "WBCP2\n"u8;

    /// <summary>The manifest in <paramref name="value"/>, or null when it holds something else (a whole checkpoint, or nothing).</summary>
    public static CheckpointManifest? TryParse(ReadOnlySpan<byte> value)
    {
        if (!value.StartsWith(Magic))
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(value[Magic.Length..]).Split('\n');
        return lines.Length >= 4
            && int.TryParse(lines[2], NumberStyles.None, CultureInfo.InvariantCulture, out var parts)
            && long.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? new CheckpointManifest(lines[0], lines[1], parts, bytes)
            : null;
    }

    public byte[] ToBytes() =>
        [.. Magic, .. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Position}\n{Generation}\n{Parts}\n{Bytes}\n"))];
}
