using System.Globalization;

namespace Wallboard.Server.Simulation;

/// <summary>
/// Who is calling: mostly a customer not seen today, sometimes one who was in touch a little earlier (more
/// often one whose contact was abandoned or unresolved), which is what the repeat-contact rate measures.
/// </summary>
internal sealed class CustomerPool(Random random)
{
    private const int RecentCapacity = 300;
    private const double RepeatShare = 0.08;

    private readonly List<string> _recent = [];
    private int _nextSlot;

    public string Next() => _recent.Count > 0 && random.Chance(RepeatShare)
        ? random.Pick(_recent)
        : string.Create(CultureInfo.InvariantCulture, $"cu{random.Next(1, 100_000_000):D8}");

    /// <summary>Remembers a customer whose contact ended; an unhappy one is remembered twice, so more likely to come back.</summary>
    public void Remember(string customerId, bool unhappy)
    {
        Add(customerId);
        if (unhappy)
        {
            Add(customerId);
        }
    }

    private void Add(string customerId)
    {
        if (_recent.Count < RecentCapacity)
        {
            _recent.Add(customerId);
            return;
        }

        _recent[_nextSlot] = customerId;
        _nextSlot = (_nextSlot + 1) % RecentCapacity;
    }
}
