using System.ComponentModel.DataAnnotations;

namespace Wallboard.Server.Simulation;

/// <summary>How one simulated queue behaves (an entry of <c>Simulator:Queues</c>).</summary>
internal sealed class QueueProfile
{
    [Required]
    [StringLength(128, MinimumLength = 1)]
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="SimulatorOptions.KnownChannels"/>.</summary>
    [Required]
    public string Channel { get; set; } = "voice";

    /// <summary>Contacts per hour at the busiest time of day; the daily curve scales it down to 35% at night.</summary>
    [Range(0, 100_000)]
    public double PeakArrivalsPerHour { get; set; }

    /// <summary>Mean time a customer waits before hanging up (exponential).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MeanPatience { get; set; } = TimeSpan.FromSeconds(90);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MeanTalk { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>Mean hold per contact, over all contacts (most contacts have none).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MeanHold { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MeanWrap { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>Share of answered contacts that are transferred (most to another queue, some escalated to a second tier).</summary>
    [Range(0.0, 1.0)]
    public double TransferShare { get; set; } = 0.05;

    /// <summary>Mean agent-seconds one offered contact costs, for staffing and skill assignment.</summary>
    public double WorkloadSeconds => (MeanTalk + MeanHold + MeanWrap).TotalSeconds * (1 + TransferShare);
}
