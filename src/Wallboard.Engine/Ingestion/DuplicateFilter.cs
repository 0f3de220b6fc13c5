using System.IO.Hashing;
using System.Runtime.InteropServices;
using Wallboard.Engine.Checkpoints;

namespace Wallboard.Engine.Ingestion;

/// <summary>
/// Remembers event ids for the duplicate horizon. Ids are kept as 128-bit XxHash3 digests (stable
/// across processes, so the set can be checkpointed; a false duplicate needs ~10^19 ids), grouped in
/// buckets of a 24th of the horizon so that forgetting a bucket costs only that bucket's ids.
/// </summary>
internal sealed class DuplicateFilter
{
    // Removals run through an hour's ids at once (~700,000 at 193 events/s); each is a cache miss in a table of
    // a day of ids unless its slot was asked for this many removals earlier.
    private const int RemovalPrefetchDistance = 8;

    private readonly DigestSet _seen = new();
    private readonly Queue<(long Bucket, List<UInt128> Ids)> _closed = new();
    private readonly Stack<List<UInt128>> _spare = new();
    private readonly long _bucketMs;
    private readonly long _horizonMs;
    private long _currentBucket = long.MinValue;
    private List<UInt128> _current = [];

    // Lists of buckets before this one may be held by a checkpoint being written.
    private long _reusableFromBucket = long.MinValue;

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

    /// <summary>
    /// The digests for a checkpoint. Closed buckets' lists no longer change, so the image keeps the lists
    /// themselves rather than copies (millions of digests); only the current bucket is copied, into
    /// <paramref name="buffers"/>. For that, a list the image holds is never emptied and reused
    /// (<see cref="Expire"/>): it is left to the collector.
    /// </summary>
    public Image Capture(CheckpointBuffers buffers)
    {
        _reusableFromBucket = _currentBucket;
        CollectionsMarshal.AsSpan(_current).CopyTo(buffers.CurrentDigests.Append(_current.Count));
        return new Image(_currentBucket, [.. _closed]);
    }

    /// <summary>Tells <paramref name="buffers"/> how much <see cref="Capture"/> would copy now.</summary>
    public void MeasureCapture(CheckpointBuffers buffers) => buffers.CurrentDigests.Expect(_current.Count);

    public void Load(CheckpointReader reader)
    {
        _currentBucket = reader.ReadInt64();
        _current = ReadIds(reader);
        var closed = reader.ReadCount();
        for (var i = 0; i < closed; i++)
        {
            var bucket = reader.ReadInt64();
            _closed.Enqueue((bucket, ReadIds(reader)));
        }
    }

    private List<UInt128> ReadIds(CheckpointReader reader)
    {
        var ids = reader.ReadDigests();
        foreach (var id in ids)
        {
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
            var ids = CollectionsMarshal.AsSpan(head.Ids);
            for (var i = 0; i < ids.Length; i++)
            {
                if (i + RemovalPrefetchDistance < ids.Length)
                {
                    _seen.Prefetch(ids[i + RemovalPrefetchDistance]);
                }

                _seen.Remove(ids[i]);
            }

            if (head.Bucket >= _reusableFromBucket)
            {
                head.Ids.Clear();
                _spare.Push(head.Ids);
            }
        }
    }

    /// <summary>The digests as <see cref="Capture"/> left them, written outside the engine's lock.</summary>
    internal sealed class Image(long currentBucket, (long Bucket, List<UInt128> Ids)[] closed)
    {
        /// <summary>Writes the digests, the current bucket's from what <see cref="Capture"/> copied into <paramref name="buffers"/>.</summary>
        public void WriteTo(CheckpointWriter writer, CheckpointBuffers buffers)
        {
            writer.WriteInt64(currentBucket);
            writer.WriteDigests(buffers.CurrentDigests.Items);
            writer.WriteCount(closed.Length);
            foreach (var (bucket, ids) in closed)
            {
                writer.WriteInt64(bucket);
                writer.WriteDigests(CollectionsMarshal.AsSpan(ids));
            }
        }
    }
}
