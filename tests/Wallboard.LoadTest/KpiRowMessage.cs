namespace Wallboard.LoadTest;

/// <summary>One scope × window of a push, with its <c>offered</c> value (null when the row does not carry it).</summary>
internal readonly record struct KpiRowMessage(string Scope, string Window, double? Offered);
