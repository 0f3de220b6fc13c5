using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Wallboard.Engine.Ingestion;

/// <summary>
/// Remembers event ids for the duplicate horizon. Ids are kept as 128-bit XxHash3 digests (stable
/// across processes, so the set can be checkpointed; a false duplicate needs ~10^19 ids), grouped in
/// buckets of a 24th of the horizon so that forgetting a bucket costs only that bucket's ids.
/// </summary>
internal sealed class DuplicateFilter
{
    private readonly DigestSet _seen = new();
    private readonly Queue<(long Bucket, List<UInt128> Ids)> _closed = new();
    private readonly Stack<List<UInt128>> _spare = new();
    private readonly long _bucketMs;
    private readonly long _horizonMs;
    private long _currentBucket = long.MinValue;
    private List<UInt128> _current = [];

    public DuplicateFilter(TimeSpan horizon)
    {
        _horizonMs = (long)horizon.TotalMilliseconds;
        _bucketMs = Math.Max(60_000, _horizonMs / 24);
    }

    public int Count => _seen.Count;

    /// <summary>Records the id; false when it was already seen within the horizon.</summary>
    public bool TryRecord(string id, long nowMs)
    {
        var digest = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.AsSpan()));
        if (!_seen.Add(digest))
        {
            return false;
        }

        var bucket = nowMs / _bucketMs;
        if (bucket > _currentBucket)
        {
            if (_current.Count > 0)
            {
                _closed.Enqueue((_currentBucket, _current));

                // Sized like the bucket just closed: growing by doubling to a bucket's hundreds of thousands of
                // ids would leave large-object garbage behind, which is what triggers gen2 collections.
                _current = _spare.TryPop(out var list) ? list : new List<UInt128>(_current.Count);
            }

            _currentBucket = bucket;
        }

        _current.Add(digest);
        return true;
    }

    public void Save(BinaryWriter writer)
    {
        writer.Write(_currentBucket);
        WriteIds(writer, _current);
        writer.Write(_closed.Count);
        foreach (var (bucket, ids) in _closed)
        {
            writer.Write(bucket);
            WriteIds(writer, ids);
        }
    }

    public void Load(BinaryReader reader)
    {
        _currentBucket = reader.ReadInt64();
        _current = ReadIds(reader);
        var closed = reader.ReadInt32();
        for (var i = 0; i < closed; i++)
        {
            var bucket = reader.ReadInt64();
            _closed.Enqueue((bucket, ReadIds(reader)));
        }
    }

    private static void WriteIds(BinaryWriter writer, List<UInt128> ids)
    {
        writer.Write(ids.Count);
        foreach (var id in ids)
        {
            writer.Write((ulong)(id >> 64));
            writer.Write((ulong)id);
        }
    }

    private List<UInt128> ReadIds(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var ids = new List<UInt128>(count);
        for (var i = 0; i < count; i++)
        {
            var id = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            ids.Add(id);
            _seen.Add(id);
        }

        return ids;
    }

    /// <summary>Forgets ids recorded in buckets that ended more than the horizon before <paramref name="nowMs"/>.</summary>
    public void Expire(long nowMs)
    {
        var oldestKept = (nowMs - _horizonMs) / _bucketMs;
        while (_closed.TryPeek(out var head) && head.Bucket < oldestKept)
        {
            _closed.Dequeue();
            foreach (var digest in head.Ids)
            {
                _seen.Remove(digest);
            }

            head.Ids.Clear();
            _spare.Push(head.Ids);
        }
    }
}
