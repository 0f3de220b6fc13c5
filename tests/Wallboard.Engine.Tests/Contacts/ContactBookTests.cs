using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Tests.Support;

namespace Wallboard.Engine.Tests.Contacts;

/// <summary>The contact book through the engine: re-derivation after out-of-order events, lateness, forgetting.</summary>
public class ContactBookTests
{
    private static readonly (KpiId Kpi, string Window, string Scope)[] Observed =
    [
        (KpiId.Offered, "5m", "all"), (KpiId.Answered, "5m", "queue:sales"), (KpiId.Answered, "5m", "queue:support"),
        (KpiId.Abandoned, "today", "all"), (KpiId.ShortAbandoned, "today", "all"), (KpiId.ServiceLevel, "5m", "all"),
        (KpiId.Asa, "5m", "queue:support"), (KpiId.Asa, "today", "agent:a2"), (KpiId.AvgAbandonTime, "5m", "all"),
        (KpiId.MaxWait, "5m", "all"), (KpiId.MaxWait, "60m", "queue:sales"), (KpiId.Aht, "5m", "agent:a2"),
        (KpiId.TransferRate, "5m", "agent:a1"), (KpiId.EscalationRate, "today", "all"), (KpiId.RepeatContactRate, "5m", "all"),
        (KpiId.Fcr, "5m", "all"), (KpiId.ContactsWaiting, "now", "all"), (KpiId.LongestWait, "now", "queue:support"),
    ];

    [Fact]
    public void Apply_CompletionArrivesBeforeItsAnswer_SameAsInOrder()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Completed(100, "c1", "a1", talk: 80, resolved: true);

        harness.Answered(12, "c1", "a1");

        Assert.Equal(1, harness.Kpi(KpiId.Answered));
        Assert.Equal(12, harness.Kpi(KpiId.Asa, "5m", "agent:a1"));
        Assert.Equal(80, harness.Kpi(KpiId.Aht, "5m", "agent:a1"));
        Assert.Equal(100, harness.Kpi(KpiId.Fcr));
    }

    [Fact]
    public void Apply_AbandonArrivesBeforeItsQueued_CountsWithTheRightWait()
    {
        var harness = new EngineHarness();
        harness.Abandoned(40, "c1");
        Assert.Equal(0, harness.Kpi(KpiId.Abandoned));

        harness.Queued(10, "c1");

        Assert.Equal(1, harness.Kpi(KpiId.Abandoned));
        Assert.Equal(30, harness.Kpi(KpiId.AvgAbandonTime));
        Assert.Equal(30, harness.Kpi(KpiId.MaxWait));
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
    }

    [Fact]
    public void Apply_EarlierQueuedArrivesAfterAnAnswer_WaitStartsAtTheLatestQueuedBeforeTheAnswer()
    {
        // c1 is queued in sales, transferred and re-queued in support; the first queued arrives last.
        var harness = new EngineHarness();
        harness.Answered(20, "c1", "a1");
        harness.Transferred(60, "c1", "support");
        harness.Queued(60, "c1", "support");
        harness.Answered(90, "c1", "a2");

        harness.Queued(5, "c1", "sales");

        Assert.Equal(15, harness.Kpi(KpiId.Asa, "5m", "queue:sales"));
        Assert.Equal(30, harness.Kpi(KpiId.Asa, "5m", "queue:support"));
        Assert.Equal(100, harness.Kpi(KpiId.TransferRate, "5m", "agent:a1"));
        Assert.Equal(2, harness.Kpi(KpiId.Offered));
    }

    [Fact]
    public void Apply_ContactEventsShuffledWithinLateness_SameKpisAsInTsOrder()
    {
        var events = Story();
        var inOrder = Replay(events);
        var expected = Observe(inOrder);
        Assert.Equal(8, inOrder.Kpi(KpiId.Offered, "5m"));
        Assert.Equal(2, inOrder.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(50, inOrder.Kpi(KpiId.TransferRate, "5m", "agent:a1"));

        var random = new Random(5);
        for (var round = 0; round < 20; round++)
        {
            // Each event arrives up to 200 s after its ts: never late, often out of order.
            var shuffled = events.Select(e => (Event: e, Arrival: e.Timestamp.AddSeconds(random.Next(0, 200))))
                .OrderBy(e => e.Arrival)
                .Select(e => e.Event)
                .ToList();

            Assert.Equal(expected, Observe(Replay(shuffled)));
        }
    }

    [Fact]
    public void Apply_LateQueuedThenAnswerInTheWindow_CountsTheAnswerOnly()
    {
        var harness = new EngineHarness();
        harness.ClockTo(1000);
        Assert.Equal(IngestStatus.Late, harness.Queued(600, "c1").Status);

        harness.Answered(1010, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.Offered, "60m"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered));
        Assert.Equal(410, harness.Kpi(KpiId.Asa));
        Assert.Equal(0, harness.Kpi(KpiId.ServiceLevel));
    }

    [Fact]
    public void Apply_LateQueuedOfAContactWithNewerEvents_RederivesFromTheLatenessBoundaryOnly()
    {
        var harness = new EngineHarness();
        harness.Answered(800, "c1");
        harness.ClockTo(1000);
        Assert.Equal(0, harness.Kpi(KpiId.Answered, "60m"));

        Assert.Equal(IngestStatus.Late, harness.Queued(650, "c1").Status);

        // The queued itself (before N − lateness) stays out; the answer at 800 now has its queued and counts.
        Assert.Equal(0, harness.Kpi(KpiId.Offered, "today"));
        Assert.Equal(1, harness.Kpi(KpiId.Answered, "60m"));
        Assert.Equal(150, harness.Kpi(KpiId.Asa, "5m"));
        Assert.Equal(0, harness.Kpi(KpiId.ContactsWaiting, "now"));
    }

    [Fact]
    public void Apply_OpenContactSilentForTheTimeout_IsForgotten()
    {
        var harness = new EngineHarness(options => options.OpenContactTimeout = TimeSpan.FromMinutes(10));
        harness.Queued(0, "c1");
        harness.Queued(300, "c2");

        harness.ClockTo(599);
        Assert.Equal(2, harness.Kpi(KpiId.ContactsWaiting, "now"));
        harness.ClockTo(600);

        Assert.Equal(1, harness.Kpi(KpiId.ContactsWaiting, "now"));
        Assert.Equal(300, harness.Kpi(KpiId.LongestWait, "now"));
        Assert.Equal(2, harness.Kpi(KpiId.Offered, "60m"));
    }

    [Fact]
    public void Apply_EventOfAForgottenFinishedContact_CountsNothing()
    {
        var harness = new EngineHarness();
        harness.Queued(0, "c1");
        harness.Abandoned(30, "c1");
        harness.ClockTo(400);

        // c1 finished more than the lateness ago and was forgotten: an answer for it has no queued to go with.
        harness.Answered(401, "c1");

        Assert.Equal(0, harness.Kpi(KpiId.Answered));
        Assert.Equal(1, harness.Kpi(KpiId.Abandoned, "60m"));
    }

    private static List<WallboardEvent> Story()
    {
        var start = new EngineHarness().Start;
        DateTimeOffset At(double seconds) => start.AddSeconds(seconds);
        var outcome = new ContactOutcome(UpsellOffered: true, UpsellAccepted: true, CancellationRequested: false, Saved: false);
        return
        [
            new ContactQueued("q1", At(0), "c1", "sales", "voice", "x"),
            new ContactAnswered("a1", At(12), "c1", "a1"),
            new ContactTransferred("t1", At(60), "c1", "support", true),
            new ContactQueued("q1b", At(60), "c1", "support", "voice", "x"),
            new ContactAnswered("a1b", At(95), "c1", "a2"),
            new ContactCompleted("d1", At(200), "c1", "a2", 90, 10, 5, true, outcome),
            new ContactQueued("q2", At(30), "c2", "sales", "chat", "x"),
            new ContactAbandoned("b2", At(33), "c2"),
            new ContactQueued("q3", At(40), "c3", "support", "voice", "y"),
            new ContactAbandoned("b3", At(100), "c3"),
            new ContactQueued("q4", At(50), "c4", "sales", "voice", null),
            new ContactAnswered("a4", At(65.5), "c4", "a1"),
            new ContactCompleted("d4", At(150), "c4", "a1", 60, 0, 20, true, ContactOutcome.None),
            new ContactQueued("q5", At(120), "c5", "support", "voice", "y"),
            new ContactQueued("q6", At(130), "c6", "support", "chat", "z"),
            new ContactAnswered("a6", At(135), "c6", "a2"),
            new ContactQueued("q7", At(250), "c7", "sales", "voice", null),
        ];
    }

    private static EngineHarness Replay(List<WallboardEvent> events)
    {
        var harness = new EngineHarness();
        foreach (var incoming in events)
        {
            Assert.Equal(IngestStatus.Accepted, harness.Send(incoming).Status);
        }

        harness.ClockTo(260);
        return harness;
    }

    private static List<double?> Observe(EngineHarness harness) =>
        [.. Observed.Select(observed => harness.Kpi(observed.Kpi, observed.Window, observed.Scope))];
}
