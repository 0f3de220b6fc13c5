using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Durability;

/// <summary>
/// Crash recovery of the real server process: a run killed with SIGKILL and restarted must end with
/// exactly the KPIs of a run that was never interrupted, fed the same stream.
/// </summary>
public class StateRecoveryTests(RedisFixture redis)
{
    private const int BatchSize = 50;
    private static readonly ContactCenterStream Traffic = ContactCenterStream.Generate(seed: 20261123, TimeSpan.FromMinutes(40));

    /// <summary>When, relative to the POST of the batch at the kill point, the process dies.</summary>
    public enum KillMoment
    {
        /// <summary>Half of the body is sent: the request can neither be logged nor answered.</summary>
        MidBody,

        /// <summary>The whole body is sent: the server may or may not have logged, applied or answered it.</summary>
        BodySent,

        /// <summary>No request is open: the previous one was answered, the next is not sent yet.</summary>
        BetweenPosts,
    }

    /// <param name="killAtBatch">The batch whose POST the kill interrupts (or precedes).</param>
    /// <param name="moment">When the process dies, relative to that POST.</param>
    /// <param name="checkpointFirst">
    /// Checkpoint every second and wait for one before the kill (restart = checkpoint + the log after it);
    /// otherwise never checkpoint (restart = the whole log replayed).
    /// </param>
    [Theory(Timeout = 120_000)]
    [InlineData(6, KillMoment.MidBody, false)]
    [InlineData(38, KillMoment.BodySent, true)]
    [InlineData(69, KillMoment.BetweenPosts, true)]
    public async Task Recover_AfterKill9MidStream_EqualsAnUninterruptedRun(int killAtBatch, KillMoment moment, bool checkpointFirst)
    {
        Assert.True(Traffic.ExpectedDuplicates > 0 && Traffic.ExpectedLate > 0, "the stream holds duplicates and late events");
        var batches = Traffic.Batches(BatchSize);
        var interval = checkpointFirst ? "00:00:01" : "01:00:00";
        Action<IDictionary<string, string>> settings = values => values["Redis__CheckpointInterval"] = interval;
        var (first, second) = await StartPairAsync(settings);
        await using var reference = first;
        await using var victim = second;
        var referenceFeed = FeedAsync(reference, batches);

        for (var i = 0; i < killAtBatch; i++)
        {
            if (checkpointFirst && i == killAtBatch - 2)
            {
                // The entries after this checkpoint are then replayed from the log on restart.
                await WaitForCheckpointOfAllAsync(victim.KeyPrefix);
            }

            await victim.PostAcceptedAsync(batches[i]);
        }

        var answeredBeforeDeath = moment switch
        {
            KillMoment.BetweenPosts => await KillAsync(victim),
            _ => await PostAndKillAsync(victim, batches[killAtBatch], halfway: moment == KillMoment.MidBody),
        };
        TestContext.Current.TestOutputHelper?.WriteLine($"killed at batch {killAtBatch} ({moment}); the open POST was answered 202: {answeredBeforeDeath}");
        Assert.True(victim.HasExited);
        await using var restarted = await StartAsync(settings, victim.KeyPrefix);

        // A producer that saw no answer sends the batch again, and one that lost track sends the one
        // before it too: what was taken before the crash must count as duplicates, never twice.
        var previous = await restarted.PostAcceptedAsync(batches[killAtBatch - 1]);
        Assert.Equal(AllDuplicates(batches[killAtBatch - 1]), Summary(previous));
        var retried = await restarted.PostAcceptedAsync(batches[killAtBatch]);
        var later = new List<string>();
        foreach (var batch in batches.Skip(killAtBatch + 1))
        {
            later.Add(Summary(await restarted.PostAcceptedAsync(batch)));
        }

        var expectedAnswers = await referenceFeed.WaitAsync(TestContext.Current.CancellationToken);
        var retriedAsNew = Summary(retried) == expectedAnswers[killAtBatch];
        if (moment != KillMoment.BodySent || answeredBeforeDeath)
        {
            Assert.Equal(answeredBeforeDeath ? AllDuplicates(batches[killAtBatch]) : expectedAnswers[killAtBatch], Summary(retried));
        }
        else
        {
            Assert.True(retriedAsNew || Summary(retried) == AllDuplicates(batches[killAtBatch]), $"retry answered {Summary(retried)}");
        }

        Assert.Equal(expectedAnswers.Skip(killAtBatch + 1), later);
        var recovered = RecoveryLine(restarted);
        TestContext.Current.TestOutputHelper?.WriteLine(recovered);
        if (checkpointFirst)
        {
            Assert.DoesNotContain("checkpoint at 0-0,", recovered, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith($"Recovered: checkpoint at 0-0, then {(retriedAsNew ? killAtBatch : killAtBatch + 1)} log entries", recovered, StringComparison.Ordinal);
        }

        Assert.Equal(await reference.ScopesAsync(), await restarted.ScopesAsync());
        var expected = await reference.AllKpisAsync();
        var actual = await restarted.AllKpisAsync();
        Assert.Equal(Traffic.ExpectedOffered, OfferedToday(expected));
        var differences = expected.Keys.Union(actual.Keys)
            .Where(key => expected.GetValueOrDefault(key) != actual.GetValueOrDefault(key))
            .Select(key => $"{key}:\n  uninterrupted {expected.GetValueOrDefault(key)}\n  restarted     {actual.GetValueOrDefault(key)}")
            .ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} of {expected.Count} scope × window rows differ ({recovered}):\n{string.Join('\n', differences.Take(20))}");
    }

    // Both at once, to halve the start-up time; neither is left running if the other fails.
    private async Task<(ServerProcess First, ServerProcess Second)> StartPairAsync(Action<IDictionary<string, string>> settings)
    {
        var starting = new[] { StartAsync(settings), StartAsync(settings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch (Exception)
        {
            foreach (var started in starting.Where(task => task.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        return (starting[0].Result, starting[1].Result);
    }

    private async Task<ServerProcess> StartAsync(Action<IDictionary<string, string>> settings, string? keyPrefix = null) =>
        await ServerProcess.StartAsync(redis.Server, keyPrefix ?? ServerProcess.NewKeyPrefix(), settings);

    // The uninterrupted run: every batch once, in order. Returns each batch's answer.
    private static async Task<IReadOnlyList<string>> FeedAsync(ServerProcess reference, IReadOnlyList<string> batches)
    {
        var answers = new List<string>(batches.Count);
        var (accepted, duplicates, late) = (0, 0, 0);
        foreach (var batch in batches)
        {
            var answer = await reference.PostAcceptedAsync(batch);
            answers.Add(Summary(answer));
            accepted += (int)answer["accepted"]!;
            duplicates += (int)answer["duplicates"]!;
            late += (int)answer["late"]!;
        }

        Assert.Equal((Traffic.ExpectedAccepted, Traffic.ExpectedDuplicates, Traffic.ExpectedLate), (accepted, duplicates, late));
        return answers;
    }

    private static async Task<bool> KillAsync(ServerProcess victim)
    {
        await victim.KillAsync();
        return false;
    }

    // Starts the POST, kills the process once half of the body (or all of it) is on the wire, and
    // reports whether the server still managed to answer 202 before it died.
    private static async Task<bool> PostAndKillAsync(ServerProcess victim, string batch, bool halfway)
    {
        var content = new SignalingContent(batch, halfway);
        var post = victim.Client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content, TestContext.Current.CancellationToken);
        await content.Sent.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await victim.KillAsync();
        content.Proceed();
        try
        {
            using var response = await post;
            return response.StatusCode == HttpStatusCode.Accepted;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    // Waits until the checkpoint (docs/redis.md: "WBCP1\n<log position>\n<state>") covers the newest log entry.
    private async Task WaitForCheckpointOfAllAsync(string keyPrefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var database = connection.GetDatabase();
        var newest = (await database.StreamRangeAsync(keyPrefix + "events", "-", "+", 1, Order.Descending)).Single().Id.ToString();
        await Eventually.TrueAsync(
            async () => ((string?)await database.StringGetAsync(keyPrefix + "checkpoint"))?.Split('\n')[1] == newest,
            TimeSpan.FromSeconds(30),
            $"a checkpoint under {keyPrefix} at log position {newest}");
    }

    private static string RecoveryLine(ServerProcess server)
    {
        var line = server.Output.Split('\n').SingleOrDefault(text => text.Contains("Recovered: checkpoint at ", StringComparison.Ordinal));
        Assert.True(line is not null, $"the restarted server logs its recovery:\n{server.Output}");
        return line[line.IndexOf("Recovered: ", StringComparison.Ordinal)..].TrimEnd();
    }

    private static string Summary(JsonObject answer)
    {
        Assert.Empty(answer["rejected"]!.AsArray());
        return $"{(int)answer["accepted"]!} accepted, {(int)answer["duplicates"]!} duplicates, {(int)answer["late"]!} late";
    }

    private static string AllDuplicates(string batch) => $"0 accepted, {JsonNode.Parse(batch)!.AsArray().Count} duplicates, 0 late";

    private static int OfferedToday(SortedDictionary<string, string> kpis) =>
        (int)(double)JsonNode.Parse(kpis["all today"])!["values"]!["offered"]!;

    /// <summary>A JSON body that says when it (or its first half) is on the wire, and can hold back the rest.</summary>
    private sealed class SignalingContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly bool _halfway;
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _proceed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SignalingContent(string json, bool halfway)
        {
            _body = Encoding.UTF8.GetBytes(json);
            _halfway = halfway;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        public Task Sent => _sent.Task;

        public void Proceed() => _proceed.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var split = _halfway ? _body.Length / 2 : _body.Length;
            await stream.WriteAsync(_body.AsMemory(0, split));
            await stream.FlushAsync();
            _sent.TrySetResult();
            if (_halfway)
            {
                await _proceed.Task;
                await stream.WriteAsync(_body.AsMemory(split));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
