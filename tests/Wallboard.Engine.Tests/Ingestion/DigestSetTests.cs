using Wallboard.Engine.Ingestion;

// Not Wallboard.Engine.Tests.Ingestion yet: that namespace would shadow the relative `Ingestion.IngestStatus`
// in Checkpoints/WallboardEngineCheckpointTests.cs.
namespace Wallboard.Engine.Tests.Ingestion;

public class DigestSetTests
{
    // The initial table has 1024 slots, so digests with the same low 10 bits share a home slot.
    private const ulong LastSlot = 1023;

    [Fact]
    public void Add_NewDigest_ReturnsTrueAndCounts()
    {
        var set = new DigestSet();

        Assert.True(set.Add(new UInt128(7, 42)));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Add_SameDigestTwice_ReturnsFalse()
    {
        var set = new DigestSet();
        set.Add(new UInt128(7, 42));

        Assert.False(set.Add(new UInt128(7, 42)));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Remove_AddedDigest_ReturnsTrueAndAllowsAddingAgain()
    {
        var set = new DigestSet();
        set.Add(new UInt128(7, 42));

        Assert.True(set.Remove(new UInt128(7, 42)));
        Assert.Equal(0, set.Count);
        Assert.True(set.Add(new UInt128(7, 42)));
    }

    [Fact]
    public void Remove_UnknownDigest_ReturnsFalse()
    {
        var set = new DigestSet();
        set.Add(new UInt128(7, 42));

        Assert.False(set.Remove(new UInt128(8, 42)));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Remove_InsideARunThatWrapsAround_KeepsTheOthersFindable()
    {
        var set = new DigestSet();
        var sameHome = Enumerable.Range(1, 6).Select(upper => new UInt128((ulong)upper, LastSlot)).ToArray();
        var nextHome = new UInt128(99, 0);
        foreach (var digest in sameHome)
        {
            set.Add(digest);
        }

        set.Add(nextHome);

        Assert.True(set.Remove(sameHome[1]));
        Assert.True(set.Remove(sameHome[4]));

        Assert.False(set.Add(sameHome[0]));
        Assert.False(set.Add(sameHome[2]));
        Assert.False(set.Add(sameHome[3]));
        Assert.False(set.Add(sameHome[5]));
        Assert.False(set.Add(nextHome));
        Assert.Equal(5, set.Count);
    }

    [Fact]
    public void Add_DigestsWithOneHomeAndOneTag_AreToldApartByTheirOtherBits()
    {
        // The tag is the top 16 bits, with zero read as one: both digests have tag 1 and home slot 3.
        var set = new DigestSet();
        var first = new UInt128(0x0001_0000_0000_0005, 3);
        var second = new UInt128(0x0000_0000_0000_0005, 3);

        Assert.True(set.Add(first));
        Assert.True(set.Add(second));
        Assert.True(set.Remove(first));

        Assert.False(set.Remove(first));
        Assert.False(set.Add(second));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Add_ZeroDigest_IsStoredAsOne()
    {
        var set = new DigestSet();

        Assert.True(set.Add(UInt128.Zero));

        Assert.False(set.Add(UInt128.One));
        Assert.True(set.Remove(UInt128.One));
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void Add_ManyDigests_GrowsAndKeepsEveryOne()
    {
        var random = new Random(1);
        var digests = Enumerable.Range(0, 50_000)
            .Select(_ => new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64()))
            .Distinct()
            .ToArray();
        var set = new DigestSet();
        foreach (var digest in digests)
        {
            Assert.True(set.Add(digest));
        }

        for (var i = 0; i < digests.Length; i += 2)
        {
            Assert.True(set.Remove(digests[i]));
        }

        Assert.Equal(digests.Length / 2, set.Count);
        for (var i = 0; i < digests.Length; i++)
        {
            Assert.Equal(i % 2 == 0, set.Add(digests[i]));
        }
    }
}
