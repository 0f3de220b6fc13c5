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

    /// <param name="killAtBatch">The batch in flight (or about to be sent) when the process is killed.</param>
    /// <param name="postInFlight">Kill once the batch's body is on the wire, before the answer; otherwise between two requests.</param>
    /// <param name="checkpointFirst">Checkpoint every second and wait for one before the kill; otherwise never checkpoint (the whole log is replayed).</param>
    [Theory(Timeout = 120_000)]
    [InlineData(6, true, false)]
    [InlineData(38, true, true)]
    [InlineData(69, false, true)]
    public async Task Recover_AfterKill9MidStream_EqualsAnUninterruptedRun(int killAtBatch, bool postInFlight, bool checkpointFirst)
    {
        Assert.True(Traffic.ExpectedDuplicates > 0 && Traffic.ExpectedLate > 0, "the stream holds duplicates and late events");
        var batches = Traffic.Batches(BatchSize);
        var interval = checkpointFirst ? "00:00:01" : "01:00:00";
        Action<IDictionary<string, string>> settings = values => values["Redis__CheckpointInterval"] = interval;
        var (first, second) = await StartPairAsync(settings);
        await using var reference = first;
        await using var victim = second;
        var referenceFeed = FeedReferenceAsync(reference, batches);

        for (var i = 0; i < killAtBatch; i++)
        {
            if (checkpointFirst && i == killAtBatch - 2)
            {
                // The entries after this checkpoint are then replayed from the log on restart.
                await WaitForCheckpointOfAllAsync(victim.KeyPrefix);
            }

            await victim.PostAcceptedAsync(batches[i]);
        }

        var inFlightAnswered = false;
        if (postInFlight)
        {
            inFlightAnswered = await PostAndKillAsync(victim, batches[killAtBatch]);
        }
        else
        {
            await victim.KillAsync();
        }

        Assert.True(victim.HasExited);
        await using var restarted = await StartAsync(settings, victim.KeyPrefix);

        // The producer never saw an answer for the batch in flight (or lost track of the one before):
        // it sends both again. Everything already taken must be a duplicate now.
        var previous = await restarted.PostAcceptedAsync(batches[killAtBatch - 1]);
        Assert.Equal(CountEvents(batches[killAtBatch - 1]), (int)previous["duplicates"]!);
        var retried = await restarted.PostAcceptedAsync(batches[killAtBatch]);
        if (inFlightAnswered)
        {
            Assert.Equal(CountEvents(batches[killAtBatch]), (int)retried["duplicates"]!);
        }

        foreach (var batch in batches.Skip(killAtBatch + 1))
        {
            await restarted.PostAcceptedAsync(batch);
        }

        await referenceFeed.WaitAsync(TestContext.Current.CancellationToken);
        var recovered = RecoveryLine(restarted);
        if (checkpointFirst)
        {
            Assert.DoesNotContain("checkpoint at 0-0,", recovered, StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("Recovered: checkpoint at 0-0, then ", recovered, StringComparison.Ordinal);
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

    private static async Task FeedReferenceAsync(ServerProcess reference, IReadOnlyList<string> batches)
    {
        var (accepted, duplicates, late) = (0, 0, 0);
        foreach (var batch in batches)
        {
            var answer = await reference.PostAcceptedAsync(batch);
            Assert.Empty(answer["rejected"]!.AsArray());
            accepted += (int)answer["accepted"]!;
            duplicates += (int)answer["duplicates"]!;
            late += (int)answer["late"]!;
        }

        Assert.Equal((Traffic.ExpectedAccepted, Traffic.ExpectedDuplicates, Traffic.ExpectedLate), (accepted, duplicates, late));
    }

    // Starts the POST, kills the process as soon as the whole body is on the wire, and reports whether
    // the server still managed to answer 202 before it died.
    private static async Task<bool> PostAndKillAsync(ServerProcess victim, string batch)
    {
        var content = new SignalingContent(batch);
        var post = victim.Client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), content, TestContext.Current.CancellationToken);
        await content.Sent.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await victim.KillAsync();
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

    private static int OfferedToday(SortedDictionary<string, string> kpis) =>
        (int)(double)JsonNode.Parse(kpis["all today"])!["values"]!["offered"]!;

    private static int CountEvents(string batch) => JsonNode.Parse(batch)!.AsArray().Count;

    /// <summary>A JSON body that says when it has been written to the connection.</summary>
    private sealed class SignalingContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SignalingContent(string json)
        {
            _body = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        public Task Sent => _sent.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_body);
            await stream.FlushAsync();
            _sent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
