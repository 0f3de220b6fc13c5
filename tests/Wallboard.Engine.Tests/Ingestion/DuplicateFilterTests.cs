using Wallboard.Engine.Checkpoints;
using Wallboard.Engine.Ingestion;

namespace Wallboard.Engine.Tests.Ingestion;

public class DuplicateFilterTests
{
    private const long Hour = 3_600_000;

    // 50,000 ids: the set grows seven times on the way, and every id must still be found after.
    [Fact]
    public void TryRecord_ManyIdsThenEachAgain_AcceptsEachOnceOnly()
    {
        var filter = new DuplicateFilter(TimeSpan.FromHours(24));
        var ids = Enumerable.Range(0, 50_000).Select(i => $"e-{i}").ToArray();

        Assert.All(ids, id => Assert.True(filter.TryRecord(id, 1_000)));
        Assert.Equal(ids.Length, filter.Count);

        Assert.All(ids, id => Assert.False(filter.TryRecord(id, 2_000)));
        Assert.Equal(ids.Length, filter.Count);
    }

    [Fact]
    public void TryRecord_IdJustRecorded_IsADuplicate()
    {
        var filter = new DuplicateFilter(TimeSpan.FromHours(24));
        Assert.True(filter.TryRecord("a", 1_000));
        Assert.True(filter.TryRecord("b", 1_000));

        Assert.False(filter.TryRecord("a", 1_000));
        Assert.False(filter.TryRecord("b", 1_000));
    }

    [Fact]
    public void Expire_PastTheHorizon_ForgetsTheIdsOfTheOldBucketsOnly()
    {
        var filter = new DuplicateFilter(TimeSpan.FromHours(24));
        var early = Enumerable.Range(0, 20_000).Select(i => $"early-{i}").ToArray();
        var late = Enumerable.Range(0, 20_000).Select(i => $"late-{i}").ToArray();
        Assert.All(early, id => Assert.True(filter.TryRecord(id, 0)));
        Assert.All(late, id => Assert.True(filter.TryRecord(id, 12 * Hour)));

        filter.Expire(25 * Hour);

        Assert.Equal(late.Length, filter.Count);
        Assert.All(late, id => Assert.False(filter.TryRecord(id, 25 * Hour)));
        Assert.All(early, id => Assert.True(filter.TryRecord(id, 25 * Hour)));
    }

    [Fact]
    public void Load_Checkpoint_KnowsEveryIdItHeld()
    {
        var filter = new DuplicateFilter(TimeSpan.FromHours(24));
        var ids = Enumerable.Range(0, 30_000).Select(i => $"e-{i}").ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.True(filter.TryRecord(ids[i], i * 1_000L));
        }

        var buffers = new CheckpointBuffers();
        var image = filter.Capture(buffers);
        using var stream = new MemoryStream();
        using (var writer = new CheckpointWriter(stream))
        {
            image.WriteTo(writer, buffers);
            writer.Flush();
        }

        var loaded = new DuplicateFilter(TimeSpan.FromHours(24));
        using (var reader = new CheckpointReader(new MemoryStream(stream.ToArray())))
        {
            loaded.Load(reader);
        }

        Assert.Equal(ids.Length, loaded.Count);
        Assert.All(ids, id => Assert.False(loaded.TryRecord(id, ids.Length * 1_000L)));
        Assert.True(loaded.TryRecord("new", ids.Length * 1_000L));
    }
}
