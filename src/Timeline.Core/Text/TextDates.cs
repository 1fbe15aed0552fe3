using System.Text.RegularExpressions;
using NodaTime;

namespace Timeline.Core.Text;

/// <summary>A calendar date written in running text ("Jan. 29, 2026", "25 February 2025", "06/19/23"), with an optional clock time.</summary>
/// <param name="Start">Offset of the first character of the match in the searched text.</param>
/// <param name="End">Offset just past the match (end exclusive).</param>
/// <param name="ZoneAbbreviation">A time-zone abbreviation written after the time ("ET", "GMT"), if any.</param>
internal sealed record TextDate(int Start, int End, LocalDate Date, LocalTime? Time, string? ZoneAbbreviation)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds explicit, fully specified dates (with a year) in text. This is the small lexical layer that cleaning and
/// publication-date inference need; resolving relative expressions is the temporal tagger's job.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static partial class TextDates
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;
    private const int TimeoutMs = 1000;

    internal const string MonthName =
        @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    internal const string Weekday = @"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+";

    internal const string Time = @"(?<hour>\d{1,2})[:.](?<minute>[0-5]\d)(?:\s*(?<ampm>[ap])\.?\s?m\b\.?)?";

    internal const string Zone = @"(?:\s*(?<zone>ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK)\b)?";

    internal const string DatePart =
        @"(?:" + Weekday + @")?(?:" +
        MonthName + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})" +
        @"|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+" + MonthName + @",?\s+(?<year>\d{4})" +
        @"|(?<nmonth>\d{1,2})/(?<day>\d{1,2})/(?<year>\d{4}|\d{2})"
        + @"|(?<day>\d{1,2})\.(?<nmonth>\d{1,2})\.(?<year>\d{4})" +
        @"|(?<year>\d{4})-(?<nmonth>\d{2})-(?<day>\d{2})" +
        @")\b";

    /// <summary>An optional time before the date ("18:15 January 29, 2025"), the date, an optional time after it and a zone.</summary>
    internal const string Stamp =
        @"(?:(?<pretime>\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?\s?m\b\.?)?),?\s+)?" + DatePart +
        @"(?:,?\s+(?:at\s+)?" + Time + ")?" + Zone;

    [GeneratedRegex(@"(?<![\w/-])" + Stamp, Options, TimeoutMs)]
    private static partial Regex StampRegex();

    [GeneratedRegex(@"^(?<hour>\d{1,2})[:.](?<minute>[0-5]\d)(?:\s*(?<ampm>[ap])\.?\s?m\b\.?)?$", Options, TimeoutMs)]
    private static partial Regex BareTimeRegex();

    /// <summary>All explicit dates in <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), in order.</summary>
    public static IReadOnlyList<TextDate> FindAll(string text, int start = 0, int end = -1)
    {
        if (end < 0)
        {
            end = text.Length;
        }

        var found = new List<TextDate>();
        try
        {
            foreach (Match m in StampRegex().Matches(text[start..end]))
            {
                if (ToTextDate(m, start) is { } date)
                {
                    found.Add(date);
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: report what was found so far rather than fail the article.
        }

        return found;
    }

    /// <summary>Converts a match of a pattern built on <see cref="Stamp"/> to a date; null when it is not a real date.</summary>
    internal static TextDate? ToTextDate(Match m, int offset)
    {
        int? month = m.Groups["month"].Success ? MonthNumber(m.Groups["month"].Value)
            : m.Groups["nmonth"].Success ? int.Parse(m.Groups["nmonth"].ValueSpan, provider: null) : null;
        if (month is not int mo || !m.Groups["day"].Success || !m.Groups["year"].Success)
        {
            return null;
        }

        int day = int.Parse(m.Groups["day"].ValueSpan, provider: null);
        if (mo > 12 && day <= 12 && m.Groups["nmonth"].Success)
        {
            (mo, day) = (day, mo); // "19/02/2023": a first number above 12 can only be the day (day-first order)
        }

        if (mo is < 1 or > 12)
        {
            return null;
        }

        int year = int.Parse(m.Groups["year"].ValueSpan, provider: null);
        if (m.Groups["year"].Length == 2)
        {
            year += year < 70 ? 2000 : 1900;
        }

        if (year is < 1800 or > 2200 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, mo))
        {
            return null;
        }

        LocalTime? time = null;
        if (m.Groups["hour"].Success)
        {
            time = MakeTime(m.Groups["hour"].Value, m.Groups["minute"].Value, m.Groups["ampm"].Success ? m.Groups["ampm"].Value : null);
        }
        else if (m.Groups["pretime"].Success && BareTimeRegex().Match(m.Groups["pretime"].Value) is { Success: true } t)
        {
            time = MakeTime(t.Groups["hour"].Value, t.Groups["minute"].Value, t.Groups["ampm"].Success ? t.Groups["ampm"].Value : null);
        }

        string? zone = m.Groups["zone"].Success ? m.Groups["zone"].Value.ToUpperInvariant() : null;
        return new TextDate(offset + m.Index, offset + m.Index + m.Length, new LocalDate(year, mo, day), time, zone);
    }

    private static LocalTime? MakeTime(string hourText, string minuteText, string? ampm)
    {
        int hour = int.Parse(hourText, provider: null);
        int minute = int.Parse(minuteText, provider: null);
        if (ampm is not null)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour %= 12;
            if (ampm is "p" or "P")
            {
                hour += 12;
            }
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new LocalTime(hour, minute) : null;
    }

    /// <summary>1-12 for an English month name or abbreviation ("Sept", "January"); null otherwise.</summary>
    internal static int? MonthNumber(string name)
    {
        string key = name.TrimEnd('.').ToLowerInvariant();
        return key.Length < 3 ? null : key[..3] switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
            _ => null,
        };
    }

    /// <summary>The IANA zone for a North-American or European abbreviation written after a time; null when unknown.</summary>
    internal static DateTimeZone? ZoneFor(string? abbreviation) => abbreviation switch
    {
        null => null,
        "ET" or "EST" or "EDT" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("America/New_York"),
        "CT" or "CST" or "CDT" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("America/Chicago"),
        "MT" or "MST" or "MDT" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("America/Denver"),
        "PT" or "PST" or "PDT" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("America/Los_Angeles"),
        "GMT" or "UTC" => DateTimeZone.Utc,
        "BST" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("Europe/London"),
        "CET" or "CEST" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("Europe/Paris"),
        "EET" or "EEST" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("Europe/Athens"),
        "MSK" => DateTimeZoneProviders.Tzdb.GetZoneOrNull("Europe/Moscow"),
        _ => null,
    };
}
