namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// Backlog, resolutions, resolution time, reopens and escalations computed straight from the CSV rows, not
/// from the mapped events: an incident exists from its first row; each maximal run of Completed rows is one
/// resolution, at the run's first row; each non-completed row right after a completed one is a reopen; a
/// row on a higher support line than the row before is an escalation; an incident is in the backlog when
/// its last row up to N is not Completed. Unmatched rows are left out, as in the mapping.
/// </summary>
internal sealed class VolvoOracle
{
    private readonly List<Incident> _incidents;
    private readonly IReadOnlyList<long> _windowSeconds;
    private readonly long _utcOffsetSeconds;
    private readonly long _agedSeconds;

    public VolvoOracle(IReadOnlyList<VolvoStatusChange> rows, IReadOnlyList<long> windowSeconds, TimeSpan utcOffset, long agedSeconds)
    {
        _windowSeconds = windowSeconds;
        _utcOffsetSeconds = (long)utcOffset.TotalSeconds;
        _agedSeconds = agedSeconds;
        _incidents = [.. rows.Where(row => !row.IsUnmatched).GroupBy(row => row.Incident).Select(Incident.Of)];
    }

    public TicketReading Read(long now)
    {
        var todayStart = now - (((now + _utcOffsetSeconds) % 86_400) + 86_400) % 86_400;
        var reading = new TicketReading(_windowSeconds.Count + 1, now, todayStart, _windowSeconds);
        foreach (var incident in _incidents)
        {
            var created = incident.Seconds[0];
            if (created > now)
            {
                continue;
            }

            var last = 0;
            while (last + 1 < incident.Seconds.Length && incident.Seconds[last + 1] <= now)
            {
                last++;
            }

            reading.Measure(incident.Scopes, created, tally => tally.Created++);
            for (var i = 0; i <= last; i++)
            {
                var second = incident.Seconds[i];
                if (incident.Completed[i] && (i == 0 || !incident.Completed[i - 1]))
                {
                    List<string> scopes = incident.Agents[i] is { } agent ? [.. incident.Scopes, "agent:" + agent] : incident.Scopes;
                    reading.Measure(scopes, second, tally =>
                    {
                        tally.Resolved++;
                        tally.ResolutionMs += (second - created) * 1000;
                    });
                }

                if (i > 0 && !incident.Completed[i] && incident.Completed[i - 1])
                {
                    reading.Measure(incident.Scopes, second, tally => tally.Reopens++);
                }

                if (i > 0 && incident.Levels[i] > incident.Levels[i - 1])
                {
                    reading.Measure(incident.Scopes, second, tally => tally.Escalations++);
                }
            }

            var resolvedNow = incident.Completed[last];
            reading.Measure(incident.Scopes, created, tally => tally.CreatedAndResolved += resolvedNow ? 1 : 0);
            if (!resolvedNow)
            {
                foreach (var scope in incident.Scopes)
                {
                    var gauges = reading.GaugesOf(scope);
                    gauges[TicketReading.Backlog]++;
                    gauges[TicketReading.Aged] += now - created > _agedSeconds ? 1 : 0;
                }
            }
        }

        return reading;
    }

    /// <summary>One incident's rows (Unmatched left out) as parallel arrays, and its scopes from the first row.</summary>
    private sealed record Incident(List<string> Scopes, long[] Seconds, bool[] Completed, int[] Levels, string?[] Agents)
    {
        public static Incident Of(IGrouping<string, VolvoStatusChange> rows)
        {
            var first = rows.First();
            return new Incident(
                ["all", "channel:" + first.OrgLine, "queue:" + first.SupportTeam, "category:" + first.Product],
                [.. rows.Select(row => row.At.ToUnixTimeSeconds())],
                [.. rows.Select(row => row.IsCompleted)],
                [.. rows.Select(row => row.LevelRank)],
                [.. rows.Select(row => row.Agent)]);
        }
    }
}
