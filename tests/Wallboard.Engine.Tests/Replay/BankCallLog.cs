using System.Globalization;
using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Replay;

/// <summary>
/// The Anonymous Bank call log (tab-separated, one row per call) and its conversion to contract events.
/// The mapping and the rows it leaves out are described in docs/replay.md.
/// </summary>
internal sealed class BankCallLog
{
    public const string Header =
        "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver";

    public const string Channel = "voice";

    private BankCallLog(IReadOnlyList<BankCall> calls) => Calls = calls;

    /// <summary>Every row of the file, in file order.</summary>
    public IReadOnlyList<BankCall> Calls { get; }

    public static BankCallLog Read(string path) => Parse(File.ReadLines(path));

    public static BankCallLog Parse(IEnumerable<string> lines)
    {
        var calls = new List<BankCall>();
        var row = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            row++;
            if (row == 1)
            {
                if (line != Header)
                {
                    throw new FormatException($"Unexpected header: {line}");
                }

                continue;
            }

            if (line.Length > 0)
            {
                calls.Add(ParseRow(row, line));
            }
        }

        return new BankCallLog(calls);
    }

    /// <summary>The rows that become events (answered, abandoned, served without a queue).</summary>
    public static bool IsReplayed(BankCallFate fate) =>
        fate is BankCallFate.Answered or BankCallFate.Abandoned or BankCallFate.ServedWithoutQueue;

    public static BankCallFate Classify(BankCall call)
    {
        if (call.Outcome == "PHANTOM")
        {
            return BankCallFate.Phantom;
        }

        if (call.Outcome is not ("AGENT" or "HANG"))
        {
            throw new FormatException($"Row {call.Row}: unknown outcome '{call.Outcome}'.");
        }

        if (call.QueueStart is not { } queueStart)
        {
            return call.QueueExit is not null ? BankCallFate.InconsistentTimes
                : call.Outcome == "HANG" ? BankCallFate.LeftInVru
                : ClassifyService(call) ?? BankCallFate.ServedWithoutQueue;
        }

        if (call.QueueExit is not { } queueExit)
        {
            return BankCallFate.InconsistentTimes;
        }

        if (queueExit < queueStart)
        {
            return BankCallFate.QueueCrossesMidnight;
        }

        if (call.QueueSeconds != queueExit - queueStart)
        {
            return BankCallFate.InconsistentTimes;
        }

        if (call.Outcome == "HANG")
        {
            return BankCallFate.Abandoned;
        }

        return ClassifyService(call)
            ?? (call.ServiceExit < queueExit ? BankCallFate.ServiceEndsBeforeAnswer : BankCallFate.Answered);
    }

    /// <summary>How many rows have each fate (every fate listed, zero included).</summary>
    public IReadOnlyDictionary<BankCallFate, int> CountByFate()
    {
        var counts = Enum.GetValues<BankCallFate>().ToDictionary(fate => fate, _ => 0);
        foreach (var call in Calls)
        {
            counts[Classify(call)]++;
        }

        return counts;
    }

    /// <summary>Every replayed row, in file order.</summary>
    public IReadOnlyList<BankCall> Replayed() => [.. Calls.Where(call => IsReplayed(Classify(call)))];

    /// <summary>The replayed rows of the given days, in file order.</summary>
    public IReadOnlyList<BankCall> ReplayedOn(params DateOnly[] days) =>
        [.. Calls.Where(call => days.Contains(call.Date) && IsReplayed(Classify(call)))];

    /// <summary>The events of <paramref name="calls"/> sorted by time; a call's own events keep their causal order on ties.</summary>
    public static IReadOnlyList<WallboardEvent> ToEvents(IEnumerable<BankCall> calls) =>
        [.. calls.SelectMany(EventsOf).OrderBy(contactEvent => contactEvent.Timestamp)];

    public static IEnumerable<WallboardEvent> EventsOf(BankCall call)
    {
        var contactId = call.ContactId;
        var fate = Classify(call);
        if (fate is BankCallFate.Answered or BankCallFate.Abandoned)
        {
            var customerId = call.CustomerId == "0" ? null : call.CustomerId;
            yield return new ContactQueued(contactId + "/queued", call.At(call.QueueStart!.Value), contactId, call.Service, Channel, customerId);
        }

        switch (fate)
        {
            case BankCallFate.Answered:
                yield return new ContactAnswered(contactId + "/answered", call.At(call.QueueExit!.Value), contactId, call.Server);
                yield return Completed(call);
                break;
            case BankCallFate.Abandoned:
                yield return new ContactAbandoned(contactId + "/abandoned", call.At(call.QueueExit!.Value), contactId);
                break;
            case BankCallFate.ServedWithoutQueue:
                yield return Completed(call);
                break;
            default:
                break;
        }
    }

    private static ContactCompleted Completed(BankCall call) => new(
        call.ContactId + "/completed",
        call.At(call.ServiceExit!.Value),
        call.ContactId,
        call.Server,
        TalkSeconds: call.ServiceSeconds,
        HoldSeconds: 0,
        WrapSeconds: 0,
        Resolved: null,
        ContactOutcome.None);

    private static BankCallFate? ClassifyService(BankCall call)
    {
        if (call.ServiceStart is not { } serviceStart || call.ServiceExit is not { } serviceExit)
        {
            return BankCallFate.NoServiceTimes;
        }

        if (serviceExit < serviceStart)
        {
            return BankCallFate.ServiceCrossesMidnight;
        }

        return call.ServiceSeconds != serviceExit - serviceStart ? BankCallFate.InconsistentTimes : null;
    }

    private static BankCall ParseRow(int row, string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 17)
        {
            throw new FormatException($"Row {row}: {fields.Length} fields instead of 17.");
        }

        return new BankCall(
            row,
            VruLine: fields[0],
            CallId: fields[1],
            CustomerId: fields[2],
            Service: fields[4],
            Date: ParseDate(fields[5]),
            QueueStart: ParseTime(fields[9]),
            QueueExit: ParseTime(fields[10]),
            QueueSeconds: int.Parse(fields[11], CultureInfo.InvariantCulture),
            Outcome: fields[12],
            ServiceStart: ParseTime(fields[13]),
            ServiceExit: ParseTime(fields[14]),
            ServiceSeconds: int.Parse(fields[15], CultureInfo.InvariantCulture),
            Server: fields[16]);
    }

    // yymmdd; the data is from 1999.
    private static DateOnly ParseDate(string text)
    {
        var yy = int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture);
        return new DateOnly(
            yy >= 50 ? 1900 + yy : 2000 + yy,
            int.Parse(text.AsSpan(2, 2), CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture));
    }

    // H:MM:SS as seconds after midnight; 0:00:00 means "did not happen".
    private static int? ParseTime(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            throw new FormatException($"Time '{text}' is not H:MM:SS.");
        }

        var seconds = (int.Parse(parts[0], CultureInfo.InvariantCulture) * 3600)
            + (int.Parse(parts[1], CultureInfo.InvariantCulture) * 60)
            + int.Parse(parts[2], CultureInfo.InvariantCulture);
        return seconds == 0 ? null : seconds;
    }
}
