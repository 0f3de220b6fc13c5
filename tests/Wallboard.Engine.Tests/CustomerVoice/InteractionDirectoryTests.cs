using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.CustomerVoice;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.CustomerVoice;

public class InteractionDirectoryTests
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);
    private static readonly Interaction Sales = new("sales", "voice", "a1", null);
    private static readonly Interaction Support = new("support", "chat", "a2", "billing");

    private readonly EngineClock _clock = new(latenessMs: 0);

    [Fact]
    public void Contact_WrittenExactlyTheMemoryAgo_IsForgotten()
    {
        var directory = new InteractionDirectory(_clock, Memory);
        directory.RememberContact("c1", Sales, 1_000);

        _clock.AdvanceTo(1_000 + 599_999);
        directory.Expire();
        Assert.Equal(Sales, directory.Contact("c1"));

        _clock.AdvanceTo(1_000 + 600_000);
        directory.Expire();
        Assert.Null(directory.Contact("c1"));
        Assert.Equal(0, directory.Count);
    }

    [Fact]
    public void ContactAndTicket_SameId_AreKeptApart()
    {
        var directory = new InteractionDirectory(_clock, Memory);

        directory.RememberContact("x1", Sales, 0);
        directory.RememberTicket("x1", Support, 0);

        Assert.Equal(Sales, directory.Contact("x1"));
        Assert.Equal(Support, directory.Ticket("x1"));
        Assert.Null(directory.Contact("x2"));
        Assert.Null(directory.Ticket(null));
        Assert.Equal(2, directory.Count);
    }

    [Fact]
    public void Ticket_WrittenAgain_AnswersWithTheLatestForTheMemoryAfterIt()
    {
        var directory = new InteractionDirectory(_clock, Memory);
        directory.RememberTicket("t1", Sales, 0);
        directory.RememberTicket("t1", Support, 300_000);

        // The first entry is forgotten, the ticket is not.
        _clock.AdvanceTo(600_000);
        directory.Expire();
        Assert.Equal(Support, directory.Ticket("t1"));
        _clock.AdvanceTo(900_000);
        directory.Expire();
        Assert.Null(directory.Ticket("t1"));
    }

    // Written late with an older time, an entry waits behind a newer one to leave the log, but stops
    // answering on time.
    [Fact]
    public void Contact_WrittenAfterANewerOne_StopsAnsweringOnTime()
    {
        var directory = new InteractionDirectory(_clock, Memory);
        directory.RememberContact("new", Sales, 500_000);
        directory.RememberContact("old", Support, 100_000);

        _clock.AdvanceTo(700_000);
        directory.Expire();

        Assert.Null(directory.Contact("old"));
        Assert.Equal(Sales, directory.Contact("new"));
    }

    // Entries live in chunks of 16,384 that are reused as the oldest are forgotten: many chunks' worth must
    // come and go without losing or confusing one.
    [Fact]
    public void Contacts_ManyChunksWrittenAndForgotten_AnswerForExactlyTheLastMemory()
    {
        var directory = new InteractionDirectory(_clock, Memory);
        const int PerMinute = 5_000;
        for (var minute = 0; minute < 30; minute++)
        {
            for (var i = 0; i < PerMinute; i++)
            {
                directory.RememberContact($"c{minute}-{i}", i % 2 == 0 ? Sales : Support, minute * 60_000L);
            }

            _clock.AdvanceTo(minute * 60_000L);
            directory.Expire();
        }

        Assert.Equal(10 * PerMinute, directory.Count);
        Assert.Null(directory.Contact("c19-0"));
        Assert.Equal(Sales, directory.Contact("c20-0"));
        Assert.Equal(Support, directory.Contact("c29-4999"));
    }

    [Fact]
    public void Load_WhatCaptureWrote_AnswersTheSame()
    {
        var directory = new InteractionDirectory(_clock, Memory);
        for (var i = 0; i < 20_000; i++)
        {
            directory.RememberContact($"c{i}", i % 3 == 0 ? Sales : Support, i * 20L);
        }

        directory.RememberTicket("t1", Sales, 0);
        directory.RememberTicket("t1", Support, 390_000);
        _clock.AdvanceTo(719_980);
        directory.Expire();
        var buffers = new CheckpointBuffers();
        directory.Capture(buffers);
        using var stream = new MemoryStream();
        using (var writer = new CheckpointWriter(stream))
        {
            InteractionDirectory.Write(writer, buffers);
            writer.Flush();
        }

        var loaded = new InteractionDirectory(_clock, Memory);
        using (var reader = new CheckpointReader(new MemoryStream(stream.ToArray())))
        {
            loaded.Load(reader);
        }

        Assert.Equal(directory.Count, loaded.Count);
        foreach (var id in new[] { "c0", "c5999", "c6000", "c6001", "c19999" })
        {
            Assert.Equal(directory.Contact(id), loaded.Contact(id));
        }

        // c5999 was written at 119,980 ms, the memory (600,000 ms) before the clock; c6000 20 ms later.
        Assert.Null(loaded.Contact("c5999"));
        Assert.Equal(Support, loaded.Contact("c6001"));
        Assert.Equal(Sales, loaded.Contact("c6000"));
        Assert.Equal(14_001, loaded.Count);
        Assert.Equal(Support, loaded.Ticket("t1"));
    }
}
