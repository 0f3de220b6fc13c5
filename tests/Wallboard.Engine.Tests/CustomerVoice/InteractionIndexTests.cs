using Wallboard.Engine.CustomerVoice;

namespace Wallboard.Engine.Tests.CustomerVoice;

public class InteractionIndexTests
{
    [Fact]
    public void Set_SameKeyAgain_ReplacesThePosition()
    {
        var index = new InteractionIndex();

        index.Set(42, 0);
        index.Set(42, 7);

        Assert.Equal(7, index.Find(42));
        Assert.Equal(1, index.Count);
        Assert.Equal(-1, index.Find(43));
    }

    [Fact]
    public void RemoveIfAt_KeyMovedToALaterPosition_KeepsIt()
    {
        var index = new InteractionIndex();
        index.Set(42, 0);
        index.Set(42, 7);

        index.RemoveIfAt(42, 0);
        Assert.Equal(7, index.Find(42));

        index.RemoveIfAt(42, 7);
        Assert.Equal(-1, index.Find(42));
        Assert.Equal(0, index.Count);
    }

    // 600 keys (a table of 1024 slots) whose low 10 bits take 7 values around the end of the table: one run
    // of slots that wraps, so removals shift entries back across it and across the wrap. The table must answer
    // like a dictionary through growth and removal in any order.
    [Fact]
    public void SetFindRemove_RandomKeysWithCollidingHomes_MatchADictionary()
    {
        var random = new Random(7);
        var index = new InteractionIndex();
        var expected = new Dictionary<ulong, long>();
        var keys = Enumerable.Range(0, 600).Select(i => ((ulong)random.NextInt64() << 10) | (uint)((1020 + (i % 7)) & 1023)).ToArray();

        for (long position = 0; position < 40_000; position++)
        {
            var key = keys[random.Next(keys.Length)];
            if (random.Next(3) == 0 && expected.TryGetValue(key, out var at))
            {
                // Half the time at a position the key has left, which must change nothing.
                var asked = random.Next(2) == 0 ? at : at - 1;
                index.RemoveIfAt(key, asked);
                if (asked == at)
                {
                    expected.Remove(key);
                }
            }
            else
            {
                index.Set(key, position);
                expected[key] = position;
            }

            if (position % 97 == 0)
            {
                Assert.Equal(expected.Count, index.Count);
                foreach (var probe in keys)
                {
                    Assert.Equal(expected.TryGetValue(probe, out var known) ? known : -1, index.Find(probe));
                }
            }
        }
    }
}
