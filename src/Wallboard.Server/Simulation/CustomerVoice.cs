using Wallboard.Engine.Events;

namespace Wallboard.Server.Simulation;

/// <summary>
/// What customers say: survey answers a few minutes after a share of the completed contacts and resolved
/// tickets (scores skewed high, lower after a poor experience), sentiment scores for some interactions,
/// and self-service sessions that end with or without asking for an agent.
/// </summary>
internal sealed class CustomerVoice(SimulationKernel kernel, double surveyShare, double selfServicePerHour)
{
    private const double SentimentShare = 0.3;
    private const double SelfServiceResolvedShare = 0.68;

    private static readonly double[] SurveyKindWeights = [0.6, 0.25, 0.15];
    private static readonly string[] SelfServiceChannels = ["web", "chat", "voice"];
    private static readonly double[] SelfServiceChannelWeights = [0.6, 0.25, 0.15];

    // Weights of each score, lowest first, for a good, fair and poor experience.
    private static readonly double[][] CsatWeights = [[1, 2, 5, 30, 62], [4, 8, 16, 38, 34], [15, 18, 25, 28, 14]];
    private static readonly double[][] NpsWeights =
    [
        [1, 1, 1, 1, 1, 1, 2, 10, 12, 34, 36],
        [2, 2, 2, 3, 3, 4, 4, 17, 18, 22, 23],
        [6, 6, 7, 8, 8, 9, 11, 15, 15, 8, 7],
    ];

    private static readonly double[][] CesWeights = [[1, 2, 3, 8, 16, 30, 40], [3, 5, 10, 17, 25, 22, 18], [12, 15, 18, 20, 15, 12, 8]];
    private static readonly double[] SentimentMeans = [88, 72, 50];

    private Random Random => kernel.Random;

    public void Start()
    {
        if (selfServicePerHour > 0)
        {
            NextSelfServiceSession();
        }
    }

    public void AfterContact(string contactId, string agentId, Experience experience)
    {
        if (Random.Chance(surveyShare))
        {
            kernel.After(TimeSpan.FromMinutes(Random.Between(1, 8)), () => Survey(experience, contactId, null, agentId));
        }

        if (Random.Chance(SentimentShare))
        {
            kernel.After(TimeSpan.FromSeconds(Random.Between(20, 90)), () => Sentiment(experience, contactId, null));
        }
    }

    public void AfterTicket(string ticketId, string agentId, Experience experience)
    {
        if (Random.Chance(surveyShare / 2))
        {
            kernel.After(TimeSpan.FromMinutes(Random.Between(5, 60)), () => Survey(experience, null, ticketId, agentId));
        }

        if (Random.Chance(SentimentShare / 2))
        {
            kernel.After(TimeSpan.FromSeconds(Random.Between(20, 90)), () => Sentiment(experience, null, ticketId));
        }
    }

    private void Survey(Experience experience, string? contactId, string? ticketId, string agentId)
    {
        var kind = (SurveyKind)Random.PickWeighted(SurveyKindWeights);
        var score = kind switch
        {
            SurveyKind.Csat => 1 + Random.PickWeighted(CsatWeights[(int)experience]),
            SurveyKind.Nps => Random.PickWeighted(NpsWeights[(int)experience]),
            _ => 1 + Random.PickWeighted(CesWeights[(int)experience]),
        };
        kernel.Emit((id, ts) => new SurveyResponded(id, ts, kind, score, contactId, ticketId, agentId, null, null));
    }

    private void Sentiment(Experience experience, string? contactId, string? ticketId)
    {
        // Box–Muller: a normal score around the experience's mean, kept on the 0–100 scale.
        var normal = Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());
        var score = Math.Clamp(Math.Round(SentimentMeans[(int)experience] + (10 * normal)), 0, 100);
        kernel.Emit((id, ts) => new SentimentScored(id, ts, score, contactId, ticketId, null, null));
    }

    private void NextSelfServiceSession() =>
        kernel.After(TimeSpan.FromHours(Random.Exponential(1 / selfServicePerHour)), () =>
        {
            if (Random.Chance(kernel.Load))
            {
                var channel = SelfServiceChannels[Random.PickWeighted(SelfServiceChannelWeights)];
                var resolved = Random.Chance(SelfServiceResolvedShare);
                var session = kernel.NewId("s");
                kernel.Emit((id, ts) => new SelfServiceSessionEnded(id, ts, session, channel, resolved));
            }

            NextSelfServiceSession();
        });
}
