using System.Diagnostics.CodeAnalysis;

namespace Wallboard.Engine.Kpis;

/// <summary>A scope as the API names it: <c>all</c>, <c>queue:sales</c>, <c>channel:chat</c>, <c>team:a</c>, <c>agent:42</c>, <c>category:billing</c>.</summary>
public readonly record struct ScopeId(ScopeKind Kind, string Name)
{
    public static ScopeId All { get; } = new(ScopeKind.All, string.Empty);

    public static ScopeId Queue(string name) => new(ScopeKind.Queue, name);

    public static ScopeId Channel(string name) => new(ScopeKind.Channel, name);

    public static ScopeId Team(string name) => new(ScopeKind.Team, name);

    public static ScopeId Agent(string agentId) => new(ScopeKind.Agent, agentId);

    public static ScopeId Category(string name) => new(ScopeKind.Category, name);

    public override string ToString() => Kind switch
    {
        ScopeKind.All => "all",
        ScopeKind.Queue => "queue:" + Name,
        ScopeKind.Channel => "channel:" + Name,
        ScopeKind.Team => "team:" + Name,
        ScopeKind.Agent => "agent:" + Name,
        ScopeKind.Category => "category:" + Name,
        _ => throw new InvalidOperationException($"Unknown scope kind {Kind}."),
    };

    /// <summary>Parses the API form; the name after the colon must be 1 to 128 characters.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ScopeId? scope)
    {
        scope = null;
        if (text is null)
        {
            return false;
        }

        if (text == "all")
        {
            scope = All;
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || text.Length - colon - 1 is < 1 or > 128)
        {
            return false;
        }

        ScopeKind? kind = text[..colon] switch
        {
            "queue" => ScopeKind.Queue,
            "channel" => ScopeKind.Channel,
            "team" => ScopeKind.Team,
            "agent" => ScopeKind.Agent,
            "category" => ScopeKind.Category,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        scope = new ScopeId(kind.Value, text[(colon + 1)..]);
        return true;
    }
}
