namespace Wallboard.Engine.CustomerVoice;

/// <summary>
/// Where each key of <see cref="InteractionDirectory"/> was last remembered: a map from 64-bit digests to
/// positions in its log, by open addressing with linear probing in one power-of-two array, at most three
/// quarters full.
/// </summary>
/// <remarks>
/// The directory holds two days of contacts, millions of them, and each contact is written once and forgotten
/// once. A <see cref="Dictionary{TKey, TValue}"/> keyed by the id string cost about three cache misses for
/// each (bucket, entry, and the id string compared or hashed, written days earlier); one array of 16-byte
/// slots costs one. A slot holds the digest, whose low bits also choose its home slot, and the position plus
/// one (zero marks an empty slot). Two ids are taken for one another only if their digests are equal:
/// with millions held, a chance of about 10^-12 per lookup, and the cost would be a survey counted under
/// another contact's queue.
/// </remarks>
internal sealed class InteractionIndex
{
    private const int InitialCapacity = 1024;

    private Slot[] _slots = new Slot[InitialCapacity];
    private int _mask = InitialCapacity - 1;

    public int Count { get; private set; }

    /// <summary>The position last set for <paramref name="key"/>, or -1.</summary>
    public long Find(ulong key)
    {
        for (var slot = HomeOf(key); _slots[slot].PositionPlusOne != 0; slot = (slot + 1) & _mask)
        {
            if (_slots[slot].Key == key)
            {
                return _slots[slot].PositionPlusOne - 1;
            }
        }

        return -1;
    }

    /// <summary>Maps <paramref name="key"/> to <paramref name="position"/>, replacing what it mapped to.</summary>
    public void Set(ulong key, long position)
    {
        var slot = HomeOf(key);
        while (_slots[slot].PositionPlusOne != 0)
        {
            if (_slots[slot].Key == key)
            {
                _slots[slot].PositionPlusOne = position + 1;
                return;
            }

            slot = (slot + 1) & _mask;
        }

        _slots[slot] = new Slot { Key = key, PositionPlusOne = position + 1 };
        if (++Count > _slots.Length / 4 * 3)
        {
            Grow();
        }
    }

    /// <summary>Removes <paramref name="key"/> if it still maps to <paramref name="position"/> (not to a later write of the same id).</summary>
    public void RemoveIfAt(ulong key, long position)
    {
        var hole = HomeOf(key);
        while (_slots[hole].Key != key || _slots[hole].PositionPlusOne == 0)
        {
            if (_slots[hole].PositionPlusOne == 0)
            {
                return;
            }

            hole = (hole + 1) & _mask;
        }

        if (_slots[hole].PositionPlusOne != position + 1)
        {
            return;
        }

        // Backward-shift deletion, as in DigestSet: no tombstones, so probe sequences never lengthen with age.
        var next = hole;
        while (true)
        {
            next = (next + 1) & _mask;
            if (_slots[next].PositionPlusOne == 0)
            {
                break;
            }

            if (((next - HomeOf(_slots[next].Key)) & _mask) >= ((next - hole) & _mask))
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }

        _slots[hole] = default;
        Count--;
    }

    private int HomeOf(ulong key) => (int)(key & (ulong)_mask);

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.PositionPlusOne == 0)
            {
                continue;
            }

            var slot = HomeOf(entry.Key);
            while (_slots[slot].PositionPlusOne != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = entry;
        }
    }

    private struct Slot
    {
        public ulong Key;
        public long PositionPlusOne;
    }
}
