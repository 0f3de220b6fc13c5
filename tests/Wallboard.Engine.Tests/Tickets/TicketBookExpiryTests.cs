using Wallboard.Engine.Events;
using Wallboard.Engine.Kpis;
using Wallboard.Engine.Scopes;
using Wallboard.Engine.Tickets;
using Wallboard.Engine.Time;

namespace Wallboard.Engine.Tests.Tickets;

public class TicketBookExpiryTests
{
    private static readonly long Start = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Expire_MessagesOfATicketNeverCreated_AreForgottenAfterAnHour()
    {
        var (book, clock) = NewBook();
        clock.AdvanceTo(Start);
        book.Apply(new TicketMessagePosted("m1", At(0), "ghost", MessageAuthor.Agent, "a1"), "ghost");

        clock.AdvanceTo(Start + 3_599_000);
        book.Expire();
        Assert.Equal(1, book.Count);
        clock.AdvanceTo(Start + 3_600_000);
        book.Expire();

        Assert.Equal(0, book.Count);
    }

    [Fact]
    public void Expire_TicketCreatedAfterItsFirstMessage_IsKept()
    {
        var (book, clock) = NewBook();
        clock.AdvanceTo(Start);
        book.Apply(new TicketMessagePosted("m1", At(0), "t1", MessageAuthor.Customer, null), "t1");
        book.Apply(new TicketCreated("c1", At(-10), "t1", "email", null, null, null, null), "t1");

        clock.AdvanceTo(Start + 7_200_000);
        book.Expire();

        Assert.Equal(1, book.Count);
    }

    private static DateTimeOffset At(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds(Start).AddSeconds(seconds);

    private static (TicketBook Book, EngineClock Clock) NewBook()
    {
        var clock = new EngineClock(300_000);
        var layout = new WindowLayout([WindowId.Sliding(5)], TimeSpan.FromMinutes(5));
        var site = new DailyResetSchedule(TimeZoneInfo.Utc, TimeSpan.Zero);
        var scopes = new ScopeRegistry(clock, layout, _ => site);
        var book = new TicketBook(scopes, clock, new TicketSettings(), agent => scopes.GetOrAdd(ScopeId.Agent(agent)));
        return (book, clock);
    }
}
