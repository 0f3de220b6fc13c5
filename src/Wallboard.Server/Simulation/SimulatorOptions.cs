using System.ComponentModel.DataAnnotations;

namespace Wallboard.Server.Simulation;

/// <summary>
/// The built-in traffic simulator (section <c>Simulator</c>): a contact centre that feeds the board when no
/// real source is connected. Left out, <see cref="Queues"/> and <see cref="Teams"/> give the demo centre below,
/// sized so that the board is lively: service level around 70–90% with occasional breaches, abandon rate
/// around 3–12%, occupancy 70–95%.
/// </summary>
/// <remarks>
/// The lists are <see langword="null"/> by default rather than pre-filled because the configuration binder
/// appends configured entries to a pre-filled list instead of replacing it.
/// </remarks>
internal sealed class SimulatorOptions : IValidatableObject
{
    public const string SectionName = "Simulator";

    /// <summary>The channels a simulated queue may use (the contract's conventional names).</summary>
    public static IReadOnlyList<string> KnownChannels { get; } = ["voice", "chat", "sms", "video", "callback", "email", "social"];

    public bool Enabled { get; set; }

    /// <summary>The same seed and start give the same traffic; none picks one at random.</summary>
    public int? Seed { get; set; }

    /// <summary>Simulated seconds per real second. Anything but 1 needs <c>Engine:Clock=Event</c>, or the events run ahead of (or behind) the wall clock.</summary>
    [Range(0.1, 100)]
    public double Speed { get; set; } = 1;

    /// <summary>The queues; <see langword="null"/> for the demo centre's (<see cref="DemoQueues"/>).</summary>
    public IList<QueueProfile>? Queues { get; set; }

    /// <summary>Head count; the daily curve decides how many are on shift.</summary>
    [Range(1, 5_000)]
    public int Agents { get; set; } = 40;

    /// <summary>Team names, agents are dealt round-robin; <see langword="null"/> for the demo centre's (<see cref="DemoTeams"/>).</summary>
    public IList<string>? Teams { get; set; }

    /// <summary>Tickets per hour at the busiest time of day: email and web forms in queue <c>email-care</c>, social in <c>social-care</c>.</summary>
    [Range(0, 100_000)]
    public double TicketsPerHour { get; set; } = 24;

    /// <summary>Share of completed contacts whose customer answers a survey.</summary>
    [Range(0.0, 1.0)]
    public double SurveyShare { get; set; } = 0.25;

    /// <summary>Self-service (bot, FAQ) sessions per hour at the busiest time of day.</summary>
    [Range(0, 100_000)]
    public double SelfServiceSessionsPerHour { get; set; } = 60;

    public static IReadOnlyList<string> DemoTeams { get; } = ["alpha", "bravo", "charlie", "delta"];

    /// <summary>The demo centre's queues (new instances each time: options objects are mutable).</summary>
    public static IReadOnlyList<QueueProfile> DemoQueues() =>
    [
        Profile("sales", "voice", 80, patience: 80, talk: 240, hold: 20, wrap: 40, transfer: 0.05),
        Profile("support", "voice", 95, patience: 110, talk: 300, hold: 40, wrap: 45, transfer: 0.10),
        Profile("billing", "voice", 55, patience: 90, talk: 240, hold: 30, wrap: 40, transfer: 0.08),
        Profile("vip", "voice", 15, patience: 90, talk: 300, hold: 15, wrap: 45, transfer: 0.03),
        Profile("web-chat", "chat", 45, patience: 150, talk: 330, hold: 0, wrap: 30, transfer: 0.04),
        Profile("sms-care", "sms", 28, patience: 200, talk: 200, hold: 0, wrap: 20, transfer: 0.02),
    ];

    public IReadOnlyList<QueueProfile> EffectiveQueues => Queues is null ? DemoQueues() : [.. Queues];

    public IReadOnlyList<string> EffectiveTeams => Teams is null ? DemoTeams : [.. Teams];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Queues is { Count: 0 })
        {
            yield return new ValidationResult("Simulator:Queues is empty; leave it out for the demo queues.", [nameof(Queues)]);
        }

        var queueNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (queue, index) in (Queues ?? []).Select((queue, index) => (queue, index)))
        {
            var path = $"{nameof(Queues)}:{index}";
            if (queue is null)
            {
                yield return new ValidationResult($"{path} is empty.", [path]);
                continue;
            }

            foreach (var result in ValidateQueue(queue, path, queueNames))
            {
                yield return result;
            }
        }

        if (Teams is { Count: 0 })
        {
            yield return new ValidationResult("Simulator:Teams is empty; leave it out for the demo teams.", [nameof(Teams)]);
        }

        if (Teams is not null && Teams.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Simulator:Teams has an empty name.", [nameof(Teams)]);
        }
    }

    private static IEnumerable<ValidationResult> ValidateQueue(QueueProfile queue, string path, HashSet<string> names)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(queue, new ValidationContext(queue), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult($"{path}: {result.ErrorMessage}", [path]);
        }

        if (!string.IsNullOrEmpty(queue.Name) && !names.Add(queue.Name))
        {
            yield return new ValidationResult($"{path}: queue '{queue.Name}' is listed twice.", [path]);
        }

        if (!string.IsNullOrEmpty(queue.Channel) && !KnownChannels.Contains(queue.Channel, StringComparer.Ordinal))
        {
            yield return new ValidationResult(
                $"{path}: channel '{queue.Channel}' is not one of {string.Join(", ", KnownChannels)}.", [path]);
        }
    }

    private static QueueProfile Profile(
        string name, string channel, double perHour, int patience, int talk, int hold, int wrap, double transfer) => new()
        {
            Name = name,
            Channel = channel,
            PeakArrivalsPerHour = perHour,
            MeanPatience = TimeSpan.FromSeconds(patience),
            MeanTalk = TimeSpan.FromSeconds(talk),
            MeanHold = TimeSpan.FromSeconds(hold),
            MeanWrap = TimeSpan.FromSeconds(wrap),
            TransferShare = transfer,
        };
}
