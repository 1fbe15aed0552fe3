using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Site.Rendering;

/// <summary>
/// Spells dates for readers at their true precision: "24 January 2026", "October 2025", "early January 2026",
/// "week of 19 January 2026", "2011". Never fakes precision: a month is never shown as its first day.
/// </summary>
/// <remarks>Stateless and thread-safe; English (the theme's language), NodaTime patterns with the invariant culture.</remarks>
public static class DateText
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern ShortDayPattern = LocalDatePattern.Create("ddd d MMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern WeekdayPattern = LocalDatePattern.Create("dddd", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern LongDayPattern = LocalDatePattern.Create("dddd d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern IsoDayPattern = LocalDatePattern.Iso;
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.Create("MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly YearMonthPattern ShortMonthPattern = YearMonthPattern.Create("MMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture);
    private static readonly OffsetPattern OffsetText = OffsetPattern.Create("+HH:mm", CultureInfo.InvariantCulture);

    // The formatted dates, remembered (a site shows a few thousand distinct dates, each on many pages and in every
    // export); patterns are pure, so a remembered text is the text. Bounded by the dates of the input.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<LocalDate, string> Days = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<LocalDate, string> ShortDays = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<LocalDate, string> LongDays = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<LocalDate, string> IsoDays = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<YearMonth, string> Months = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DocumentTime, string> PublishedTexts = new();

    /// <summary>A date at its stated precision, with its TIMEX3 modifier in words ("early January 2026").</summary>
    public static string Format(string timexValue, TimexMod mod, DateRange range)
    {
        string core = FormatCore(timexValue, range);
        return mod switch
        {
            TimexMod.None => core,
            TimexMod.Start => "early " + core,
            TimexMod.Mid => "mid-" + core,
            TimexMod.End => "late " + core,
            TimexMod.Approx => "around " + core,
            TimexMod.LessThan => "less than " + core,
            TimexMod.MoreThan => "more than " + core,
            TimexMod.EqualOrLess => "at most " + core,
            TimexMod.EqualOrMore => "at least " + core,
            TimexMod.Before => "before " + core,
            TimexMod.After => "after " + core,
            TimexMod.OnOrBefore => "on or before " + core,
            TimexMod.OnOrAfter => "on or after " + core,
            _ => core,
        };
    }

    /// <summary>"24 January 2026".</summary>
    public static string Day(LocalDate date) => Days.GetOrAdd(date, d => DayPattern.Format(d));

    /// <summary>"Sat 24 Jan 2026".</summary>
    public static string ShortDay(LocalDate date) => ShortDays.GetOrAdd(date, d => ShortDayPattern.Format(d));

    /// <summary>"Saturday 24 January 2026".</summary>
    public static string LongDay(LocalDate date) => LongDays.GetOrAdd(date, d => LongDayPattern.Format(d));

    /// <summary>"Saturday".</summary>
    public static string Weekday(LocalDate date) => WeekdayPattern.Format(date);

    /// <summary>"Jan 2026", for axis ticks.</summary>
    public static string ShortMonth(YearMonth month) => ShortMonthPattern.Format(month);

    /// <summary>"January 2026".</summary>
    public static string Month(YearMonth month) => Months.GetOrAdd(month, m => MonthPattern.Format(m));

    /// <summary>"2026-01-24".</summary>
    public static string Iso(LocalDate date) => IsoDays.GetOrAdd(date, d => IsoDayPattern.Format(d));

    /// <summary>"Wed 28 Jan 2026", or "Thu 29 Jan 2026, 00:30 (UTC+08:00)" when the time of day is known.</summary>
    public static string Published(DocumentTime published) => PublishedTexts.GetOrAdd(published, FormatPublished);

    private static string FormatPublished(DocumentTime published)
    {
        string day = ShortDay(published.Date);
        if (!published.HasTimeOfDay)
        {
            return day;
        }

        return $"{day}, {TimePattern.Format(published.Published.TimeOfDay)} (UTC{OffsetText.Format(published.Published.Offset)})";
    }

    /// <summary>
    /// What a temporal expression resolved to, for readers: "Sat 24 Jan 2026" for a day, "October 2025" for a month,
    /// "15 days" for a duration, else the TIMEX3 value.
    /// </summary>
    public static string Resolution(TemporalMention mention)
    {
        if (mention.Range is { } range)
        {
            return range.Granularity >= Granularity.Day && mention.Mod == TimexMod.None
                ? ShortDay(range.Start)
                : Format(mention.Value, mention.Mod, range);
        }

        return mention.Type == TimexType.Duration ? Duration(mention.Value) : mention.Value;
    }

    /// <summary>
    /// The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute when HTML has one for this precision
    /// (day "2026-01-24", month "2026-01", year "2011", week "2026-W04"), else null.
    /// </summary>
    public static string? HtmlDateTime(string timexValue, DateRange range) => range.Granularity switch
    {
        >= Granularity.Day => Iso(range.Start),
        Granularity.Month => $"{range.Start.Year:D4}-{range.Start.Month:D2}",
        Granularity.Year when range.Start.Year >= 1000 => range.Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        Granularity.Week when timexValue.Length == 8 && timexValue[4] == '-' && timexValue[5] == 'W' => timexValue,
        _ => null,
    };

    private static string FormatCore(string timexValue, DateRange range)
    {
        LocalDate start = range.Start;
        switch (range.Granularity)
        {
            case >= Granularity.Day:
                return Day(start);
            case Granularity.Week:
                return "week of " + Day(start);
            case Granularity.Month:
                return Month(new YearMonth(start.Year, start.Month));
            case Granularity.Season:
                return SeasonName(timexValue) is { } season ? $"{season} {start.Year}" : Span(range);
            case Granularity.Quarter:
                return QuarterName(timexValue) is { } quarter ? $"{quarter} quarter of {start.Year}" : Span(range);
            case Granularity.Half:
                return timexValue.EndsWith("H1", StringComparison.Ordinal) ? $"first half of {start.Year}"
                    : timexValue.EndsWith("H2", StringComparison.Ordinal) ? $"second half of {start.Year}" : Span(range);
            case Granularity.Year:
                return start.Year.ToString(CultureInfo.InvariantCulture);
            case Granularity.Decade:
                return $"the {start.Year / 10 * 10}s";
            case Granularity.Century:
                return $"the {Ordinal(start.Year / 100 + 1)} century";
            default:
                return Span(range);
        }
    }

    private static string Span(DateRange range) =>
        range.Start == range.End ? Day(range.Start) : $"{Day(range.Start)} – {Day(range.End)}";

    private static string? SeasonName(string value) => value.Length >= 7 ? value[5..] switch
    {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        _ => null,
    } : null;

    private static string? QuarterName(string value) => value.Length >= 7 ? value[5..] switch
    {
        "Q1" => "first",
        "Q2" => "second",
        "Q3" => "third",
        "Q4" => "fourth",
        _ => null,
    } : null;

    private static string Ordinal(int n)
    {
        string suffix = (n % 100) is >= 11 and <= 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>"P15D" → "15 days"; anything else is returned as written.</summary>
    private static string Duration(string value)
    {
        if (value.Length < 3 || value[0] != 'P' || !int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return value;
        }

        string? unit = value[^1] switch { 'D' => "day", 'W' => "week", 'M' => "month", 'Y' => "year", _ => null };
        return unit is null ? value : Count(n, unit);
    }

    /// <summary>"1 source", "3 sources": a count and its noun, plural unless one.</summary>
    public static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
