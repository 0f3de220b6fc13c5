using Wallboard.Engine.Alerts;
using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Tests.Alerts;

public class AlertEvaluatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly ScopeId Sales = ScopeId.Queue("sales");

    // Service level: warning below 80 (clears at 82), critical below 70 (clears at 72); 60 s to fire, 120 s to resolve.
    private static readonly AlertRule ServiceLevel = new(
        "sl", KpiId.ServiceLevel, new ScopePattern(ScopeKind.Queue, null), WindowId.Sliding(15),
        Warning: new AlertBand(Below: 80, ClearAbove: 82),
        Critical: new AlertBand(Below: 70, ClearAbove: 72),
        For: TimeSpan.FromSeconds(60),
        ClearFor: TimeSpan.FromSeconds(120));

    [Fact]
    public void Evaluate_BreachShorterThanMinimumDuration_NeverFires()
    {
        var run = new Run(ServiceLevel);

        run.At(0, 75);
        run.At(59, 75);
        run.At(60, 85);
        run.At(200, 85);

        Assert.Empty(run.Changes);
        Assert.Empty(run.Evaluator.Active);
    }

    [Fact]
    public void Evaluate_BreachHeldForMinimumDuration_FiresOnceAtWarning()
    {
        var run = new Run(ServiceLevel);

        run.At(0, 75);
        run.At(60, 76);
        run.At(90, 74);

        var fired = Assert.Single(run.Changes);
        Assert.Equal(AlertChangeKind.Fired, fired.Transition.Kind);
        Assert.Equal(AlertSeverity.Warning, fired.Alert.Severity);
        Assert.Equal(Start.AddSeconds(60), fired.Alert.FiredAt);
        Assert.Equal(Start, fired.Alert.BreachedSince);
        Assert.Equal("sl|queue:sales|" + Start.AddSeconds(60).ToUnixTimeSeconds(), fired.Alert.Id);
    }

    [Fact]
    public void Evaluate_OscillatingInsideHysteresisBand_FiresOnceAndStaysFiring()
    {
        var run = new Run(ServiceLevel);
        run.At(0, 79);
        run.At(60, 79);

        for (var second = 61; second < 600; second += 10)
        {
            run.At(second, second % 20 == 1 ? 79.5 : 81.5);
        }

        Assert.Equal([AlertChangeKind.Fired], run.Kinds);
        Assert.Single(run.Evaluator.Active);
    }

    [Fact]
    public void Evaluate_WarningThenCritical_EscalatesTheSameAlert()
    {
        var run = new Run(ServiceLevel);
        run.At(0, 78);
        run.At(60, 78);

        run.At(70, 65);
        run.At(80, 71);
        run.At(90, 73);

        Assert.Equal([AlertChangeKind.Fired, AlertChangeKind.Escalated, AlertChangeKind.Deescalated], run.Kinds);
        Assert.Single(run.Changes.Select(change => change.Alert.Id).Distinct());
        Assert.Equal(AlertSeverity.Warning, run.Evaluator.Active.Single().Severity);
    }

    [Fact]
    public void Evaluate_RecoveredForClearDuration_ResolvesExactlyOnce()
    {
        var run = new Run(ServiceLevel);
        run.At(0, 75);
        run.At(60, 75);

        run.At(100, 90);
        run.At(219, 90);
        run.At(220, 90);
        run.At(300, 90);

        Assert.Equal([AlertChangeKind.Fired, AlertChangeKind.Clearing, AlertChangeKind.Resolved], run.Kinds);
        Assert.Equal(Start.AddSeconds(220), run.Changes[^1].Alert.ResolvedAt);
        Assert.Empty(run.Evaluator.Active);
    }

    [Fact]
    public void Evaluate_BreachAgainWhileClearing_KeepsTheAlertWithoutNewNotification()
    {
        var run = new Run(ServiceLevel);
        run.At(0, 75);
        run.At(60, 75);
        run.At(100, 90);

        run.At(150, 75);
        run.At(400, 75);

        Assert.Equal([AlertChangeKind.Fired, AlertChangeKind.Clearing, AlertChangeKind.Rebreached], run.Kinds);
    }

    [Fact]
    public void Evaluate_DataStopsWhileFiring_GoesToNoDataNeverResolved()
    {
        var run = new Run(ServiceLevel);
        run.At(0, 75);
        run.At(60, 75);

        run.Stale(100);
        run.Stale(1000);

        Assert.Equal([AlertChangeKind.Fired, AlertChangeKind.NoData], run.Kinds);
        Assert.Equal(AlertPhase.NoData, run.Evaluator.Active.Single().Phase);
        run.At(1010, 74);
        Assert.Equal(AlertChangeKind.DataReturned, run.Kinds[^1]);
        Assert.Equal(AlertPhase.Firing, run.Evaluator.Active.Single().Phase);
    }

    [Fact]
    public void Acknowledge_ActiveAlert_RecordsWhoWhenAndNote()
    {
        var run = new Run(ServiceLevel);
        run.At(0, 75);
        run.At(60, 75);
        var id = run.Evaluator.Active.Single().Id;

        var change = run.Evaluator.Acknowledge(id, "maria", "calling in two agents", Start.AddSeconds(90));

        Assert.NotNull(change);
        Assert.Equal(new Acknowledgement("maria", Start.AddSeconds(90), "calling in two agents"), change.Alert.Acknowledged);
        Assert.Null(run.Evaluator.Acknowledge("nope", "maria", null, Start.AddSeconds(91)));
    }

    [Fact]
    public void Evaluate_BelowMinimumSample_DoesNotBreach()
    {
        var csat = new AlertRule(
            "csat", KpiId.Csat, new ScopePattern(ScopeKind.Queue, null), WindowId.Sliding(15),
            new AlertBand(Below: 85), new AlertBand(Below: 80), TimeSpan.Zero, TimeSpan.Zero, MinimumSample: 5);
        var run = new Run(csat);

        run.At(0, 50, (KpiId.CsatResponses, 2));
        Assert.Empty(run.Changes);
        run.At(10, 50, (KpiId.CsatResponses, 5));

        Assert.Equal(AlertSeverity.Critical, Assert.Single(run.Changes).Alert.Severity);
    }

    [Fact]
    public void Restore_ActiveAlertAfterRestart_ContinuesWithoutFiringAgain()
    {
        var before = new Run(ServiceLevel);
        before.At(0, 75);
        before.At(60, 75);
        var after = new Run(ServiceLevel);

        after.Evaluator.Restore(before.Evaluator.Active);
        after.At(100, 75);
        after.At(130, 90);
        after.At(250, 90);

        Assert.Equal([AlertChangeKind.Clearing, AlertChangeKind.Resolved], after.Kinds);
        Assert.Equal(before.Evaluator.Active.Single().Id, after.Changes[^1].Alert.Id);
    }

    [Fact]
    public void SetRules_RuleRemoved_ResolvesItsAlerts()
    {
        var run = new Run(ServiceLevel);
        run.At(0, 75);
        run.At(60, 75);

        var changes = run.Evaluator.SetRules([], Start.AddSeconds(70));

        Assert.Equal(AlertChangeKind.Resolved, Assert.Single(changes).Transition.Kind);
        Assert.Empty(run.Evaluator.Active);
    }

    [Fact]
    public void Evaluate_OutsideFigureRule_FiresOnTheLatestRecordedValue()
    {
        var churn = new AlertRule(
            "churn", default, new ScopePattern(ScopeKind.All, null), WindowId.Now,
            new AlertBand(Above: 3), new AlertBand(Above: 5), TimeSpan.Zero, TimeSpan.Zero)
        { External = "churnRate" };
        var evaluator = new AlertEvaluator([churn]);
        var values = Enumerable.Repeat(double.NaN, Enum.GetValues<KpiId>().Length).ToArray();

        var changes = evaluator.Evaluate(Start, true, [ScopeId.All], (_, _) =>
            new KpiValues(WindowKind.Now, values, 1, new Dictionary<string, double> { ["churnRate"] = 6.5 }));

        var fired = Assert.Single(changes);
        Assert.Equal(AlertSeverity.Critical, fired.Alert.Severity);
        Assert.Equal("churnRate", fired.Alert.External);
        Assert.Equal("ext.churnRate", churn.KpiName);
    }

    private sealed class Run(AlertRule rule)
    {
        public AlertEvaluator Evaluator { get; } = new([rule]);

        public List<AlertChange> Changes { get; } = [];

        public List<AlertChangeKind> Kinds => [.. Changes.Select(change => change.Transition.Kind)];

        public void At(double second, double value, params (KpiId Kpi, double Value)[] others) =>
            Changes.AddRange(Evaluator.Evaluate(Start.AddSeconds(second), dataFresh: true, [Sales, ScopeId.All], (_, window) => Values(window, rule.Kpi, value, others)));

        public void Stale(double second) =>
            Changes.AddRange(Evaluator.Evaluate(Start.AddSeconds(second), dataFresh: false, [Sales], (_, window) => Values(window, rule.Kpi, 0, [])));

        private static KpiValues Values(WindowId window, KpiId kpi, double value, (KpiId Kpi, double Value)[] others)
        {
            var values = Enumerable.Repeat(double.NaN, Enum.GetValues<KpiId>().Length).ToArray();
            values[(int)kpi] = value;
            foreach (var (other, otherValue) in others)
            {
                values[(int)other] = otherValue;
            }

            return new KpiValues(window.Kind, values, minimumSample: 1);
        }
    }
}
