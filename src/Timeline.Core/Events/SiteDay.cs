using System.Globalization;
using NodaTime;
using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>
/// A report's "today" read on the site's calendar. A paper published in a zone ahead of the story's ("eased today", in an
/// Auckland paper out at 08:00 on Tuesday, 20:00 on Monday in London) tells of a day whose elapsed part lies wholly on the day
/// before where the story happens: what has already happened "today" there happened on Monday on the site's calendar.
/// Stateless and thread-safe.
/// </summary>
public static class SiteDay
{
    /// <summary>
    /// <paramref name="date"/> moved to the site's day when it is a "today" told in the past or present (not a forecast) and
    /// the whole of the publication day up to the publication instant falls on the previous day in <paramref name="siteZone"/>;
    /// otherwise <paramref name="date"/> itself.
    /// </summary>
    public static TemporalMention Today(TemporalMention date, DocumentTime published, DateTimeZone? siteZone, string clause) =>
        Today(date, published, siteZone, clause, "", -1);

    /// <summary>
    /// The site's day of what a report published at <paramref name="published"/> tells as already done on its publication day (an
    /// undated lede's "has died"): the publication day, or the day before when the whole of the publication day up to the
    /// publication instant falls on the previous day in <paramref name="siteZone"/> (a Melbourne paper out at 08:00 on Friday,
    /// 23:00 on Thursday in London). A page whose day began on the site's day before but reaches the site's same day (a New York
    /// evening) keeps its own day, as a "today" does.
    /// </summary>
    public static LocalDate ElapsedDay(DocumentTime published, DateTimeZone? siteZone)
    {
        if (siteZone is null || !published.HasTimeOfDay)
        {
            return published.Date;
        }

        ZonedDateTime at = published.Published;
        LocalDate before = at.Date.PlusDays(-1);
        LocalDate dayStartThere = at.Zone.AtStartOfDay(at.Date).ToInstant().InZone(siteZone).Date;
        LocalDate nowThere = at.ToInstant().InZone(siteZone).Date;
        return dayStartThere == before && nowThere == before ? before : published.Date;
    }

    /// <summary>
    /// As <see cref="Today(TemporalMention, DocumentTime, DateTimeZone?, string)"/>; a "today" at <paramref name="offset"/> inside a
    /// quotation of <paramref name="sentence"/> reported with a past verb of saying (""I will testify today," he said") is moved
    /// even when the quote speaks of what is ahead: the words were said in the elapsed part of the publication day, so the speaker's
    /// "today" is the site's day of the speech.
    /// </summary>
    public static TemporalMention Today(TemporalMention date, DocumentTime published, DateTimeZone? siteZone, string clause, string sentence, int offset)
    {
        if (siteZone is null || date.Rule != "today" || !published.HasTimeOfDay
            || date.Range is not { Granularity: Granularity.Day } r || r.Start != published.Date)
        {
            return date;
        }

        ZonedDateTime at = published.Published;
        LocalDate dayStartThere = at.Zone.AtStartOfDay(at.Date).ToInstant().InZone(siteZone).Date;
        LocalDate nowThere = at.ToInstant().InZone(siteZone).Date;
        LocalDate before = at.Date.PlusDays(-1);
        if (dayStartThere != before || nowThere != before || (Clauses.IsTentative(clause) && !ReportedSpeech.IsQuotedInPast(sentence, offset)))
        {
            return date;
        }

        return date with { Value = before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Range = new DateRange(before, before, Granularity.Day) };
    }
}
