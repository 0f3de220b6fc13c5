namespace Wallboard.LoadTest;

/// <summary>The values of one scope × window in a push.</summary>
internal sealed record KpiRowMessage(string Scope, string Window, IReadOnlyDictionary<string, double?> Values);
