using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Wallboard.Engine.Ingestion;

/// <summary>
/// A set of 128-bit digests for <see cref="DuplicateFilter"/>: open addressing with linear probing in a
/// power-of-two table, at most three quarters full, with a 16-bit tag of each digest in an array of its own.
/// </summary>
/// <remarks>
/// Every event adds a digest and, once the horizon is full, removes one, in a set of millions (a day of
/// ids). <see cref="HashSet{T}"/> costs two cache misses per operation there (its bucket array, then its
/// entry array); one array of the digests themselves costs one, which measured about a third less per
/// add-and-remove and half as much per add while the set grows. The digests are already uniform hashes, so
/// their low bits are the slot. Zero marks an empty slot: a digest of zero is stored as one, which makes
/// those two ids (a 2^-127 chance) look alike.
/// <para>
/// Nearly every event brings a new id, so the common question is "absent?", answered by the run of slots from
/// the digest's home to an empty one. A day of digests is tens of megabytes, and reading one of them was a
/// trip to memory on every event (a fifth of the engine's time in a profile). The probes read the tags
/// instead, an eighth of the size (a few megabytes, which the last-level cache keeps far more of), and the
/// digest itself only where a tag matches: where it is the same id, or one time in 65,535 per probed slot.
/// The answer stays exact; an insertion still writes the digest, a store the CPU does not wait for. (The
/// profile's share of that probe fell to a ninth; 8-bit tags, half the size again, did no better.)
/// </para>
/// </remarks>
internal sealed class DigestSet
{
    private const int InitialCapacity = 1024;

    private UInt128[] _slots = new UInt128[InitialCapacity];
    private ushort[] _tags = new ushort[InitialCapacity];
    private int _mask = InitialCapacity - 1;

    public int Count { get; private set; }

    /// <summary>Adds the digest; false when it was already there.</summary>
    public bool Add(UInt128 digest)
    {
        digest = NonZero(digest);
        var tag = Tag(digest);
        var slot = Home(digest);
        while (_tags[slot] != 0)
        {
            if (_tags[slot] == tag && _slots[slot] == digest)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }

        _tags[slot] = tag;
        _slots[slot] = digest;
        if (++Count > _slots.Length / 4 * 3)
        {
            Grow();
        }

        return true;
    }

    /// <summary>
    /// Starts fetching the digest's home slot into the cache, so that an <see cref="Add"/> or <see cref="Remove"/>
    /// of it a little later does not wait for memory. A hint only: a no-op where the CPU has no prefetch.
    /// </summary>
    public unsafe void Prefetch(UInt128 digest)
    {
        if (Sse.IsSupported)
        {
            // The arrays may move before the hint is taken; a prefetch of a stale address is harmless.
            var home = Home(NonZero(digest));
            Sse.Prefetch0(Unsafe.AsPointer(ref _tags[home]));
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[home]));
        }
    }

    /// <summary>Removes the digest; false when it was not there.</summary>
    public bool Remove(UInt128 digest)
    {
        digest = NonZero(digest);
        var tag = Tag(digest);
        var hole = Home(digest);
        while (_tags[hole] != tag || _slots[hole] != digest)
        {
            if (_tags[hole] == 0)
            {
                return false;
            }

            hole = (hole + 1) & _mask;
        }

        // Backward-shift deletion instead of tombstones: each later digest of the run that may live at the hole
        // moves back into it, so no probe sequence is ever cut short and the table never fills with markers.
        var next = hole;
        while (true)
        {
            next = (next + 1) & _mask;
            if (_tags[next] == 0)
            {
                break;
            }

            var digestThere = _slots[next];
            if (((next - Home(digestThere)) & _mask) >= ((next - hole) & _mask))
            {
                _slots[hole] = digestThere;
                _tags[hole] = _tags[next];
                hole = next;
            }
        }

        _slots[hole] = UInt128.Zero;
        _tags[hole] = 0;
        Count--;
        return true;
    }

    private static UInt128 NonZero(UInt128 digest) => digest == UInt128.Zero ? UInt128.One : digest;

    private int Home(UInt128 digest) => (int)((ulong)digest & (ulong)_mask);

    // The digest's top bits (the home slot comes from its bottom ones); zero is kept for an empty slot.
    private static ushort Tag(UInt128 digest) => Math.Max((ushort)1, (ushort)(digest >> 112));

    private void Grow()
    {
        var old = _slots;
        _slots = new UInt128[old.Length * 2];
        _tags = new ushort[_slots.Length];
        _mask = _slots.Length - 1;
        foreach (var digest in old)
        {
            if (digest == UInt128.Zero)
            {
                continue;
            }

            var slot = Home(digest);
            while (_tags[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = digest;
            _tags[slot] = Tag(digest);
        }
    }
}
