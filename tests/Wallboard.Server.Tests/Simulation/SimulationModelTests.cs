using System.Text;
using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Server.Simulation;

namespace Wallboard.Server.Tests.Simulation;

public sealed class SimulationModelTests(DefaultDayRun day) : IClassFixture<DefaultDayRun>
{
    // Late morning: the busiest two hours of the daily curve.
    private static readonly DateTimeOffset PeakStart = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private static SimulationRun TwoPeakHours(int seed = SimulationRun.Seed, TimeSpan? tick = null) =>
        new SimulationRun(start: PeakStart, seed: seed).RunUntil(PeakStart.AddHours(2), tick ?? TimeSpan.FromSeconds(1));

    [Fact]
    public void AdvanceTo_TwoHours_EveryEventPassesTheParserUnchanged()
    {
        var run = TwoPeakHours();

        Assert.NotEmpty(run.Events);
        Assert.All(run.Events, evt =>
        {
            var json = EventWriter.ToJson(evt);
            var parsed = EventParser.Parse(Encoding.UTF8.GetBytes(json));
            Assert.True(parsed.IsValid, $"{json}: {parsed.Error}");
            Assert.Equal(json, EventWriter.ToJson(parsed.Event));
        });
    }

    [Fact]
    public void AdvanceTo_TwoHours_EventIdsAreUnique()
    {
        var run = TwoPeakHours();

        Assert.Equal(run.Events.Count, run.Events.Select(evt => evt.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AdvanceTo_EachTick_StampsNothingAfterNowAndKeepsTimeOrder()
    {
        var run = TwoPeakHours(tick: TimeSpan.FromMilliseconds(250));

        var previous = PeakStart;
        foreach (var (now, batch) in run.Batches)
        {
            foreach (var evt in batch)
            {
                Assert.True(evt.Timestamp <= now, $"{evt.Id} at {evt.Timestamp:O} is after now {now:O}");
                Assert.True(evt.Timestamp >= previous, $"{evt.Id} at {evt.Timestamp:O} is before {previous:O}");
                previous = evt.Timestamp;
            }
        }
    }

    [Fact]
    public void AdvanceTo_TwoHours_AnswersAndAbandonsOnlyContactsWaitingInAQueue()
    {
        var run = TwoPeakHours();

        var waiting = new HashSet<string>(StringComparer.Ordinal);
        var (answered, abandoned) = (0, 0);
        foreach (var evt in run.Events)
        {
            switch (evt)
            {
                case ContactQueued queued:
                    Assert.True(waiting.Add(queued.ContactId), $"{queued.ContactId} queued while already waiting");
                    break;
                case ContactAnswered answer:
                    Assert.True(waiting.Remove(answer.ContactId), $"{answer.ContactId} answered without waiting");
                    answered++;
                    break;
                case ContactAbandoned abandon:
                    Assert.True(waiting.Remove(abandon.ContactId), $"{abandon.ContactId} abandoned without waiting");
                    abandoned++;
                    break;
                default:
                    break;
            }
        }

        Assert.True(answered > 10 * abandoned, $"{answered} answered, {abandoned} abandoned");
        Assert.True(abandoned > 0);
    }

    [Fact]
    public void AdvanceTo_TwoHours_AgentHandlesOneContactAtATimeAndIsBusyWhileTalking()
    {
        var run = TwoPeakHours();

        var handling = new Dictionary<string, string>(StringComparer.Ordinal);
        var state = new Dictionary<string, AgentState>(StringComparer.Ordinal);
        var answeredAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var evt in run.Events)
        {
            switch (evt)
            {
                case ContactAnswered answer:
                    Assert.False(handling.ContainsKey(answer.AgentId), $"{answer.AgentId} answered {answer.ContactId} while on {handling.GetValueOrDefault(answer.AgentId)}");
                    Assert.NotEqual(AgentState.Offline, state[answer.AgentId]);
                    handling[answer.AgentId] = answer.ContactId;
                    answeredAt[answer.AgentId] = answer.Timestamp;
                    break;
                case ContactCompleted completed:
                    Assert.Equal(completed.ContactId, handling[completed.AgentId]);
                    Assert.True(state[completed.AgentId] is AgentState.Wrapup or AgentState.Busy);
                    handling.Remove(completed.AgentId);
                    break;
                case AgentStateChanged change:
                    state[change.AgentId] = change.State;
                    if (change.State == AgentState.Busy)
                    {
                        Assert.Equal(change.Timestamp, answeredAt[change.AgentId]);
                    }

                    Assert.True(
                        change.State is AgentState.Busy or AgentState.Wrapup || !handling.ContainsKey(change.AgentId),
                        $"{change.AgentId} went {change.State} while on {handling.GetValueOrDefault(change.AgentId)}");
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public void AdvanceTo_TwoHours_ArrivalsPerQueueFollowTheCurvedRate()
    {
        var run = TwoPeakHours();

        var firstQueue = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var queued in run.Events.OfType<ContactQueued>())
        {
            firstQueue.TryAdd(queued.ContactId, queued.Queue);
        }

        // ∫ curve dt over the two hours, by the minute (the curve is smooth).
        var curveHours = Enumerable.Range(0, 120).Sum(minute => DailyCurve.At(9.5 + ((minute + 0.5) / 60.0))) / 60.0;
        foreach (var queue in SimulatorOptions.DemoQueues())
        {
            var expected = queue.PeakArrivalsPerHour * curveHours;
            var actual = firstQueue.Values.Count(name => name == queue.Name);
            Assert.True(Math.Abs(actual - expected) <= 4 * Math.Sqrt(expected), $"{queue.Name}: {actual} arrivals, {expected:0.#} expected");
        }
    }

    [Fact]
    public void AdvanceTo_SameSeed_SameEventsWhateverTheTick()
    {
        var fine = TwoPeakHours(tick: TimeSpan.FromMilliseconds(250));
        var coarse = TwoPeakHours(tick: TimeSpan.FromSeconds(7));

        Assert.Equal(fine.Events.Select(EventWriter.ToJson), coarse.Events.Select(EventWriter.ToJson));
    }

    [Fact]
    public void AdvanceTo_OtherSeed_OtherEvents()
    {
        var first = TwoPeakHours(seed: 1);
        var second = TwoPeakHours(seed: 2);

        Assert.NotEqual(first.Events.Select(EventWriter.ToJson), second.Events.Select(EventWriter.ToJson));
    }

    [Fact]
    public void AdvanceTo_AfterALongPause_CatchesUpAtMostMaxCatchUp()
    {
        var model = new SimulationModel(new SimulatorOptions(), TimeZoneInfo.Utc, PeakStart, SimulationRun.Seed);
        model.AdvanceTo(PeakStart.AddSeconds(1));

        var now = PeakStart.AddHours(3);
        var batch = model.AdvanceTo(now);

        Assert.NotEmpty(batch);
        Assert.All(batch, evt => Assert.InRange(evt.Timestamp, now - SimulationModel.MaxCatchUp, now));
        Assert.Equal(now, model.Now);
        Assert.All(model.AdvanceTo(now.AddMinutes(1)), evt => Assert.InRange(evt.Timestamp, now, now.AddMinutes(1)));
    }

    [Fact]
    public void AdvanceTo_Start_IntroducesEveryAgentOnceWithQueuesTeamAndName()
    {
        var run = TwoPeakHours();

        var agentEvents = run.Events.OfType<AgentStateChanged>().GroupBy(change => change.AgentId).ToList();
        Assert.Equal(40, agentEvents.Count);
        Assert.All(agentEvents, events =>
        {
            var first = events.First();
            Assert.Equal(PeakStart, first.Timestamp);
            Assert.InRange(first.Queues!.Count, 1, 3);
            Assert.Contains(first.Team, SimulatorOptions.DemoTeams);
            Assert.False(string.IsNullOrEmpty(first.Name));
            Assert.All(events.Skip(1), later => Assert.True(later.Queues is null && later.Team is null && later.Name is null));
        });
        Assert.Equal(10, agentEvents.Count(events => events.First().Team == "alpha"));
    }

    [Fact]
    public void AdvanceTo_TwoHours_AgentsTakeBreaksAndLunches()
    {
        var run = TwoPeakHours();

        var away = run.Events.OfType<AgentStateChanged>().Where(change => change.State == AgentState.Away).ToList();
        Assert.Contains(away, change => change.Reason == "break");
        Assert.Contains(away, change => change.Reason == "lunch");
        Assert.All(away, change => Assert.Contains(change.Reason, new[] { "break", "lunch" }));
    }

    [Fact]
    public void AdvanceTo_TwoHours_TicketEventsFollowTheirTicketsLifecycle()
    {
        var run = TwoPeakHours();

        var open = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var evt in run.Events)
        {
            switch (evt)
            {
                case TicketCreated created:
                    Assert.True(open.Add(created.TicketId));
                    Assert.Contains(created.Channel, new[] { "email", "web", "social" });
                    break;
                case TicketMessagePosted message:
                    Assert.Contains(message.TicketId, open);
                    Assert.Equal(message.Author == MessageAuthor.Agent, message.AgentId is not null);
                    break;
                case TicketEscalated escalated:
                    Assert.Contains(escalated.TicketId, open);
                    break;
                case TicketResolved done:
                    Assert.True(open.Remove(done.TicketId));
                    resolved.Add(done.TicketId);
                    Assert.NotNull(done.AgentId);
                    break;
                case TicketReopened reopened:
                    Assert.True(resolved.Remove(reopened.TicketId));
                    open.Add(reopened.TicketId);
                    break;
                default:
                    break;
            }
        }

        Assert.NotEmpty(resolved);
        Assert.NotEmpty(open);
    }

    [Fact]
    public void AdvanceTo_TwoHours_SurveysAndSentimentNameACompletedContactOrAResolvedTicket()
    {
        var run = TwoPeakHours();

        // A transferred contact is completed by each agent who had it; the survey names one of them.
        var completed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var evt in run.Events)
        {
            switch (evt)
            {
                case ContactCompleted done:
                    completed.TryAdd(done.ContactId, new HashSet<string>(StringComparer.Ordinal));
                    completed[done.ContactId].Add(done.AgentId);
                    break;
                case TicketResolved done:
                    resolved[done.TicketId] = done.AgentId;
                    break;
                case SurveyResponded survey when survey.ContactId is { } surveyed:
                    Assert.Contains(survey.AgentId!, completed[surveyed]);
                    break;
                case SurveyResponded survey:
                    Assert.Equal(resolved[survey.TicketId!], survey.AgentId);
                    break;
                case SentimentScored sentiment:
                    Assert.True(
                        (sentiment.ContactId is { } scored && completed.ContainsKey(scored)) ||
                        (sentiment.TicketId is { } ticket && resolved.ContainsKey(ticket)));
                    break;
                default:
                    break;
            }
        }

        var surveys = run.Events.OfType<SurveyResponded>().ToList();
        Assert.Equal([SurveyKind.Csat, SurveyKind.Nps, SurveyKind.Ces], surveys.Select(survey => survey.Survey).Distinct().Order());
    }

    [Fact]
    public void Close_AfterTraffic_LeavesNoContactWaitingAndNoAgentOnline()
    {
        var run = new SimulationRun(start: PeakStart);
        run.RunUntil(PeakStart.AddMinutes(45), TimeSpan.FromSeconds(1));
        run.Engine.Ingest(run.Model.Close(PeakStart.AddMinutes(45).AddSeconds(30)));

        Assert.Equal(0, run.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(0, run.Kpi(KpiId.AgentsOnline, "now"));
        Assert.Empty(run.Model.AdvanceTo(PeakStart.AddHours(1)));
    }

    [Fact]
    public void AdvanceTo_DefaultDay_ServiceLevelAbandonRateAndOccupancyStayLively()
    {
        var run = day.Run;

        Assert.InRange(run.Kpi(KpiId.ServiceLevel)!.Value, 70, 90);
        Assert.InRange(run.Kpi(KpiId.AbandonRate)!.Value, 3, 12);
        Assert.InRange(run.Kpi(KpiId.Occupancy)!.Value, 70, 95);
    }

    [Fact]
    public void AdvanceTo_DefaultDay_SomeHoursBreachTheServiceLevelButMostDoNot()
    {
        var breaches = day.Hours.Count(hour => hour.ServiceLevel < 80);

        Assert.InRange(breaches, 1, 8);
        Assert.All(day.Hours, hour => Assert.InRange(hour.Occupancy!.Value, 55, 95));
    }

    [Fact]
    public void AdvanceTo_DefaultDay_StaffFollowsTheDailyCurve()
    {
        var online = day.Hours.ToDictionary(hour => hour.Hour, hour => hour.AgentsOnline!.Value);

        Assert.True(online[4] < 20, $"{online[4]} online at 04:00");
        Assert.True(online[11] >= 36, $"{online[11]} online at 11:00");
        Assert.True(online[13] < online[11], $"{online[13]} online at 13:00, {online[11]} at 11:00");
    }

    [Fact]
    public void AdvanceTo_DefaultDay_EmitsEveryEventTypeButOutsideFigures()
    {
        var types = day.Run.Events.Select(evt => evt.Type).Distinct().Order();

        Assert.Equal(Enum.GetValues<EventType>().Where(type => type != EventType.MetricRecorded), types);
    }

    [Fact]
    public void AdvanceTo_DefaultDay_SomeCustomersComeBackAndSomeContactsAreTransferred()
    {
        var run = day.Run;

        Assert.InRange(run.Kpi(KpiId.RepeatContactRate)!.Value, 3, 15);
        Assert.InRange(run.Kpi(KpiId.TransferRate)!.Value, 3, 12);
        Assert.InRange(run.Kpi(KpiId.EscalationRate)!.Value, 0.5, 5);
        Assert.InRange(run.Kpi(KpiId.Fcr)!.Value, 60, 85);
    }

    [Fact]
    public void AdvanceTo_DefaultDay_CustomerVoiceHoversAroundItsThresholds()
    {
        var run = day.Run;

        Assert.InRange(run.Kpi(KpiId.Csat)!.Value, 80, 92);
        Assert.InRange(run.Kpi(KpiId.Nps)!.Value, 30, 65);
        Assert.InRange(run.Kpi(KpiId.Ces)!.Value, 4.5, 6.5);
        Assert.InRange(run.Kpi(KpiId.Sentiment)!.Value, 75, 90);
        Assert.InRange(run.Kpi(KpiId.SelfServiceResolution)!.Value, 55, 80);
    }

    [Fact]
    public void AdvanceTo_DefaultDay_TicketsAreMostlyAnsweredInTimeAndResolved()
    {
        var run = day.Run;

        Assert.InRange(run.Kpi(KpiId.FirstReplyWithinTarget)!.Value, 75, 99);
        Assert.InRange(run.Kpi(KpiId.ResolutionRate)!.Value, 80, 100);
        Assert.InRange(run.Kpi(KpiId.ReopenRate)!.Value, 1, 12);
        Assert.InRange(run.Kpi(KpiId.Backlog, "now")!.Value, 1, 60);
    }
}
