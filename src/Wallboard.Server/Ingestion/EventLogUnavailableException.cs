namespace Wallboard.Server.Ingestion;

/// <summary>The event log could not take the events (Redis away, or the server is starting or stopping): answer 503.</summary>
internal sealed class EventLogUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
