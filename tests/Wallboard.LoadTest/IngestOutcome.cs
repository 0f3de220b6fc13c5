namespace Wallboard.LoadTest;

/// <summary>What one worker of <see cref="IngestRun"/> counted, merged at the end.</summary>
internal sealed class IngestOutcome
{
    public List<double> LatenciesMs { get; } = [];

    public long Requests { get; set; }

    public long Accepted { get; set; }

    public long Duplicates { get; set; }

    public long Late { get; set; }

    public long Rejected { get; set; }

    public long Errors { get; set; }

    public string? FirstError { get; set; }

    public void Add(IngestOutcome other)
    {
        LatenciesMs.AddRange(other.LatenciesMs);
        Requests += other.Requests;
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Late += other.Late;
        Rejected += other.Rejected;
        Errors += other.Errors;
        FirstError ??= other.FirstError;
    }

    public void Error(string reason)
    {
        Errors++;
        FirstError ??= reason;
    }
}
