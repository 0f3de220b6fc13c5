using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Wallboard.Engine.Events;

/// <summary>
/// Recently read names that recur from event to event (queues, channels, agents, teams), so that the
/// events of a batch, and the engine state that keeps them, share one string per name instead of one
/// per event.
/// </summary>
/// <remarks>
/// A fixed array of slots indexed by a hash of the name's JSON bytes: a name either is in its slot, or
/// is read as usual and takes the slot over. So the table never grows, and a name is only returned after
/// <see cref="JsonElement.ValueEquals(string)"/> confirmed it. Parsers on several threads may share it:
/// slots are written whole (a reference), and a slot lost to a race costs one string.
/// </remarks>
public sealed class NameTable
{
    // Longer values are rarely names that recur; they are read as usual.
    private const int MaxJsonBytes = 66;

    private readonly string?[] _slots;
    private readonly int _mask;

    /// <param name="capacity">Slots, rounded up to a power of two: a few times the floor's queues, teams and agents.</param>
    public NameTable(int capacity = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _slots = new string?[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity)];
        _mask = _slots.Length - 1;
    }

    /// <summary>The string value of <paramref name="value"/> (a JSON string of valid text), shared when it was read before.</summary>
    internal string Get(JsonElement value)
    {
        var json = JsonMarshal.GetRawUtf8Value(value);
        if (json.Length > MaxJsonBytes)
        {
            return value.GetString()!;
        }

        var slot = (int)XxHash3.HashToUInt64(json) & _mask;
        if (_slots[slot] is { } known && value.ValueEquals(known))
        {
            return known;
        }

        var text = value.GetString()!;
        _slots[slot] = text;
        return text;
    }
}
