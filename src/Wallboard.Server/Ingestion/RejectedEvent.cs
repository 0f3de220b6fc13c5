namespace Wallboard.Server.Ingestion;

/// <summary>One refused event: its position in the request, its id when readable, and why.</summary>
internal sealed record RejectedEvent(int Index, string? Id, string Error);
