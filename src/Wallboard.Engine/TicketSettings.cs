using System.ComponentModel.DataAnnotations;

namespace Wallboard.Engine;

/// <summary>Settings of the ticket KPIs (section <c>Engine:Tickets</c>), defaults from <c>spec/kpis.md</c>.</summary>
public sealed class TicketSettings
{
    /// <summary>First-reply target per channel; channels not listed use <see cref="DefaultFirstReplyTarget"/>.</summary>
    public IDictionary<string, TimeSpan> FirstReplyTargets { get; set; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["chat"] = TimeSpan.FromSeconds(120),
        ["sms"] = TimeSpan.FromSeconds(300),
        ["social"] = TimeSpan.FromSeconds(3600),
        ["email"] = TimeSpan.FromSeconds(3600),
    };

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan DefaultFirstReplyTarget { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>A ticket with no reply is at risk when its first-reply target passes within this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan AtRiskHorizon { get; set; } = TimeSpan.FromSeconds(900);

    /// <summary>A backlog ticket older than this is aged.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan AgedBacklogAge { get; set; } = TimeSpan.FromSeconds(86400);

    /// <summary>A resolved ticket is kept this long, in case it is reopened; then forgotten.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "365.00:00:00")]
    public TimeSpan ResolvedRetention { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan FirstReplyTarget(string channel) =>
        FirstReplyTargets.TryGetValue(channel, out var target) ? target : DefaultFirstReplyTarget;
}
