using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using Timeline.Core.Temporal;
using static Timeline.Core.RegexDefaults;

namespace Timeline.Core.Events;

/// <summary>
/// A time of day told on another calendar than the site's, read on the site's: "in the small hours of Wednesday, Amsterdam time"
/// (Tuesday evening in Minneapolis), "in the early hours of this morning" in a London Sunday paper (Saturday night in Minneapolis),
/// "at about 9am today, New Zealand time" (the afternoon before in Minneapolis). The part of the day or the clock fixes the
/// moment closely enough to know its day where the story happens; a whole day ("on Wednesday, Tonga time") does not, and is left.
/// Stateless and thread-safe.
/// </summary>
public static partial class SiteClock
{
    /// <summary>
    /// <paramref name="date"/> moved to the site's day when it names a time of day (a clock, a part of the day, "the small hours
    /// of") on a calendar whose offset differs from the site's, and every moment of that part of the day falls on one other day
    /// in <paramref name="siteZone"/>. The calendar is a place named right after it ("Amsterdam time", "in Japan", "NZST"), or,
    /// for an expression anchored on the writer's own day ("this morning", "last night", "9am today"), the publication's zone. A
    /// weekday or date told without a place ("Saturday evening", "Monday, local time") is the story's own: left as it is.
    /// </summary>
    public static TemporalMention OnSiteCalendar(TemporalMention date, DocumentTime published, DateTimeZone? siteZone, string sentence, int sentenceStart)
    {
        if (siteZone is null || date.Range is not { Granularity: >= Granularity.Day } r)
        {
            return date;
        }

        int at = date.Start - sentenceStart;
        int end = date.End - sentenceStart;
        if (at < 0 || end > sentence.Length || at > end)
        {
            return date;
        }

        (LocalTime From, LocalTime To)? window = SmallHoursBefore().IsMatch(sentence.AsSpan(0, at)) ? (new LocalTime(0, 0), new LocalTime(5, 0)) : Window(date.Value);
        if (window is not { } w || LocalTimeAfter().IsMatch(sentence, end) || BoundBefore().IsMatch(sentence.AsSpan(0, at)))
        {
            return date;
        }

        DateTimeZone? zone = LocalTimeGloss.ZoneAfter(sentence, end) ?? LocalTimeGloss.ZoneAbbreviationAt(sentence, at, end);
        if (zone is null && published.HasTimeOfDay && OwnDayRules.Contains(date.Rule) && OwnDayWord().IsMatch(date.Text) && !ReportedSpeech.IsInsideQuotation(sentence, at)
            && (r.Start == published.Date || r.Start == published.Date.PlusDays(-1)))
        {
            // The writer's own "this morning", "last night": the writer's calendar. A quotation's is the speaker's, who may be
            // where the story happens; "that evening" (the same rules, anaphoric) is the story's day.
            zone = published.Published.Zone;
        }

        if (zone is null)
        {
            return date;
        }

        LocalDate from = r.Start.At(w.From).InZoneLeniently(zone).ToInstant().InZone(siteZone).Date;
        LocalDate to = r.Start.At(w.To).InZoneLeniently(zone).ToInstant().InZone(siteZone).Date;
        if (from != to || from == r.Start)
        {
            return date;
        }

        return date with { Value = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Range = new DateRange(from, from, Granularity.Day) };
    }

    /// <summary>Rules of expressions anchored on the writer's own day: "this morning", "yesterday afternoon", "tonight", "9am today".</summary>
    private static readonly HashSet<string> OwnDayRules = new(StringComparer.Ordinal)
    {
        "today", "tonight", "relative-daypart", "deictic-daypart", "time-date",
    };

    /// <summary>
    /// The span of the day a TIMEX3 value names: a clock ("T09:00": that minute), a part of the day ("TMO", "TAF", "TEV", "TNI"), or
    /// null for a whole day.
    /// </summary>
    private static (LocalTime From, LocalTime To)? Window(string value)
    {
        int t = value.IndexOf('T', StringComparison.Ordinal);
        if (t < 0 || t + 3 > value.Length)
        {
            return null;
        }

        ReadOnlySpan<char> time = value.AsSpan(t + 1);
        if (time.Length >= 5 && time[2] == ':' && int.TryParse(time[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            && int.TryParse(time[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out int m) && h < 24 && m < 60)
        {
            return (new LocalTime(h, m), new LocalTime(h, m));
        }

        return time switch
        {
            "MO" => (new LocalTime(6, 0), new LocalTime(11, 59)),
            "AF" => (new LocalTime(12, 0), new LocalTime(17, 59)),
            "EV" => (new LocalTime(18, 0), new LocalTime(21, 59)),
            "NI" => (new LocalTime(20, 0), new LocalTime(23, 59)),
            _ => null,
        };
    }

    // The words that anchor on the writer's day ("this morning", "last night", "9am today"); "that evening" is the story's.
    [GeneratedRegex(@"\b(this|last|yesterday|today|tonight)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex OwnDayWord();

    // "by this evening", "until 9am", "since last night": a bound of a state or a span, not the moment something happened.
    [GeneratedRegex(@"\b(by|until|till|since|before|after)\s+(about\s+|around\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex BoundBefore();

    // "in the small hours of", "the early hours of", "the wee hours of": from midnight to about five.
    [GeneratedRegex(@"\b(small|early|wee)\s+hours\s+of\s+(the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex SmallHoursBefore();

    // ", local time", " local time": the time is the story's own (where it happens).
    [GeneratedRegex(@"\G,?\s+local\s+time\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex LocalTimeAfter();
}
