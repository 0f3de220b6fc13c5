using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Wallboard.Engine.Events;

/// <summary>Reads and validates the fields of one JSON object.</summary>
/// <remarks>
/// The first failure is kept and every later read is skipped, so a reader can be used declaratively
/// (arguments of a record constructor, evaluated left to right) and still report exactly one reason:
/// the first field in reading order that is wrong. After a failure the values returned are placeholders.
/// </remarks>
internal sealed partial class JsonFieldReader
{
    public const int NameMaxLength = 128;
    public const int TextMaxLength = 256;
    public const int MaxListEntries = 256;

    // Echoed values are cut so that a hostile payload cannot blow up the ingest response.
    private const int MaxEchoLength = 64;

    private readonly JsonElement _element;
    private readonly string _pathPrefix;
    private readonly JsonFieldReader? _parent;
    private readonly NameTable? _names;
    private string? _error;

    /// <param name="element">The event object.</param>
    /// <param name="names">Shares the strings of recurring names (queues, agents…) between events; null for a string each.</param>
    public JsonFieldReader(JsonElement element, NameTable? names = null)
        : this(element, string.Empty, null, names)
    {
    }

    private JsonFieldReader(JsonElement element, string pathPrefix, JsonFieldReader? parent, NameTable? names)
    {
        _element = element;
        _pathPrefix = pathPrefix;
        _parent = parent;
        _names = names;
    }

    public string? Error => _parent is null ? _error : _parent.Error;

    public bool HasFailed => Error is not null;

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Echo(string value) =>
        value.Length <= MaxEchoLength ? value : string.Concat(value.AsSpan(0, MaxEchoLength), "…");

    /// <summary>Counts Unicode code points, so a limit of 128 characters means 128 characters to a human, whatever the script.</summary>
    public static int CountCharacters(string value)
    {
        // A loop over the struct enumerator: LINQ's Count() would box it, for every name of every event.
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    public void Fail(string error)
    {
        if (_parent is not null)
        {
            _parent.Fail(error);
            return;
        }

        _error ??= error;
    }

    /// <summary>
    /// Copies a short string field of plain ASCII (no escapes) into <paramref name="buffer"/> without making a
    /// string of it, for values that are parsed at once (timestamps); false for anything else, which the
    /// caller then reads as a string. Never fails the reader.
    /// </summary>
    public bool TryCopyAscii(string field, Span<char> buffer, out int length)
    {
        length = 0;
        if (HasFailed || !_element.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        return raw.Length <= buffer.Length
            && !raw.Contains((byte)'\\')
            && System.Text.Ascii.ToUtf16(raw, buffer, out length) == System.Buffers.OperationStatus.Done;
    }

    /// <summary>The field as a string if it is one, without validating or failing: for reporting what could be read.</summary>
    public string? PeekString(string field) =>
        _element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            && TryGetText(value, null, out var text)
            ? text
            : null;

    public string RequiredString(string field) => TryGetRequiredValue(field, out _) ? OptionalString(field)! : default!;

    public string? OptionalString(string field) => ReadString(field, recurring: false);

    public string RequiredName(string field, int maxLength = NameMaxLength) =>
        TryGetRequiredValue(field, out _) ? OptionalName(field, maxLength)! : default!;

    public string? OptionalName(string field, int maxLength = NameMaxLength) => ReadName(field, maxLength, recurring: false);

    /// <summary>A name that recurs from event to event (a queue, channel, agent or team), shared through the name table.</summary>
    public string RequiredRecurringName(string field) =>
        TryGetRequiredValue(field, out _) ? OptionalRecurringName(field)! : default!;

    /// <summary>A name that recurs from event to event (a queue, channel, agent or team), shared through the name table.</summary>
    public string? OptionalRecurringName(string field) => ReadName(field, NameMaxLength, recurring: true);

    private string? ReadName(string field, int maxLength, bool recurring)
    {
        var text = ReadString(field, recurring);
        return text is null ? null : CheckName(field, null, text, maxLength);
    }

    private string? ReadString(string field, bool recurring)
    {
        if (!TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            FailKind(field, "a string", value);
            return null;
        }

        if (!TryGetText(value, recurring ? _names : null, out var text))
        {
            Fail($"field '{Path(field)}' must be valid Unicode text");
            return null;
        }

        return text;
    }

    public string? OptionalText(string field, int maxLength = TextMaxLength)
    {
        var text = OptionalString(field);
        if (text is not null && CountCharacters(text) > maxLength)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"field '{Path(field)}' must be at most {maxLength} characters"));
        }

        return text;
    }

    /// <summary>A label producers send either as text or as a number (<c>"high"</c>, <c>2</c>); numbers are kept in invariant form.</summary>
    public string? OptionalLabel(string field, int maxLength = TextMaxLength)
    {
        if (!TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return TryGetFiniteNumber(field, value, out var number) ? FormatNumber(value, number) : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            FailKind(field, "a string or a number", value);
            return null;
        }

        return OptionalText(field, maxLength);
    }

    private static bool TryGetText(JsonElement value, NameTable? names, out string text)
    {
        // GetString throws on invalid UTF-8 bytes or an unpaired surrogate escape; JsonDocument does not check those.
        try
        {
            text = names is null ? value.GetString() ?? string.Empty : names.Get(value);
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static string FormatNumber(JsonElement value, double number) =>
        value.TryGetInt64(out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : number.ToString(CultureInfo.InvariantCulture);

    private bool TryGetRequiredValue(string field, out JsonElement value)
    {
        if (TryGetValue(field, out value))
        {
            return true;
        }

        Fail($"missing required field '{Path(field)}'");
        return false;
    }

    private bool TryGetValue(string field, out JsonElement value)
    {
        if (HasFailed || !_element.TryGetProperty(field, out value) || value.ValueKind == JsonValueKind.Null)
        {
            value = default;
            return false;
        }

        return true;
    }

    private bool TryGetFiniteNumber(string field, JsonElement value, out double number)
    {
        // JSON has no NaN or Infinity literals, but a huge literal such as 1e400 reads as Infinity.
        if (value.TryGetDouble(out number) && double.IsFinite(number))
        {
            return true;
        }

        Fail($"field '{Path(field)}' must be a finite number, got {Echo(value.GetRawText())}");
        return false;
    }

    // The field's path is built only for a failure (index: the entry of a list field).
    private string CheckName(string field, int? index, string text, int maxLength)
    {
        var length = CountCharacters(text);
        if (length < 1 || length > maxLength)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"field '{ItemPath(field, index)}' must be 1 to {maxLength} characters"));
        }

        return text;
    }

    private string ItemPath(string field, int? index) =>
        index is { } at ? string.Create(CultureInfo.InvariantCulture, $"{Path(field)}[{at}]") : Path(field);

    private void FailKind(string field, string expected, JsonElement value) =>
        Fail($"field '{Path(field)}' must be {expected}, got {Describe(value.ValueKind)}");

    private string RawNumber(string field) => Echo(_element.GetProperty(field).GetRawText());

    private string Path(string field) => _pathPrefix + field;
}
