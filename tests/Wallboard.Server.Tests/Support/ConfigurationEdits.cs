using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Wallboard.Server.Tests.Support;

/// <summary>
/// A configuration source a test edits while the server runs, as an operator edits appsettings.json: added
/// last, its keys override every other source, and each <see cref="Apply"/> raises a reload.
/// </summary>
public sealed class ConfigurationEdits : ConfigurationProvider, IConfigurationSource
{
    /// <summary>Adds an (empty) edit source to a running server's configuration.</summary>
    public static ConfigurationEdits AttachTo(IServiceProvider services)
    {
        var edits = new ConfigurationEdits();
        ((IConfigurationBuilder)services.GetRequiredService<IConfiguration>()).Add(edits);
        return edits;
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces the previous edit (keys it set and this one does not go back to their own values) and reloads.</summary>
    public void Apply(IDictionary<string, string?> settings)
    {
        Data = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        try
        {
            OnReload();
        }
        catch (AggregateException error) when (error.Flatten().InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // The options monitors build an invalid section inside the reload callback and throw; after a file
            // edit that callback runs on the file watcher's thread, where the exception goes nowhere.
        }
    }
}
