namespace Wallboard.Engine.Tests.Replay;

/// <summary>
/// A brute-force reading of spec/kpis.md over the bank's rows, written without any code of the engine:
/// for a clock second N and a window, one plain pass over every row adds each measurement whose second T
/// is in the window (sliding: N − W &lt; T ≤ N; today: UTC midnight of N ≤ T ≤ N) to the scopes it belongs to.
/// Waits and talk times are the ACD's own q_time and ser_time columns, not differences of event times.
/// </summary>
internal sealed class BankCallOracle
{
    public const int ServiceLevelSeconds = 20;
    public const int ShortAbandonSeconds = 5;
    public const string All = "all";
    public const string Voice = "channel:" + BankCallLog.Channel;

    private const long SecondsPerDay = 86_400;

    private readonly List<Row> _rows;

    public BankCallOracle(IEnumerable<BankCall> calls) =>
        _rows = [.. calls.Select(call => new Row(call, BankCallLog.Classify(call)))];

    /// <summary>Every scope the rows can touch: all, the voice channel, each queue, each agent.</summary>
    public IReadOnlyList<string> Scopes() =>
        [.. _rows.SelectMany(row => row.QueueScopes.Concat(row.AnswerScopes).Concat(row.CompletionScopes)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The tallies at clock second <paramref name="nowSecond"/> of a sliding window of <paramref name="windowMinutes"/>, or of today when null.</summary>
    public Dictionary<string, OracleTally> Tally(long nowSecond, int? windowMinutes)
    {
        var fromSecond = windowMinutes is { } minutes
            ? nowSecond - (minutes * 60L) + 1
            : nowSecond - (((nowSecond % SecondsPerDay) + SecondsPerDay) % SecondsPerDay);
        var tallies = new Dictionary<string, OracleTally>(StringComparer.Ordinal);
        bool InWindow(long? second) => second >= fromSecond && second <= nowSecond;
        OracleTally In(string scope)
        {
            if (!tallies.TryGetValue(scope, out var tally))
            {
                tally = new OracleTally();
                tallies.Add(scope, tally);
            }

            return tally;
        }

        foreach (var row in _rows)
        {
            if (InWindow(row.QueuedSecond))
            {
                foreach (var scope in row.QueueScopes)
                {
                    In(scope).Offered++;
                }
            }

            if (row.Fate == BankCallFate.Answered && InWindow(row.LeftSecond))
            {
                foreach (var scope in row.AnswerScopes)
                {
                    var tally = In(scope);
                    tally.Answered++;
                    tally.AnswerWaitSeconds += row.Wait;
                    tally.AnsweredWithinServiceLevel += row.Wait <= ServiceLevelSeconds ? 1 : 0;
                    tally.Leave(row.Wait);
                }
            }

            if (row.Fate == BankCallFate.Abandoned && InWindow(row.LeftSecond))
            {
                foreach (var scope in row.QueueScopes)
                {
                    var tally = In(scope);
                    tally.Abandoned++;
                    tally.AbandonWaitSeconds += row.Wait;
                    tally.ShortAbandoned += row.Wait < ShortAbandonSeconds ? 1 : 0;
                    tally.Leave(row.Wait);
                }
            }

            if (InWindow(row.CompletedSecond))
            {
                foreach (var scope in row.CompletionScopes)
                {
                    var tally = In(scope);
                    tally.Completed++;
                    tally.HandleSeconds += row.Talk;
                }
            }
        }

        return tallies;
    }

    /// <summary>
    /// A row's measurement seconds (null where it has none) and the scopes each counts in, worked out once.
    /// A call served without queueing never had a queue or channel in the event stream: its completion counts
    /// in all and its agent only.
    /// </summary>
    private sealed class Row
    {
        public Row(BankCall call, BankCallFate fate)
        {
            Fate = fate;
            var queued = fate is BankCallFate.Answered or BankCallFate.Abandoned;
            var served = fate is BankCallFate.Answered or BankCallFate.ServedWithoutQueue;
            var queue = "queue:" + call.Service;
            var agent = "agent:" + call.Server;
            QueuedSecond = queued ? call.UnixSecond(call.QueueStart!.Value) : null;
            LeftSecond = queued ? call.UnixSecond(call.QueueExit!.Value) : null;
            CompletedSecond = served ? call.UnixSecond(call.ServiceExit!.Value) : null;
            Wait = call.QueueSeconds;
            Talk = call.ServiceSeconds;
            QueueScopes = queued ? [All, queue, Voice] : [];
            AnswerScopes = fate == BankCallFate.Answered ? [All, queue, Voice, agent] : [];
            CompletionScopes = fate == BankCallFate.Answered ? AnswerScopes : served ? [All, agent] : [];
        }

        public BankCallFate Fate { get; }

        public long? QueuedSecond { get; }

        public long? LeftSecond { get; }

        public long? CompletedSecond { get; }

        public long Wait { get; }

        public long Talk { get; }

        public string[] QueueScopes { get; }

        public string[] AnswerScopes { get; }

        public string[] CompletionScopes { get; }
    }
}
