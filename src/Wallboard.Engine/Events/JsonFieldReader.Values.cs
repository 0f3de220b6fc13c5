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
        if (!TryGetRequiredValue(field, out var element))
        {
            return default;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            // Compared in place, without a string for a value that is one of a few names.
            for (var i = 0; i < values.Count; i++)
            {
                if (element.ValueEquals(values[i].Name))
                {
                    return values[i].Value;
                }
            }
        }

        var text = RequiredString(field);
        if (HasFailed)
        {
            return default;
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
            if (item.ValueKind != JsonValueKind.String)
            {
                Fail($"field '{ItemPath(field, names.Count)}' must be a string, got {Describe(item.ValueKind)}");
                return null;
            }

            if (!TryGetText(item, _names, out var text))
            {
                Fail($"field '{ItemPath(field, names.Count)}' must be valid Unicode text");
                return null;
            }

            names.Add(CheckName(field, names.Count, text, NameMaxLength));
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

        return new JsonFieldReader(value, Path(field) + ".", this, _names);
    }
}
