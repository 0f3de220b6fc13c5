using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Wallboard.Server.Realtime;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Realtime;

/// <summary>
/// The channel on a transport the test reads (or not) by hand: a client busy with one write misses pushes, and
/// gets the state it missed before anything newer. The catch-up here names what it stands for, so that the
/// order of what the client got can be read off the wire.
/// </summary>
public partial class ClientChannelTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TryWrite_WhileAWriteIsInFlight_SkipsThePushesAndWritesTheMissedStateBeforeAnythingNewer()
    {
        await using var stalled = new StalledConnection();
        var channel = new ClientChannel(stalled.Context);
        var catchUps = new List<PushKinds>();
        SerializedHubMessage CatchUp(ClientChannel client, PushKinds kind)
        {
            lock (catchUps)
            {
                catchUps.Add(kind);
            }

            return Message("state of " + kind);
        }

        Assert.True(channel.TryWrite(Message("kpis 1"), PushKinds.Kpis, CatchUp));
        Assert.False(channel.TryWrite(Message("kpis 2"), PushKinds.Kpis, CatchUp));
        Assert.False(channel.TryWrite(Message("status 1"), PushKinds.Status, CatchUp));
        Assert.False(channel.TryWrite(Message("kpis 3"), PushKinds.Kpis, CatchUp));
        Assert.Equal(3, channel.Skipped);
        Assert.True(channel.NeedsResync);
        Assert.Empty(catchUps);

        // Each read lets one write through (the transport holds one byte before it makes the writer wait).
        await Eventually.TrueAsync(
            () =>
            {
                stalled.Read();
                return Arguments(stalled.Written).Count == 3 && !channel.Busy;
            },
            Timeout,
            "the write in flight and both missed states are read");
        Assert.False(channel.NeedsResync);
        Assert.True(channel.TryWrite(Message("kpis 4"), PushKinds.Kpis, CatchUp));
        await Eventually.TrueAsync(
            () =>
            {
                stalled.Read();
                return Arguments(stalled.Written).Count == 4;
            },
            Timeout,
            "the next push is read");

        Assert.Equal(["kpis 1", "state of Kpis", "state of Status", "kpis 4"], Arguments(stalled.Written));
        Assert.Equal([PushKinds.Kpis, PushKinds.Status], catchUps);
        Assert.Equal(3, channel.Skipped);
    }

    [Fact]
    public async Task TryWrite_MissedKindTheClientDoesNotWatch_WritesNothingForItAndLetsTheChannelGo()
    {
        await using var stalled = new StalledConnection();
        var channel = new ClientChannel(stalled.Context);
        static SerializedHubMessage? CatchUp(ClientChannel client, PushKinds kind) => kind == PushKinds.Agents ? null : Message("state of " + kind);

        Assert.True(channel.TryWrite(Message("boards"), PushKinds.Boards, CatchUp));
        Assert.False(channel.TryWrite(Message("agents 1"), PushKinds.Agents, CatchUp));
        await Eventually.TrueAsync(
            () =>
            {
                stalled.Read();
                return !channel.Busy;
            },
            Timeout,
            "the channel is free again");
        Assert.False(channel.NeedsResync);
        Assert.True(channel.TryWrite(Message("kpis 1"), PushKinds.Kpis, CatchUp));
        await Eventually.TrueAsync(
            () =>
            {
                stalled.Read();
                return Arguments(stalled.Written).Count == 2;
            },
            Timeout,
            "the push after the catch-up is read");

        Assert.Equal(["boards", "kpis 1"], Arguments(stalled.Written));
    }

    [Fact]
    public async Task TryWrite_AlertWhileBusy_IsLeftToTheCallerAndMarksNothingMissed()
    {
        await using var stalled = new StalledConnection();
        var channel = new ClientChannel(stalled.Context);
        static SerializedHubMessage CatchUp(ClientChannel client, PushKinds kind) => Message("state of " + kind);

        Assert.True(channel.TryWrite(Message("kpis 1"), PushKinds.Kpis, CatchUp));
        Assert.False(channel.TryWrite(Message("alert 1"), PushKinds.None, CatchUp));

        Assert.False(channel.NeedsResync);
        Assert.Equal(0, channel.Skipped);
        stalled.Read();
        Assert.Equal(["kpis 1"], Arguments(stalled.Written));
    }

    /// <summary>
    /// A client reading as fast as it can while pushes race the ends of its writes (the race a real socket hit in CI:
    /// a push slipped in between a write's end and the catch-up of what the client had missed). Each push carries
    /// state n as a change on state n - 1; a catch-up carries the latest state whole. Whatever the timing, no change
    /// may reach the client ahead of a state it missed, and the client ends on the last state.
    /// </summary>
    [Fact]
    public async Task TryWrite_PushesRacingTheEndsOfWrites_NeverShowAChangeAheadOfAMissedState()
    {
        const int Pushes = 3000;
        await using var stalled = new StalledConnection();
        var channel = new ClientChannel(stalled.Context);
        var latest = 0;
        SerializedHubMessage CatchUp(ClientChannel client, PushKinds kind) => Message($"full {Volatile.Read(ref latest)}");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Timeout);
        var reader = Task.Run(
            async () =>
            {
                var read = new StringBuilder();
                while (!read.ToString().Contains($"\"full {Pushes}\"", StringComparison.Ordinal) && !read.ToString().Contains($"\"change {Pushes}\"", StringComparison.Ordinal))
                {
                    read.Append(await stalled.ReadAsync(deadline.Token));
                }

                return read.ToString();
            },
            deadline.Token);
        var written = 0;
        var spacing = new Random(42);
        for (var state = 1; state <= Pushes; state++)
        {
            Volatile.Write(ref latest, state);
            written += channel.TryWrite(Message($"change {state}"), PushKinds.Kpis, CatchUp) ? 1 : 0;

            // Pushes spaced by work of random length (a tick's reads and serialization), so that they land before,
            // during and after the ends of writes; this is not a wait for anything.
            Thread.SpinWait(spacing.Next(0, 40_000));
        }

        var shown = 0;
        var fulls = 0;
        foreach (var message in Arguments(await reader))
        {
            var state = int.Parse(message.AsSpan(message.IndexOf(' ', StringComparison.Ordinal) + 1), provider: null);
            if (message.StartsWith("full ", StringComparison.Ordinal))
            {
                Assert.True(state >= shown, $"a catch-up went back from state {shown} to {state}");
                fulls++;
            }
            else
            {
                Assert.True(state <= shown + 1, $"the change to state {state} reached a client that showed state {shown}: states in between were missed");
            }

            shown = Math.Max(shown, state);
        }

        Assert.Equal(Pushes, shown);
        TestContext.Current.TestOutputHelper?.WriteLine($"{written} changes written, {channel.Skipped} skipped, {fulls} catch-ups");
        Assert.Equal(Pushes - written, channel.Skipped);
        Assert.True(fulls > 0 || channel.Skipped == 0, "pushes were skipped but no catch-up was written");
    }

    private static SerializedHubMessage Message(string text) => new(new InvocationMessage("Push", [text]));

    private static List<string> Arguments(string wire) => [.. ArgumentPattern().Matches(wire).Select(match => match.Groups[1].Value)];

    [GeneratedRegex("\"arguments\":\\[\"([^\"]*)\"\\]")]
    private static partial Regex ArgumentPattern();
}
