namespace Wallboard.LoadTest;

/// <summary>One push that moved a probe's <c>offered</c>: when its newest marker was posted, and the latencies measured.</summary>
/// <param name="SentAt">Stopwatch timestamp of the POST of the newest marker the push reflects.</param>
/// <param name="NewestMs">From that POST to receipt.</param>
/// <param name="OldestMs">From the POST of the oldest marker the client had not seen before, to receipt.</param>
internal readonly record struct ProbeSample(long SentAt, double NewestMs, double OldestMs);
