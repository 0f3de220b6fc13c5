using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Wallboard.Engine.Ingestion;

/// <summary>
/// A set of 128-bit digests for <see cref="DuplicateFilter"/>: open addressing with linear probing in one
/// power-of-two array, at most three quarters full.
/// </summary>
/// <remarks>
/// Every event adds a digest and, once the horizon is full, removes one, in a set of millions (a day of
/// ids). <see cref="HashSet{T}"/> costs two cache misses per operation there (its bucket array, then its
/// entry array); one array of the digests themselves costs one, which measured about a third less per
/// add-and-remove and half as much per add while the set grows. The digests are already uniform hashes, so
/// their low bits are the slot. Zero marks an empty slot: a digest of zero is stored as one, which makes
/// those two ids (a 2^-127 chance) look alike.
/// </remarks>
internal sealed class DigestSet
{
    private const int InitialCapacity = 1024;

    private UInt128[] _slots = new UInt128[InitialCapacity];
    private int _mask = InitialCapacity - 1;

    public int Count { get; private set; }

    /// <summary>Adds the digest; false when it was already there.</summary>
    public bool Add(UInt128 digest)
    {
        digest = NonZero(digest);
        var slot = Home(digest);
        while (_slots[slot] != UInt128.Zero)
        {
            if (_slots[slot] == digest)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }

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
            // The array may move before the hint is taken; a prefetch of a stale address is harmless.
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[Home(NonZero(digest))]));
        }
    }

    /// <summary>Removes the digest; false when it was not there.</summary>
    public bool Remove(UInt128 digest)
    {
        digest = NonZero(digest);
        var hole = Home(digest);
        while (_slots[hole] != digest)
        {
            if (_slots[hole] == UInt128.Zero)
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
            var digestThere = _slots[next];
            if (digestThere == UInt128.Zero)
            {
                break;
            }

            if (((next - Home(digestThere)) & _mask) >= ((next - hole) & _mask))
            {
                _slots[hole] = digestThere;
                hole = next;
            }
        }

        _slots[hole] = UInt128.Zero;
        Count--;
        return true;
    }

    private static UInt128 NonZero(UInt128 digest) => digest == UInt128.Zero ? UInt128.One : digest;

    private int Home(UInt128 digest) => (int)((ulong)digest & (ulong)_mask);

    private void Grow()
    {
        var old = _slots;
        _slots = new UInt128[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var digest in old)
        {
            if (digest == UInt128.Zero)
            {
                continue;
            }

            var slot = Home(digest);
            while (_slots[slot] != UInt128.Zero)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = digest;
        }
    }
}
