using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wallboard.Engine;

namespace Wallboard.Server.State;

/// <summary>
/// Saves and restores the engine checkpoint in Redis, with the event-log position it covers. The
/// position is read before the state is written, so a checkpoint never claims more than it holds;
/// replaying an entry it already holds changes nothing, because every id is in its duplicate set.
/// </summary>
/// <remarks>
/// A checkpoint up to <see cref="RedisOptions.CheckpointPartBytes"/> is one string,
/// <c>WBCP1\n&lt;position&gt;\n&lt;state&gt;</c>. A larger one (a busy floor keeps every event of the
/// lateness window) would pass Redis's 512 MB limit on a value, which closes the connection, and would
/// hold up the event log's appends on the shared connection while it is sent. It is written in parts,
/// one at a time, under the generation (<c>a</c> or <c>b</c>) the current checkpoint does not use; then
/// the key becomes a <see cref="CheckpointManifest"/> and the other generation's parts are deleted. The
/// manifest is written last, so a crash while the parts are written leaves the previous checkpoint whole.
/// </remarks>
internal sealed partial class CheckpointStore(
    RedisConnection redis, RedisKeys keys, EventLog log, TimeProvider time, IOptions<RedisOptions> options, ILogger<CheckpointStore> logger)
{
    private static readonly byte[] Magic = "WBCP1\n"u8.ToArray();
    private readonly Lock _gate = new();
    private RedisValue _covered = "0-0";
    private MemoryStream? _buffer;

    public RedisValue CoveredPosition
    {
        get
        {
            lock (_gate)
            {
                return _covered;
            }
        }
    }

    /// <summary>The pipeline applied the log entry <paramref name="id"/> (entries are applied in log order).</summary>
    public void Covered(RedisValue id)
    {
        lock (_gate)
        {
            _covered = id;
        }
    }

    /// <summary>Loads the checkpoint into the engine, if there is a compatible one, and returns the log position to replay after.</summary>
    public async Task<RedisValue> RestoreAsync(WallboardEngine engine, CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync();
        byte[]? blob = await database.StringGetAsync(keys.Checkpoint);
        cancellationToken.ThrowIfCancellationRequested();
        if (blob is not null && CheckpointManifest.TryParse(blob) is { } manifest)
        {
            blob = await ReadPartsAsync(database, manifest, cancellationToken);
            if (blob is null)
            {
                LogIncompatibleCheckpoint($"a part of the checkpoint in {manifest.Parts} parts is missing");
                return "0-0";
            }
        }

        if (blob is null || !blob.AsSpan().StartsWith(Magic))
        {
            LogNoCheckpoint();
            return "0-0";
        }

        var body = blob.AsSpan(Magic.Length);
        var newline = body.IndexOf((byte)'\n');
        var position = Encoding.ASCII.GetString(body[..newline]);
        using var stream = new MemoryStream(blob, Magic.Length + newline + 1, blob.Length - Magic.Length - newline - 1, writable: false);
        if (!engine.TryRestore(stream, out var reason))
        {
            LogIncompatibleCheckpoint(reason);
            return "0-0";
        }

        Covered(position);
        LogRestored(position, blob.Length);
        return position;
    }

    /// <summary>Writes the engine state and the position it covers, then trims the log behind it.</summary>
    public async Task SaveAsync(WallboardEngine engine, CancellationToken cancellationToken)
    {
        var position = CoveredPosition;

        // The checkpoint grows with the state (up to hundreds of MB): one buffer is kept and reused, and Redis is
        // given its used part, instead of growing a new stream by doubling and copying it out each time.
        var stream = Interlocked.Exchange(ref _buffer, null) ?? new MemoryStream();
        try
        {
            stream.SetLength(0);
            stream.Write(Magic);
            stream.Write(Encoding.ASCII.GetBytes(position.ToString() + "\n"));
            engine.Checkpoint(stream);
            var database = await redis.BulkDatabaseAsync();
            var state = stream.GetBuffer().AsMemory(0, (int)stream.Length);
            var previous = CheckpointManifest.TryParse((byte[]?)await database.StringGetRangeAsync(keys.Checkpoint, 0, 255));
            string? generation = null;
            if (state.Length <= options.Value.CheckpointPartBytes)
            {
                await database.StringSetAsync(keys.Checkpoint, state);
            }
            else
            {
                generation = previous?.Generation == "a" ? "b" : "a";
                await WritePartsAsync(database, position, generation, state, cancellationToken);
            }

            if (previous is not null && previous.Generation != generation)
            {
                await DeletePartsAsync(database, previous.Generation, from: 0);
            }

            cancellationToken.ThrowIfCancellationRequested();
            LogSaved(position, stream.Length);
        }
        finally
        {
            Volatile.Write(ref _buffer, stream);
        }

        var retentionStart = time.GetUtcNow() - options.Value.EventLogRetention;
        var trimBefore = Min(position, $"{retentionStart.ToUnixTimeMilliseconds()}-0");
        await log.TrimBeforeAsync(trimBefore);
    }

    // One part at a time, so that the event log's appends go out between them; the manifest last.
    private async Task WritePartsAsync(IDatabase database, RedisValue position, string generation, ReadOnlyMemory<byte> state, CancellationToken cancellationToken)
    {
        var partBytes = options.Value.CheckpointPartBytes;
        var parts = (state.Length + partBytes - 1) / partBytes;
        for (var index = 0; index < parts; index++)
        {
            var offset = index * partBytes;
            await database.StringSetAsync(keys.CheckpointPart(generation, index), state.Slice(offset, Math.Min(partBytes, state.Length - offset)));
            cancellationToken.ThrowIfCancellationRequested();
        }

        // Parts an older, longer checkpoint left in this generation.
        await DeletePartsAsync(database, generation, from: parts);
        await database.StringSetAsync(keys.Checkpoint, new CheckpointManifest(position.ToString(), generation, parts, state.Length).ToBytes());
    }

    // Parts are numbered from 0 without gaps: delete from the first until one is missing (UNLINK frees them off Redis's main thread).
    private async Task DeletePartsAsync(IDatabase database, string generation, int from)
    {
        var index = from;
        while ((long)await database.ExecuteAsync("UNLINK", keys.CheckpointPart(generation, index)) > 0)
        {
            index++;
        }
    }

    private async Task<byte[]?> ReadPartsAsync(IDatabase database, CheckpointManifest manifest, CancellationToken cancellationToken)
    {
        var blob = new byte[manifest.Bytes];
        var offset = 0;
        for (var index = 0; index < manifest.Parts; index++)
        {
            byte[]? part = await database.StringGetAsync(keys.CheckpointPart(manifest.Generation, index));
            cancellationToken.ThrowIfCancellationRequested();
            if (part is null || offset + part.Length > blob.Length)
            {
                return null;
            }

            part.CopyTo(blob, offset);
            offset += part.Length;
        }

        return offset == blob.Length ? blob : null;
    }

    private static RedisValue Min(RedisValue left, RedisValue right) => Compare(left, right) <= 0 ? left : right;

    private static int Compare(RedisValue left, RedisValue right)
    {
        static (long Ms, long Sequence) Parse(RedisValue id)
        {
            var text = id.ToString();
            var dash = text.IndexOf('-', StringComparison.Ordinal);
            return (long.Parse(text.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(text.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture));
        }

        return Parse(left).CompareTo(Parse(right));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No checkpoint: the engine starts empty and replays the whole event log")]
    private partial void LogNoCheckpoint();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The checkpoint cannot be used ({Reason}); replaying the whole event log instead")]
    private partial void LogIncompatibleCheckpoint(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint restored at log position {Position} ({Bytes} bytes)")]
    private partial void LogRestored(string position, int bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint saved at log position {Position} ({Bytes} bytes)")]
    private partial void LogSaved(RedisValue position, long bytes);
}
