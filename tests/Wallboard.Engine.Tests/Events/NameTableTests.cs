using System.Text;
using System.Text.Json;
using Wallboard.Engine.Events;

namespace Wallboard.Engine.Tests.Events;

public class NameTableTests
{
    private const string Answered = """{"id":"{0}","type":"contact.answered","ts":"2026-11-23T10:15:02Z","contactId":"c-{0}","agentId":"{1}"}""";

    [Fact]
    public void Parse_SameAgentInTwoBodies_SharesOneString()
    {
        var names = new NameTable();

        var first = (ContactAnswered)ParseWith(names, "e1", "a042");
        var second = (ContactAnswered)ParseWith(names, "e2", "a042");

        Assert.Equal("a042", second.AgentId);
        Assert.Same(first.AgentId, second.AgentId);
        Assert.NotSame(first.ContactId, second.ContactId);
    }

    [Fact]
    public void Parse_WithoutTable_GivesAStringPerEvent()
    {
        var first = (ContactAnswered)ParseWith(null, "e1", "a042");
        var second = (ContactAnswered)ParseWith(null, "e2", "a042");

        Assert.Equal(first.AgentId, second.AgentId);
        Assert.NotSame(first.AgentId, second.AgentId);
    }

    [Fact]
    public void Parse_NamesSharingTheOnlySlot_EachReadsAsItself()
    {
        var names = new NameTable(capacity: 1);

        var agents = new[] { "a1", "a2", "a1", "b7", "a2" }
            .Select((agent, i) => ((ContactAnswered)ParseWith(names, $"e{i}", agent)).AgentId)
            .ToArray();

        Assert.Equal(["a1", "a2", "a1", "b7", "a2"], agents);
    }

    [Fact]
    public void Parse_EscapedFormOfAKnownName_ReadsAsTheName()
    {
        var names = new NameTable();
        var plain = (ContactAnswered)ParseWith(names, "e1", "ab");

        var escaped = (ContactAnswered)ParseWith(names, "e2", "a\\u0062");

        Assert.Equal("ab", escaped.AgentId);
        Assert.Equal(plain.AgentId, escaped.AgentId);
    }

    [Fact]
    public void Parse_InvalidUtf8InARecurringName_RejectsWithReason()
    {
        var names = new NameTable();
        var body = Encoding.UTF8.GetBytes(Answered.Replace("{0}", "e1", StringComparison.Ordinal).Replace("{1}", "?", StringComparison.Ordinal));
        body[Array.LastIndexOf(body, (byte)'?')] = 0xFF;
        using var document = JsonDocument.Parse(body);

        var result = EventParser.Parse(document.RootElement, names);

        Assert.Equal("field 'agentId' must be valid Unicode text", result.Error);
    }

    [Fact]
    public void Parse_LongRecurringName_IsReadAsUsual()
    {
        var names = new NameTable();
        var agent = new string('x', 100);

        var first = (ContactAnswered)ParseWith(names, "e1", agent);
        var second = (ContactAnswered)ParseWith(names, "e2", agent);

        Assert.Equal(agent, second.AgentId);
        Assert.NotSame(first.AgentId, second.AgentId);
    }

    private static WallboardEvent ParseWith(NameTable? names, string id, string agent)
    {
        using var document = JsonDocument.Parse(
            Answered.Replace("{0}", id, StringComparison.Ordinal).Replace("{1}", agent, StringComparison.Ordinal));
        var result = EventParser.Parse(document.RootElement, names);
        Assert.True(result.IsValid, result.Error);
        return result.Event;
    }
}
