using Wallboard.Engine.Kpis;

namespace Wallboard.Engine.Alerts;

/// <summary>Which scopes a rule watches: one scope (<c>queue:sales</c>), every scope of a kind (<c>queue:*</c>), or <c>all</c>.</summary>
public sealed record ScopePattern(ScopeKind Kind, string? Name)
{
    public bool Matches(ScopeId scope) => scope.Kind == Kind && (Name is null || scope.Name == Name);

    public override string ToString() => Name is not null ? new ScopeId(Kind, Name).ToString() : Kind == ScopeKind.All ? "all" : new ScopeId(Kind, "*").ToString();

    public static bool TryParse(string text, out ScopePattern? pattern)
    {
        pattern = null;
        if (text.EndsWith(":*", StringComparison.Ordinal) && ScopeId.TryParse(text[..^1] + "x", out var kindOnly))
        {
            pattern = new ScopePattern(kindOnly.Value.Kind, null);
            return true;
        }

        if (ScopeId.TryParse(text, out var scope))
        {
            pattern = new ScopePattern(scope.Value.Kind, scope.Value.Kind == ScopeKind.All ? null : scope.Value.Name);
            return true;
        }

        return false;
    }
}
