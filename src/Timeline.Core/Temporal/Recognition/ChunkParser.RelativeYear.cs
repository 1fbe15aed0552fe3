using Timeline.Core.Temporal.Resolution;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>A day and month whose year is named relative to publication: "on May 25 last year", "on 1 June this year".</summary>
internal sealed partial class ChunkParser
{
    /// <summary>
    /// "May 25 last year", "25 May last year", "March 3 next year": month <paramref name="month"/> and day <paramref name="day"/>,
    /// then "last/this/next year" at token <paramref name="k"/>. The year is stated, so neither tense nor nearness to publication
    /// picks it ("died on May 25 last year" in a paper of mid-April is the May before last, not the coming one). One expression,
    /// like "June last year"; null when no relative year follows.
    /// </summary>
    private Hit? DayOfRelativeYear(int month, int day, int k)
    {
        if (K(k) is not (Kw.Last or Kw.This or Kw.Next) || L(k + 1) is not { Unit: Unit.Year, UnitPlural: false })
        {
            return null;
        }

        int year = Dct.Year + (K(k) == Kw.Last ? -1 : K(k) == Kw.Next ? 1 : 0);
        return Cal.Date(year, month, day) is { } date && Cal.Day(date) is { } d ? new Hit(k + 2, d, "date-day-relative-year") : null;
    }
}
