using System.ComponentModel.DataAnnotations;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Time;

namespace Wallboard.Engine;

/// <summary>The engine's settings (configuration section <c>Engine</c>).</summary>
public sealed class EngineOptions : IValidatableObject
{
    public const string SectionName = "Engine";

    /// <summary><c>wall</c>: the scheduler's time; <c>event</c>: the largest event time ingested (replay, back-fill, tests).</summary>
    public ClockMode Clock { get; set; } = ClockMode.Wall;

    /// <summary>How far behind the clock an event may be and still count in the windows.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wall-clock mode rejects an event this far ahead of the clock (a producer's clock is wrong).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sliding windows, as whole minutes from 1 to 1440 (<c>5m</c>, <c>90m</c>…); <c>now</c> and <c>today</c> always exist.</summary>
    [MinLength(1)]
    public IList<string> Windows { get; set; } = ["5m", "15m", "30m", "60m"];

    /// <summary>IANA time zone of the site, for <c>today</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long an event id is remembered to recognise a duplicate.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DuplicateHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A contact with no terminal event is forgotten after this long without news (a lost abandon must not wait forever).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan OpenContactTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often snapshots are taken.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Bound on events held because their time is ahead of the wall clock (within the skew).</summary>
    [Range(1, 10_000_000)]
    public int MaxFutureEvents { get; set; } = 100_000;

    /// <summary>Ticket targets and ages.</summary>
    [Required]
    public TicketSettings Tickets { get; set; } = new();

    /// <summary>Below this many answers a customer-voice value (CSAT, NPS, CES, sentiment) is flagged as not significant.</summary>
    [Range(1, 100_000)]
    public int MinimumSample { get; set; } = 10;

    /// <summary>How long a contact's or ticket's queue, channel and agent are remembered for surveys that name it.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan InteractionMemory { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Site-wide queue settings.</summary>
    [Required]
    public QueueSettings Defaults { get; set; } = new();

    /// <summary>Per-queue departures from <see cref="Defaults"/>, by queue name.</summary>
    public IDictionary<string, QueueSettingsOverride> Queues { get; set; } = new Dictionary<string, QueueSettingsOverride>(StringComparer.Ordinal);

    /// <summary>The sliding windows, parsed, distinct and sorted by length.</summary>
    public IReadOnlyList<WindowId> SlidingWindows() =>
        [.. Windows.Select(ParseWindow).Distinct().OrderBy(window => window.Minutes)];

    public QueueSettings SettingsFor(string queue) =>
        Queues.TryGetValue(queue, out var overrides) ? Defaults.With(overrides) : Defaults;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var window in Windows)
        {
            if (!WindowId.TryParse(window, out var parsed) || parsed.Value.Kind != WindowKind.Sliding)
            {
                yield return new ValidationResult(
                    $"Window '{window}' is not a whole number of minutes from 1 to 1440 such as '15m'.", [nameof(Windows)]);
            }
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Time zone '{TimeZone}' is not a known IANA zone.", [nameof(TimeZone)]);
        }

        foreach (var result in ValidateNested(Tickets, nameof(Tickets)))
        {
            yield return result;
        }

        foreach (var (channel, target) in Tickets.FirstReplyTargets)
        {
            if (target <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Tickets: the first-reply target of '{channel}' must be positive.", [nameof(Tickets)]);
            }
        }

        foreach (var result in ValidateNested(Defaults, nameof(Defaults)))
        {
            yield return result;
        }

        foreach (var (queue, overrides) in Queues)
        {
            foreach (var result in ValidateNested(overrides, $"{nameof(Queues)}:{queue}"))
            {
                yield return result;
            }
        }
    }

    private static WindowId ParseWindow(string text) =>
        WindowId.TryParse(text, out var window) && window.Value.Kind == WindowKind.Sliding
            ? window.Value
            : throw new InvalidOperationException($"Window '{text}' is not a whole number of minutes from 1 to 1440.");

    private static List<ValidationResult> ValidateNested(object settings, string path)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return [.. results.Select(result => new ValidationResult($"{path}: {result.ErrorMessage}", [path]))];
    }
}
