using System.Globalization;
using System.Text.Json;

namespace Wallboard.Engine.Events;

/// <summary>Numbers, booleans, enums, lists and nested objects of an event's fields.</summary>
internal sealed partial class JsonFieldReader
{
    public double RequiredNumber(string field)
    {
        if (!TryGetRequiredValue(field, out var value))
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            FailKind(field, "a number", value);
            return 0;
        }

        return TryGetFiniteNumber(field, value, out var number) ? number : 0;
    }

    public double RequiredNonNegativeNumber(string field)
    {
        var number = RequiredNumber(field);
        if (!HasFailed && number < 0)
        {
            Fail($"field '{Path(field)}' must be at least 0, got {RawNumber(field)}");
        }

        return number;
    }

    // scale is appended to the message to say which scale applied, e.g. " for csat".
    public double RequiredNumberBetween(string field, double min, double max, string scale = "")
    {
        var number = RequiredNumber(field);
        if (!HasFailed && (number < min || number > max))
        {
            Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"field '{Path(field)}' must be between {min} and {max}{scale}, got {RawNumber(field)}"));
        }

        return number;
    }

    public bool RequiredBoolean(string field) => TryGetRequiredValue(field, out _) && (OptionalBoolean(field) ?? false);

    public bool? OptionalBoolean(string field)
    {
        if (!TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            FailKind(field, "a boolean", value);
            return null;
        }

        return value.GetBoolean();
    }

    // values are the wire names in the order the message lists them; matched case-sensitively.
    public TEnum RequiredEnum<TEnum>(string field, IReadOnlyList<(string Name, TEnum Value)> values)
        where TEnum : struct, Enum
    {
        var text = RequiredString(field);
        if (HasFailed)
        {
            return default;
        }

        foreach (var (name, value) in values)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var allowed = string.Join(", ", values.Select(pair => pair.Name));
        Fail($"field '{Path(field)}' must be one of {allowed}, got '{Echo(text)}'");
        return default;
    }

    public IReadOnlyList<string>? OptionalNameList(string field)
    {
        if (!TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            FailKind(field, "an array", value);
            return null;
        }

        var count = value.GetArrayLength();
        if (count > MaxListEntries)
        {
            Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"field '{Path(field)}' must have at most {MaxListEntries} entries, got {count}"));
            return null;
        }

        var names = new List<string>(count);
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{Path(field)}[{names.Count}]");
            if (item.ValueKind != JsonValueKind.String)
            {
                Fail($"field '{itemPath}' must be a string, got {Describe(item.ValueKind)}");
                return null;
            }

            if (!TryGetText(item, out var text))
            {
                Fail($"field '{itemPath}' must be valid Unicode text");
                return null;
            }

            names.Add(CheckName(itemPath, text, NameMaxLength));
        }

        return HasFailed ? null : names.AsReadOnly();
    }

    /// <summary>A reader for a nested object whose failures name the field as <c>parent.child</c> and count as this reader's.</summary>
    public JsonFieldReader? OptionalObject(string field)
    {
        if (!TryGetValue(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            FailKind(field, "an object", value);
            return null;
        }

        return new JsonFieldReader(value, Path(field) + ".", this);
    }
}
