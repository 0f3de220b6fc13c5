using System.Globalization;
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
    private string? _error;

    public JsonFieldReader(JsonElement element)
        : this(element, string.Empty, null)
    {
    }

    private JsonFieldReader(JsonElement element, string pathPrefix, JsonFieldReader? parent)
    {
        _element = element;
        _pathPrefix = pathPrefix;
        _parent = parent;
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
    public static int CountCharacters(string value) => value.EnumerateRunes().Count();

    public void Fail(string error)
    {
        if (_parent is not null)
        {
            _parent.Fail(error);
            return;
        }

        _error ??= error;
    }

    /// <summary>The field as a string if it is one, without validating or failing: for reporting what could be read.</summary>
    public string? PeekString(string field) =>
        _element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            && TryGetText(value, out var text)
            ? text
            : null;

    public string RequiredString(string field) => Required(field, OptionalString);

    public string? OptionalString(string field)
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

        if (!TryGetText(value, out var text))
        {
            Fail($"field '{Path(field)}' must be valid Unicode text");
            return null;
        }

        return text;
    }

    public string RequiredName(string field, int maxLength = NameMaxLength) =>
        Required(field, name => OptionalName(name, maxLength));

    public string? OptionalName(string field, int maxLength = NameMaxLength)
    {
        var text = OptionalString(field);
        return text is null ? null : CheckName(Path(field), text, maxLength);
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

    private static bool TryGetText(JsonElement value, out string text)
    {
        // GetString throws on invalid UTF-8 bytes or an unpaired surrogate escape; JsonDocument does not check those.
        try
        {
            text = value.GetString() ?? string.Empty;
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

    private T Required<T>(string field, Func<string, T?> readOptional)
    {
        if (!TryGetRequiredValue(field, out _))
        {
            return default!;
        }

        return readOptional(field)!;
    }

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

    private string CheckName(string path, string text, int maxLength)
    {
        var length = CountCharacters(text);
        if (length < 1 || length > maxLength)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"field '{path}' must be 1 to {maxLength} characters"));
        }

        return text;
    }

    private void FailKind(string field, string expected, JsonElement value) =>
        Fail($"field '{Path(field)}' must be {expected}, got {Describe(value.ValueKind)}");

    private string RawNumber(string field) => Echo(_element.GetProperty(field).GetRawText());

    private string Path(string field) => _pathPrefix + field;
}
