using System.Runtime.InteropServices;

namespace Wallboard.Engine.Windows;

/// <summary>The slot of one open second of the ring.</summary>
internal sealed partial class SlidingMaximum
{
    /// <summary>
    /// One open second: its largest value and the values themselves, in the order added (the first inline,
    /// since a scope rarely records two waits in one second), so that a retraction stays exact.
    /// </summary>
    private struct OpenSlot
    {
        public long Second;
        public long Max;

        /// <summary>The first value, or <see cref="Empty"/> when the second holds none (and then <see cref="More"/> is empty too).</summary>
        public long First;
        public List<long>? More;

        public readonly int Count => (First == Empty ? 0 : 1) + (More?.Count ?? 0);

        /// <summary>Copies the values, in the order added, to the start of <paramref name="into"/> (at least <see cref="Count"/> long).</summary>
        public readonly void CopyTo(Span<long> into)
        {
            if (First == Empty)
            {
                return;
            }

            into[0] = First;
            if (More is not null)
            {
                CollectionsMarshal.AsSpan(More).CopyTo(into[1..]);
            }
        }

        /// <summary>Sets the values, in the order added (none for a second whose values were all retracted).</summary>
        public void Load(ReadOnlySpan<long> values)
        {
            First = values.IsEmpty ? Empty : values[0];
            More?.Clear();
            if (values.Length > 1)
            {
                (More ??= []).AddRange(values[1..]);
            }
        }

        /// <summary>Removes the first occurrence of <paramref name="value"/>, as <see cref="List{T}.Remove"/> would.</summary>
        public bool Remove(long value)
        {
            if (First == Empty)
            {
                return false;
            }

            if (First != value)
            {
                return More is not null && More.Remove(value);
            }

            if (More is { Count: > 0 })
            {
                First = More[0];
                More.RemoveAt(0);
            }
            else
            {
                First = Empty;
            }

            return true;
        }

        public readonly long Largest()
        {
            var max = First;
            if (More is not null)
            {
                foreach (var value in More)
                {
                    max = Math.Max(max, value);
                }
            }

            return max;
        }
    }
}
