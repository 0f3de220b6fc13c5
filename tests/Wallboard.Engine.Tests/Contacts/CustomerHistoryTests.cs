using Wallboard.Engine.Contacts;

namespace Wallboard.Engine.Tests.Contacts;

public class CustomerHistoryTests
{
    private const long Horizon = 60_000;

    [Fact]
    public void CollectStaleFlags_SecondContactWithinHorizon_IsARepeatUntilFlagged()
    {
        var history = new CustomerHistory("x");
        var first = new ContactTimeline("c1");
        var second = new ContactTimeline("c2");
        history.Place(first, 0, Horizon);
        history.Place(second, 1_000, Horizon);

        Assert.Equal([second], Stale(history));
        second.IsRepeat = true;
        Assert.Empty(Stale(history));
    }

    [Fact]
    public void CollectStaleFlags_ExactlyTheHorizonBefore_IsARepeat()
    {
        var history = new CustomerHistory("x");
        var later = new ContactTimeline("c2");
        history.Place(new ContactTimeline("c1"), 0, Horizon);

        history.Place(later, Horizon, Horizon);

        Assert.Equal([later], Stale(history));
    }

    [Fact]
    public void CollectStaleFlags_OneMillisecondBeyondTheHorizon_IsNotARepeat()
    {
        var history = new CustomerHistory("x");
        history.Place(new ContactTimeline("c1"), 0, Horizon);

        history.Place(new ContactTimeline("c2"), Horizon + 1, Horizon);

        Assert.Empty(Stale(history));
    }

    [Fact]
    public void CollectStaleFlags_SameFirstQueuedTime_NeitherIsARepeat()
    {
        var history = new CustomerHistory("x");
        history.Place(new ContactTimeline("c1"), 500, Horizon);

        history.Place(new ContactTimeline("c2"), 500, Horizon);

        Assert.Empty(Stale(history));
    }

    [Fact]
    public void CollectStaleFlags_UsesTheHorizonOfTheLaterContact()
    {
        var history = new CustomerHistory("x");
        var wide = new ContactTimeline("c2");
        history.Place(new ContactTimeline("c1"), 0, 10_000);

        history.Place(wide, 20_000, 30_000);
        history.Place(new ContactTimeline("c3"), 20_000, 10_000);

        Assert.Equal([wide], Stale(history));
    }

    [Fact]
    public void Place_EarlierContactArrivingLast_MakesTheOtherARepeat()
    {
        var history = new CustomerHistory("x");
        var later = new ContactTimeline("c2");
        history.Place(later, 1_000, Horizon);
        Assert.Empty(Stale(history));

        history.Place(new ContactTimeline("c1"), 500, Horizon);

        Assert.Equal([later], Stale(history));
    }

    [Fact]
    public void Place_SameContactAgain_MovesItInsteadOfAddingIt()
    {
        var history = new CustomerHistory("x");
        var moved = new ContactTimeline("c1");
        var other = new ContactTimeline("c2");
        history.Place(moved, 0, Horizon);
        history.Place(other, 1_000, Horizon);
        other.IsRepeat = true;

        history.Place(moved, 2_000, Horizon);

        Assert.Equal(2, history.Count);
        Assert.Equal([other, moved], Stale(history));
    }

    [Fact]
    public void Forget_EarlierContact_StillMakesLaterOnesRepeats()
    {
        var history = new CustomerHistory("x");
        var forgotten = new ContactTimeline("c1");
        var later = new ContactTimeline("c2");
        history.Place(forgotten, 0, Horizon);
        history.Forget(forgotten);

        history.Place(later, 1_000, Horizon);

        Assert.Equal([later], Stale(history));
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public void Remove_EarlierContact_NoLongerMakesRepeats()
    {
        var history = new CustomerHistory("x");
        var removed = new ContactTimeline("c1");
        var later = new ContactTimeline("c2");
        history.Place(removed, 0, Horizon);
        history.Place(later, 1_000, Horizon);
        later.IsRepeat = true;

        history.Remove(removed);

        Assert.Equal([later], Stale(history));
        Assert.Equal(1, history.Count);
    }

    [Fact]
    public void Prune_DropsOnlyForgottenEntriesBeforeTheCutoff()
    {
        var history = new CustomerHistory("x");
        var oldForgotten = new ContactTimeline("c1");
        var oldLive = new ContactTimeline("c2");
        var recentForgotten = new ContactTimeline("c3");
        history.Place(oldForgotten, 0, Horizon);
        history.Place(oldLive, 100, Horizon);
        history.Place(recentForgotten, 900, Horizon);
        history.Forget(oldForgotten);
        history.Forget(recentForgotten);

        history.Prune(500);

        Assert.Equal(2, history.Count);
        Assert.Equal(900, history.NewestFirstQueuedMs);
    }

    private static List<ContactTimeline> Stale(CustomerHistory history)
    {
        var stale = new List<ContactTimeline>();
        history.CollectStaleFlags(stale);
        return stale;
    }
}
