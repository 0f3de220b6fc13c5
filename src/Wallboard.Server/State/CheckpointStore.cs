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

        // The checkpoint grows with the state (tens of MB): one buffer is kept and reused, and Redis is
        // given its used part, instead of growing a new stream by doubling and copying it out each time.
        var stream = Interlocked.Exchange(ref _buffer, null) ?? new MemoryStream();
        try
        {
            stream.SetLength(0);
            stream.Write(Magic);
            stream.Write(Encoding.ASCII.GetBytes(position.ToString() + "\n"));
            engine.Checkpoint(stream);
            var database = await redis.DatabaseAsync();
            await database.StringSetAsync(keys.Checkpoint, stream.GetBuffer().AsMemory(0, (int)stream.Length));
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
