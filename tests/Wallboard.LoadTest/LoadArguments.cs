using System.Globalization;
using System.Net;

namespace Wallboard.LoadTest;

/// <summary>The command and its <c>--name value</c> options; the server URL must be on loopback.</summary>
internal sealed class LoadArguments
{
    private readonly Dictionary<string, string> _options;

    private LoadArguments(string command, Dictionary<string, string> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    /// <summary>The server's base URL, refused unless it names a loopback address: this tool only loads the local machine.</summary>
    public Uri Url
    {
        get
        {
            var text = _options.GetValueOrDefault("url") ?? throw new ArgumentException("--url is required, e.g. --url http://127.0.0.1:5080");
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"--url '{text}' is not an http:// URL");
            }

            var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
            return loopback ? url : throw new ArgumentException($"--url '{text}' is not a loopback address (127.0.0.1, ::1, localhost)");
        }
    }

    public static LoadArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new ArgumentException("no command given");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value' at '{args[i]}'");
            }

            options[args[i][2..]] = args[i + 1];
        }

        return new LoadArguments(args[0], options);
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be a whole number from {min} to {max}; got '{text}'");
    }

    public TimeSpan Seconds(string name, double fallback, double min, double max)
    {
        if (!_options.TryGetValue(name, out var text))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? TimeSpan.FromSeconds(value)
            : throw new ArgumentException($"--{name} must be a number of seconds from {min} to {max}; got '{text}'");
    }
}
