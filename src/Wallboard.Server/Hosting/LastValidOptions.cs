using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Wallboard.Server.Hosting;

/// <summary>
/// Hot-reloaded options that keep their last valid value. After an edit that does not validate,
/// <see cref="IOptionsMonitor{TOptions}.CurrentValue"/> throws on every read until the next valid edit; here the
/// edit is logged once and ignored, <see cref="Value"/> stays the last valid configuration and
/// <see cref="Error"/> says why the edit was refused.
/// </summary>
internal sealed partial class LastValidOptions<TOptions> : IDisposable
    where TOptions : class
{
    private readonly IOptionsFactory<TOptions> _factory;
    private readonly ILogger<LastValidOptions<TOptions>> _logger;
    private readonly Lock _refresh = new();
    private readonly Subject<TOptions> _changes = new();
    private readonly IDisposable[] _watches;
    private volatile TOptions _value;
    private volatile string? _error;

    public LastValidOptions(
        IOptionsFactory<TOptions> factory, IEnumerable<IOptionsChangeTokenSource<TOptions>> sources, ILogger<LastValidOptions<TOptions>> logger)
    {
        _factory = factory;
        _logger = logger;

        // An invalid configuration at startup stops the server (ValidateOnStart): there is no valid one to keep.
        _value = factory.Create(Options.DefaultName);
        _watches = [.. sources.Select(source => ChangeToken.OnChange(source.GetChangeToken, Refresh))];
    }

    public TOptions Value => _value;

    /// <summary>Why the current configuration is refused (the validation failures joined by "; "); null when it is in use.</summary>
    public string? Error => _error;

    /// <summary>Each valid configuration after a reload; a refused edit publishes nothing.</summary>
    public IObservable<TOptions> Changes => _changes.AsObservable();

    public void Dispose()
    {
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }

        _changes.Dispose();
    }

    // Configuration signals a change for an edit anywhere in it, so a section that stays invalid is checked
    // again: its reason is logged only when it is new. Building anew (not through the options monitor, whose
    // cache may not be cleared yet) gives the edited values.
    private void Refresh()
    {
        lock (_refresh)
        {
            try
            {
                _value = _factory.Create(Options.DefaultName);
            }
            catch (OptionsValidationException invalid)
            {
                var reason = string.Join("; ", invalid.Failures);
                if (reason != _error)
                {
                    _error = reason;
                    LogRefused(typeof(TOptions).Name, reason);
                }

                return;
            }

            _error = null;
            _changes.OnNext(_value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The edited configuration of {Options} is invalid and was ignored; the last valid one stays in use: {Reason}")]
    private partial void LogRefused(string options, string reason);
}
