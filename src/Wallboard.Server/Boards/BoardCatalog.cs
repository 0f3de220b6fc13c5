using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Wallboard.Server.Realtime;

namespace Wallboard.Server.Boards;

/// <summary>
/// The current boards. Configuration edits are picked up live; an edit that does not validate is
/// logged and ignored, so a typo in appsettings.json never blanks the TVs.
/// </summary>
internal sealed partial class BoardCatalog : IHostedService, IDisposable
{
    private readonly IOptionsMonitor<BoardsOptions> _monitor;
    private readonly SnapshotBroadcaster _broadcaster;
    private readonly ILogger<BoardCatalog> _logger;
    private IDisposable? _subscription;

    public BoardCatalog(IOptionsMonitor<BoardsOptions> monitor, SnapshotBroadcaster broadcaster, ILogger<BoardCatalog> logger)
    {
        _monitor = monitor;
        _broadcaster = broadcaster;
        _logger = logger;
        Current = monitor.CurrentValue;
    }

    public BoardsOptions Current { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _monitor.OnChange(Reload);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void Reload(BoardsOptions options)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            LogInvalid(string.Join("; ", errors.Select(error => error.ErrorMessage)));
            return;
        }

        Current = options;
        LogReloaded(options.Boards.Count);
        _broadcaster.NotifyBoardsChanged();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The edited board configuration is invalid and was ignored: {Errors}")]
    private partial void LogInvalid(string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Board configuration reloaded: {Count} boards")]
    private partial void LogReloaded(int count);
}
