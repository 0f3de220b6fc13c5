namespace Wallboard.Server.Alerts;

/// <summary>The body of <c>POST /api/v1/alerts/{id}/ack</c>.</summary>
internal sealed record AcknowledgeRequest(string By, string? Note);
