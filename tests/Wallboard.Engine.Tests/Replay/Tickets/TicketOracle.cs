using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Replay.Tickets;

/// <summary>
/// The ticket KPIs by brute force, written from <c>spec/kpis.md</c> and the lead's readings without the
/// engine's code: events are kept per ticket (deduplicated by id, in time order) as they arrive, and at
/// each reading every ticket is walked from scratch and every measurement tested against every window.
/// </summary>
/// <remarks>
/// Readings: a reply is an agent message; bot messages are nothing; a reply's wait runs from the earliest
/// customer message (the creation counts as one) not yet replied to, and a resolution ends the wait;
/// events of a ticket never created count nowhere; a resolve counts when the ticket is open, a reopen when
/// it is resolved; the agent scope gets the replier's replies and first reply and the resolver's
/// resolution; the cohort KPIs count at the creation's second whether the ticket has a reply / is resolved
/// now; gauges: backlog = open, aged = N − creation second &gt; aged age, breached = open with no reply and
/// N &gt; deadline second, at risk = open with no reply and deadline second in [N, N + horizon].
/// </remarks>
internal sealed class TicketOracle(
    IReadOnlyList<long> windowSeconds,
    TimeZoneInfo zone,
    IReadOnlyDictionary<string, long> targetMsByChannel,
    long defaultTargetMs,
    long agedSeconds,
    long atRiskSeconds)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<WallboardEvent>> _tickets = new(StringComparer.Ordinal);

    /// <summary>Window indexes: the sliding windows in order, then <c>today</c>.</summary>
    public int WindowCount => windowSeconds.Count + 1;

    /// <summary>Takes one event as it arrives; a second event with an id already seen is ignored.</summary>
    public void Add(WallboardEvent arriving)
    {
        var ticketId = TicketIdOf(arriving);
        if (ticketId is null || !_ids.Add(arriving.Id))
        {
            return;
        }

        if (!_tickets.TryGetValue(ticketId, out var events))
        {
            events = [];
            _tickets.Add(ticketId, events);
        }

        var index = events.Count;
        while (index > 0 && events[index - 1].Timestamp > arriving.Timestamp)
        {
            index--;
        }

        events.Insert(index, arriving);
    }

    /// <summary>Every KPI at second <paramref name="now"/>, walking every ticket's events from scratch.</summary>
    public TicketReading Read(long now)
    {
        var reading = new TicketReading(WindowCount, now, TodayStart(now), windowSeconds);
        foreach (var events in _tickets.Values)
        {
            Walk(events, reading);
        }

        return reading;
    }

    private static string? TicketIdOf(WallboardEvent seenEvent) => seenEvent switch
    {
        TicketCreated e => e.TicketId,
        TicketMessagePosted e => e.TicketId,
        TicketEscalated e => e.TicketId,
        TicketResolved e => e.TicketId,
        TicketReopened e => e.TicketId,
        _ => null,
    };

    private long TodayStart(long now)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(now), zone);
        var midnight = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone)).ToUnixTimeSeconds();
    }

    private void Walk(List<WallboardEvent> events, TicketReading reading)
    {
        TicketCreated? created = null;
        long createdMs = 0;
        var ticketScopes = new List<string>();
        var open = false;
        var resolved = false;
        var replies = 0;
        long? waitingSinceMs = null;
        foreach (var ticketEvent in events)
        {
            var ms = ticketEvent.Timestamp.ToUnixTimeMilliseconds();
            var second = Math.DivRem(ms, 1000, out var rest) - (rest < 0 ? 1 : 0);
            if (ticketEvent is TicketCreated first && created is null)
            {
                created = first;
                createdMs = ms;
                open = true;
                waitingSinceMs = ms;
                ticketScopes.Add("all");
                ticketScopes.Add("channel:" + first.Channel);
                if (first.Queue is not null)
                {
                    ticketScopes.Add("queue:" + first.Queue);
                }

                if (first.Category is not null)
                {
                    ticketScopes.Add("category:" + first.Category);
                }

                reading.Measure(ticketScopes, second, tally => tally.Created++);
                continue;
            }

            if (created is null)
            {
                continue;
            }

            switch (ticketEvent)
            {
                case TicketMessagePosted { Author: MessageAuthor.Customer }:
                    waitingSinceMs ??= ms;
                    break;
                case TicketMessagePosted { Author: MessageAuthor.Agent } reply:
                    var scopes = WithAgent(ticketScopes, reply.AgentId);
                    if (waitingSinceMs is { } since)
                    {
                        reading.Measure(scopes, second, tally =>
                        {
                            tally.ReplyWaits++;
                            tally.ReplyWaitMs += ms - since;
                        });
                        waitingSinceMs = null;
                    }

                    if (replies == 0)
                    {
                        var firstReplyMs = ms - createdMs;
                        var within = firstReplyMs <= TargetMs(created.Channel);
                        reading.Measure(scopes, second, tally =>
                        {
                            tally.FirstReplies++;
                            tally.FirstReplyMs += firstReplyMs;
                            tally.FirstRepliesWithinTarget += within ? 1 : 0;
                        });
                    }

                    replies++;
                    break;
                case TicketEscalated:
                    reading.Measure(ticketScopes, second, tally => tally.Escalations++);
                    break;
                case TicketResolved resolve when open:
                    open = false;
                    resolved = true;
                    waitingSinceMs = null;
                    var touches = replies;
                    reading.Measure(WithAgent(ticketScopes, resolve.AgentId), second, tally =>
                    {
                        tally.Resolved++;
                        tally.ResolutionMs += ms - createdMs;
                        tally.Touches += touches;
                        tally.OneTouch += touches == 1 ? 1 : 0;
                    });
                    break;
                case TicketReopened when resolved:
                    open = true;
                    resolved = false;
                    reading.Measure(ticketScopes, second, tally => tally.Reopens++);
                    break;
                default:
                    break;
            }
        }

        if (created is null)
        {
            return;
        }

        var createdSecond = Math.DivRem(createdMs, 1000, out var remainder) - (remainder < 0 ? 1 : 0);
        reading.Measure(ticketScopes, createdSecond, tally =>
        {
            tally.CreatedAndReplied += replies > 0 ? 1 : 0;
            tally.CreatedAndResolved += resolved ? 1 : 0;
        });
        if (open)
        {
            var deadlineMs = createdMs + TargetMs(created.Channel);
            var deadlineSecond = Math.DivRem(deadlineMs, 1000, out var deadlineRest) - (deadlineRest < 0 ? 1 : 0);
            var now = reading.Now;
            foreach (var scope in ticketScopes)
            {
                var gauges = reading.GaugesOf(scope);
                gauges[TicketReading.Backlog]++;
                gauges[TicketReading.Aged] += now - createdSecond > agedSeconds ? 1 : 0;
                gauges[TicketReading.Breached] += replies == 0 && now > deadlineSecond ? 1 : 0;
                gauges[TicketReading.AtRisk] += replies == 0 && deadlineSecond >= now && deadlineSecond <= now + atRiskSeconds ? 1 : 0;
            }
        }
    }

    private long TargetMs(string channel) => targetMsByChannel.TryGetValue(channel, out var target) ? target : defaultTargetMs;

    private static List<string> WithAgent(List<string> ticketScopes, string? agentId) =>
        agentId is null ? ticketScopes : [.. ticketScopes, "agent:" + agentId];
}

