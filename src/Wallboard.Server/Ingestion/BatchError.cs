namespace Wallboard.Server.Ingestion;

/// <summary>Why a whole body was refused: the status to answer and the problem's detail.</summary>
internal sealed record BatchError(int Status, string Title, string Detail)
{
    public static BatchError NotJson(string detail) =>
        new(StatusCodes.Status400BadRequest, "The body is not JSON", detail);

    // JSON, but a string, number, boolean or null: "not JSON" would send the producer looking in the wrong place.
    public static BatchError NotEvents(string detail) =>
        new(StatusCodes.Status400BadRequest, "The body is not an event or an array of events", detail);

    public static BatchError TooManyEvents(int count, int max) =>
        new(StatusCodes.Status413PayloadTooLarge, "Too many events in one request", $"the request holds {count} or more events; at most {max} are allowed per request");

    public static BatchError TooLarge(long max) =>
        new(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"the body exceeds {max} bytes");
}
