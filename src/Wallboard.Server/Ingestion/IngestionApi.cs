using Microsoft.Extensions.Options;
using Wallboard.Engine.Events;
using Wallboard.Engine.Ingestion;

namespace Wallboard.Server.Ingestion;

/// <summary><c>POST /api/v1/events</c>: one event, a JSON array of events, or NDJSON.</summary>
internal static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", IngestAsync)
            .WithName("IngestEvents")
            .WithSummary("Ingest events: one object, a JSON array, or NDJSON (application/x-ndjson).")
            .WithDescription("Answers 202 once the events are in the event log and applied (so ?wait=applied always holds). "
                + "Bad events are listed with their index and reason; the others still count.")
            .Accepts<object>("application/json", "application/x-ndjson", "application/jsonl")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> IngestAsync(
        HttpRequest request, IngestPipeline pipeline, NameTable names, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return Problem(BatchError.TooLarge(limits.MaxBodyBytes));
        }

        var ndjson = request.ContentType is { } contentType
            && (contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
                || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var body = read.Buffer;
            if (body.Length > limits.MaxBodyBytes)
            {
                reader.AdvanceTo(body.End);
                return Problem(BatchError.TooLarge(limits.MaxBodyBytes));
            }

            if (!read.IsCompleted)
            {
                reader.AdvanceTo(body.Start, body.End);
                continue;
            }

            var (batch, error) = EventBatchReader.Read(body, ndjson, limits.MaxBatchEvents, names);
            reader.AdvanceTo(body.End);
            return error is not null ? Problem(error) : await SubmitAsync(batch!, pipeline, cancellationToken);
        }
    }

    private static async Task<IResult> SubmitAsync(ParsedBatch batch, IngestPipeline pipeline, CancellationToken cancellationToken)
    {
        IReadOnlyList<IngestResult> results;
        try
        {
            results = await pipeline.SubmitAsync(batch.Events, batch.EventsJson(), cancellationToken);
            batch.ReleaseJson();
        }
        catch (EventLogUnavailableException unavailable)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Events cannot be taken now",
                detail: unavailable.Message + "; nothing of this request was applied",
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = 2 });
        }

        var (accepted, duplicates, late) = (0, 0, 0);
        var rejected = new List<RejectedEvent>(batch.Rejected);
        for (var i = 0; i < results.Count; i++)
        {
            switch (results[i].Status)
            {
                case IngestStatus.Accepted:
                    accepted++;
                    break;
                case IngestStatus.Duplicate:
                    duplicates++;
                    break;
                case IngestStatus.Late:
                    late++;
                    break;
                default:
                    rejected.Add(new RejectedEvent(batch.Indexes[i], batch.Events[i].Id, results[i].Reason ?? "rejected"));
                    break;
            }
        }

        rejected.Sort((x, y) => x.Index.CompareTo(y.Index));
        return Results.Json(new IngestResponse(accepted, duplicates, late, rejected), statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Problem(BatchError error) =>
        Results.Problem(statusCode: error.Status, title: error.Title, detail: error.Detail + "; nothing of this request was applied");
}
