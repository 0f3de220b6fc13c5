using Wallboard.Server.Hosting;
using Wallboard.Server.Realtime;

namespace Wallboard.Server.Boards;

/// <summary>
/// The current boards. Configuration edits are picked up live; an edit that does not validate is
/// logged and ignored, so a typo in appsettings.json never blanks the TVs.
/// </summary>
/// <remarks>
/// The options monitor never hands an invalid edit to its listeners: it throws while rebuilding the section.
/// <see cref="LastValidOptions{TOptions}"/> catches that, keeps the last valid boards and logs the reason.
/// </remarks>
internal sealed partial class BoardCatalog(
    LastValidOptions<BoardsOptions> options, SnapshotBroadcaster broadcaster, ILogger<BoardCatalog> logger) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public BoardsOptions Current => options.Value;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = options.Changes.Subscribe(Reloaded);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void Reloaded(BoardsOptions changed)
    {
        LogReloaded(changed.Boards.Count);
        broadcaster.NotifyBoardsChanged();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Board configuration reloaded: {Count} boards")]
    private partial void LogReloaded(int count);
}
