namespace Wallboard.Engine.Contacts;

/// <summary>
/// Contacts or customers by id: open addressing with linear probing over slots of (hash, entry) in one
/// power-of-two array, at most three quarters full.
/// </summary>
/// <remarks>
/// An entry is dropped long after it was last used (a contact minutes after its last event, a customer a day
/// after their last contact), when its id and its place in the table are out of the cache. A
/// <see cref="Dictionary{TKey, TValue}"/> removal hashed the id string again and then read its bucket array and
/// its entry array: three lines from memory (the customers' removals alone were 5% of the engine's time in a
/// profile). The entry keeps its hash, so a removal reads the slots alone and finds the entry by reference.
/// Ids come from outside: the hash is the runtime's string hash, randomised per process, so that crafted ids
/// cannot line up in one long run.
/// </remarks>
/// <param name="idOf">An entry's id, read only when a slot's hash matches the one looked for.</param>
internal sealed class IdDirectory<T>(Func<T, string> idOf)
    where T : class
{
    private const int InitialCapacity = 64;

    private Slot[] _slots = new Slot[InitialCapacity];
    private int _mask = InitialCapacity - 1;

    public int Count { get; private set; }

    /// <summary>The entries, in no particular order.</summary>
    public IEnumerable<T> Values
    {
        get
        {
            foreach (var slot in _slots)
            {
                if (slot.Entry is not null)
                {
                    yield return slot.Entry;
                }
            }
        }
    }

    /// <summary>The entry with <paramref name="id"/>, whose <see cref="IdHash.Of"/> is <paramref name="hash"/>, or null.</summary>
    public T? Find(string id, int hash)
    {
        for (var slot = Home(hash); _slots[slot].Entry is { } entry; slot = (slot + 1) & _mask)
        {
            if (_slots[slot].Hash == hash && string.Equals(idOf(entry), id, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Adds an entry whose id (hashed to <paramref name="hash"/>) is not in the directory yet.</summary>
    public void Add(T entry, int hash)
    {
        var slot = Home(hash);
        while (_slots[slot].Entry is not null)
        {
            slot = (slot + 1) & _mask;
        }

        _slots[slot] = new Slot(hash, entry);
        if (++Count > _slots.Length / 4 * 3)
        {
            Grow();
        }
    }

    /// <summary>Removes this entry (found by reference, under the <paramref name="hash"/> it was added with); false when it is not there.</summary>
    public bool Remove(T entry, int hash)
    {
        var hole = Home(hash);
        while (!ReferenceEquals(_slots[hole].Entry, entry))
        {
            if (_slots[hole].Entry is null)
            {
                return false;
            }

            hole = (hole + 1) & _mask;
        }

        // Backward-shift deletion, as in DigestSet: no tombstones, so probe runs never lengthen with age.
        var next = hole;
        while (true)
        {
            next = (next + 1) & _mask;
            if (_slots[next].Entry is null)
            {
                break;
            }

            if (((next - Home(_slots[next].Hash)) & _mask) >= ((next - hole) & _mask))
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }

        _slots[hole] = default;
        Count--;
        return true;
    }

    private int Home(int hash) => hash & _mask;

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Entry is null)
            {
                continue;
            }

            var slot = Home(entry.Hash);
            while (_slots[slot].Entry is not null)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = entry;
        }
    }

    private readonly record struct Slot(int Hash, T? Entry);
}
