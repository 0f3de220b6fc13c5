namespace Wallboard.Server.Ingestion;

/// <summary>The 202 body of <c>POST /api/v1/events</c> (<c>spec/api.md</c>).</summary>
internal sealed record IngestResponse(int Accepted, int Duplicates, int Late, IReadOnlyList<RejectedEvent> Rejected);
