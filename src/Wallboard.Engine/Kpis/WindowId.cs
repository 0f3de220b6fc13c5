using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Wallboard.Engine.Kpis;

/// <summary>A window as the API names it: <c>now</c>, <c>today</c> or <c>&lt;minutes&gt;m</c> (1 to 1440).</summary>
public readonly record struct WindowId
{
    public const int MaxMinutes = 1440;

    private WindowId(WindowKind kind, int minutes)
    {
        Kind = kind;
        Minutes = minutes;
    }

    public WindowKind Kind { get; }

    /// <summary>Length of a sliding window in minutes; 0 for <c>now</c> and <c>today</c>.</summary>
    public int Minutes { get; }

    public long Seconds => Minutes * 60L;

    public static WindowId Now { get; } = new(WindowKind.Now, 0);

    public static WindowId Today { get; } = new(WindowKind.Today, 0);

    public static WindowId Sliding(int minutes) => minutes is >= 1 and <= MaxMinutes
        ? new WindowId(WindowKind.Sliding, minutes)
        : throw new ArgumentOutOfRangeException(nameof(minutes), minutes, $"A sliding window is 1 to {MaxMinutes} whole minutes.");

    public override string ToString() => Kind switch
    {
        WindowKind.Now => "now",
        WindowKind.Today => "today",
        _ => Minutes.ToString(CultureInfo.InvariantCulture) + "m",
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out WindowId? window)
    {
        window = text switch
        {
            "now" => Now,
            "today" => Today,
            [.. var digits, 'm'] when digits.Length is >= 1 and <= 4 && digits[0] != '0'
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                && minutes <= MaxMinutes => Sliding(minutes),
            _ => null,
        };
        return window is not null;
    }
}
