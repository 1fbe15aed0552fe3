using NodaTime;

namespace Timeline.Core.Temporal;

/// <summary>
/// The calendar days a resolved value covers, both ends inclusive, with the granularity it was stated at.
/// "October 2025" is 2025-10-01..2025-10-31 at <see cref="Granularity.Month"/>: the range is for ordering and
/// compatibility checks, never a claim that the event happened on its first day.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct DateRange : IComparable<DateRange>
{
    public DateRange(LocalDate start, LocalDate end, Granularity granularity)
    {
        if (end < start)
        {
            throw new ArgumentException($"End {end} is before start {start}.", nameof(end));
        }

        Start = start;
        End = end;
        Granularity = granularity;
    }

    public LocalDate Start { get; }

    public LocalDate End { get; }

    public Granularity Granularity { get; }

    /// <summary>Whether every day of <paramref name="other"/> lies inside this range.</summary>
    public bool Contains(DateRange other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the two ranges share at least one day.</summary>
    public bool Overlaps(DateRange other) => other.Start <= End && Start <= other.End;

    /// <summary>Chronological: by start, then coarser (longer) ranges first, so a month sorts before its days.</summary>
    public int CompareTo(DateRange other)
    {
        int c = Start.CompareTo(other.Start);
        if (c != 0)
        {
            return c;
        }

        c = other.End.CompareTo(End);
        return c != 0 ? c : Granularity.CompareTo(other.Granularity);
    }

    public override string ToString() => $"{Start:uuuu-MM-dd}..{End:uuuu-MM-dd} ({Granularity})";
}
