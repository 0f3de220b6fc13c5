namespace Wallboard.Engine.Events;

/// <summary>Strict RFC 3339 date-time parsing that keeps the producer's offset.</summary>
/// <remarks>
/// <see cref="DateTimeOffset.TryParse(string?, out DateTimeOffset)"/> accepts far more than the contract allows
/// (no offset, local-time guesses, culture formats), so the grammar is checked by hand:
/// <c>yyyy-MM-dd(T|t| )HH:mm:ss[.f{1,7}](Z|z|±hh:mm)</c>.
/// </remarks>
internal static class Rfc3339Timestamp
{
    private const int DateTimeLength = 19;
    private const int MaxFractionDigits = 7;

    // DateTimeOffset cannot carry an offset beyond ±14:00.
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length <= DateTimeLength
            || !TryReadDigits(text, 0, 4, out var year) || text[4] != '-'
            || !TryReadDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryReadDigits(text, 8, 2, out var day) || text[10] is not ('T' or 't' or ' ')
            || !TryReadDigits(text, 11, 2, out var hour) || text[13] != ':'
            || !TryReadDigits(text, 14, 2, out var minute) || text[16] != ':'
            || !TryReadDigits(text, 17, 2, out var second))
        {
            return false;
        }

        var rest = text[DateTimeLength..];
        if (!TryReadFraction(ref rest, out var fractionTicks) || !TryReadOffset(rest, out var offset))
        {
            return false;
        }

        // RFC 3339 allows second 60 (leap second); DateTimeOffset cannot represent it, so it is rejected too.
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var localTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var utcTicks = localTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(localTicks, offset);
        return true;
    }

    private static bool TryReadFraction(ref ReadOnlySpan<char> rest, out long ticks)
    {
        ticks = 0;
        if (rest.IsEmpty || rest[0] != '.')
        {
            return true;
        }

        var digits = 0;
        while (digits + 1 < rest.Length && char.IsAsciiDigit(rest[digits + 1]))
        {
            digits++;
        }

        if (digits is < 1 or > MaxFractionDigits)
        {
            return false;
        }

        for (var i = 0; i < MaxFractionDigits; i++)
        {
            ticks = (ticks * 10) + (i < digits ? rest[i + 1] - '0' : 0);
        }

        rest = rest[(digits + 1)..];
        return true;
    }

    private static bool TryReadOffset(ReadOnlySpan<char> rest, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (rest is ['Z'] or ['z'])
        {
            return true;
        }

        if (rest.Length != 6 || rest[0] is not ('+' or '-') || rest[3] != ':'
            || !TryReadDigits(rest, 1, 2, out var hours) || !TryReadDigits(rest, 4, 2, out var minutes)
            || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (offset > MaxOffset)
        {
            return false;
        }

        if (rest[0] == '-')
        {
            offset = offset.Negate();
        }

        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
