using Wallboard.Engine.Contacts;

namespace Wallboard.Engine.Tests.Contacts;

public class IdDirectoryTests
{
    [Fact]
    public void Find_AddedEntry_ReturnsIt()
    {
        var directory = NewDirectory();
        var contact = Add(directory, "c-1");

        Assert.Same(contact, Find(directory, "c-1"));
        Assert.Null(Find(directory, "c-2"));
        Assert.Equal(1, directory.Count);
    }

    [Fact]
    public void Find_IdOfAnotherStringInstance_ReturnsTheEntry()
    {
        var directory = NewDirectory();
        var contact = Add(directory, "c-42");

        Assert.Same(contact, Find(directory, string.Concat("c-", "42")));
    }

    [Fact]
    public void Remove_Entry_ForgetsItAndKeepsTheOthers()
    {
        var directory = NewDirectory();
        var kept = Add(directory, "kept");
        var removed = Add(directory, "removed");

        Assert.True(directory.Remove(removed, removed.IdHash));

        Assert.False(directory.Remove(removed, removed.IdHash));
        Assert.Null(Find(directory, "removed"));
        Assert.Same(kept, Find(directory, "kept"));
        Assert.Equal(1, directory.Count);
    }

    [Fact]
    public void Remove_IsByReference_NotById()
    {
        var directory = NewDirectory();
        var registered = Add(directory, "c-1");
        var other = new ContactTimeline("c-1");

        Assert.False(directory.Remove(other, other.IdHash));
        Assert.Same(registered, Find(directory, "c-1"));
    }

    [Fact]
    public void Find_EntriesUnderOneHash_AreToldApartByTheirIds()
    {
        // Two entries filed under one hash, as two ids whose hashes collide would be: the ids decide.
        var directory = NewDirectory();
        var first = new ContactTimeline("first", idHash: 7);
        var second = new ContactTimeline("second", idHash: 7);
        directory.Add(first, 7);
        directory.Add(second, 7);

        Assert.Same(first, directory.Find("first", 7));
        Assert.Same(second, directory.Find("second", 7));
        Assert.True(directory.Remove(first, 7));
        Assert.Same(second, directory.Find("second", 7));
        Assert.Null(directory.Find("first", 7));
    }

    [Fact]
    public void AddAndRemove_ManyEntries_KeepEveryRemainingOneFindable()
    {
        var directory = NewDirectory();
        var contacts = Enumerable.Range(0, 20_000).Select(i => Add(directory, $"contact-{i}")).ToArray();

        for (var i = 0; i < contacts.Length; i += 3)
        {
            Assert.True(directory.Remove(contacts[i], contacts[i].IdHash));
        }

        for (var i = 0; i < contacts.Length; i++)
        {
            Assert.Same(i % 3 == 0 ? null : contacts[i], Find(directory, $"contact-{i}"));
        }

        Assert.Equal(contacts.Length - ((contacts.Length + 2) / 3), directory.Count);
        Assert.Equal(directory.Count, directory.Values.Count());
    }

    private static IdDirectory<ContactTimeline> NewDirectory() => new(contact => contact.ContactId);

    private static ContactTimeline Add(IdDirectory<ContactTimeline> directory, string id)
    {
        var contact = new ContactTimeline(id);
        directory.Add(contact, contact.IdHash);
        return contact;
    }

    private static ContactTimeline? Find(IdDirectory<ContactTimeline> directory, string id) => directory.Find(id, IdHash.Of(id));
}
