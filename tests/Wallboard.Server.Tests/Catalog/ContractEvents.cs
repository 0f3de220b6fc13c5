using System.Text.Json;
using System.Text.Json.Nodes;
using Wallboard.Server.Tests.Support;

namespace Wallboard.Server.Tests.Catalog;

/// <summary>Contract events of any type, written as a producer would: envelope plus the type's fields.</summary>
public static class ContractEvents
{
    /// <summary>An event of <paramref name="type"/> at <see cref="EventJson.Base"/> + <paramref name="at"/> seconds with the fields of <paramref name="fields"/>.</summary>
    public static JsonObject Event(string id, string type, double at, object fields)
    {
        var body = new JsonObject { ["id"] = id, ["type"] = type, ["ts"] = EventJson.Ts(at) };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(fields)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        return body;
    }

    /// <summary>One event of every type of the contract, so that every KPI has something to show.</summary>
    public static JsonObject[] EveryType() =>
    [
        Event("s1", "agent.state", 0, new { agentId = "a1", state = "available", queues = new[] { "sales" }, team = "north", name = "Ada" }),
        EventJson.Queued("q1", 1, "c1"),
        EventJson.Queued("q2", 2, "c2", channel: "chat"),
        EventJson.Answered("n1", 10, "c1"),
        Event("s2", "agent.state", 10, new { agentId = "a1", state = "busy" }),
        EventJson.Abandoned("x2", 20, "c2"),
        Event("tr1", "contact.transferred", 30, new { contactId = "c1", escalation = true }),
        Event("d1", "contact.completed", 60, new
        {
            contactId = "c1", agentId = "a1", talkSeconds = 40, holdSeconds = 5, wrapSeconds = 10, resolved = true,
            outcome = new { upsellOffered = true, upsellAccepted = true, cancellationRequested = true, saved = false },
        }),
        Event("t1", "ticket.created", 61, new { ticketId = "t1", channel = "email", queue = "sales", category = "billing" }),
        Event("t2", "ticket.message", 62, new { ticketId = "t1", author = "agent", agentId = "a1" }),
        Event("t3", "ticket.escalated", 63, new { ticketId = "t1", tier = "2" }),
        Event("t4", "ticket.resolved", 64, new { ticketId = "t1", agentId = "a1" }),
        Event("t5", "ticket.reopened", 65, new { ticketId = "t1" }),
        Event("v1", "survey.responded", 66, new { survey = "csat", score = 4, contactId = "c1" }),
        Event("v2", "survey.responded", 66, new { survey = "nps", score = 9, ticketId = "t1" }),
        Event("v3", "survey.responded", 66, new { survey = "ces", score = 6, queue = "sales" }),
        Event("v4", "sentiment.scored", 67, new { score = 72, contactId = "c1" }),
        Event("v5", "selfservice.session", 68, new { sessionId = "ss1", channel = "chat", resolved = true }),
        Event("m1", "metric.recorded", 69, new { name = "churnRate", value = 2.4, unit = "percent" }),
    ];
}
