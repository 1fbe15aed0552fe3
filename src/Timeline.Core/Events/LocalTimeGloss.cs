using System.Text.RegularExpressions;
using NodaTime;
using Timeline.Core.Text;
using static Timeline.Core.RegexDefaults;

namespace Timeline.Core.Events;

/// <summary>
/// A date given again in another place's local time: "dismissed Altman on Friday, U.S. Pacific time (early Saturday in
/// Japan)", "said late on Sunday in California, in the early hours of Monday London time". The gloss names the same moment on
/// another calendar, so when the sentence also gives the date without it (or in the site's own zone), the gloss does not date
/// an event of its own. A gloss that is the sentence's only date still dates it: it is the best the text gives.
/// </summary>
/// <remarks>Places are read from the tz database (cities and single-zone countries, see <see cref="DatelineZone"/>); the
/// US zone names ("Pacific", "Eastern"…) and GMT/UTC are the only names added by hand. Stateless and thread-safe.</remarks>
public static partial class LocalTimeGloss
{
    private static readonly Dictionary<string, string> ZoneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Pacific"] = "America/Los_Angeles",
        ["Mountain"] = "America/Denver",
        ["Central"] = "America/Chicago",
        ["Eastern"] = "America/New_York",
        ["GMT"] = "Etc/GMT",
        ["UTC"] = "Etc/UTC",
    };

    /// <summary>
    /// The zone a date ending at <paramref name="end"/> of <paramref name="sentence"/> is said to be in ("… in Japan",
    /// "… London time", "… U.S. Pacific time"), or null when no known place follows it.
    /// </summary>
    public static DateTimeZone? ZoneAfter(string sentence, int end)
    {
        if (end < 0 || end >= sentence.Length)
        {
            return null;
        }

        Match m = Qualifier().Match(sentence, end);
        if (!m.Success)
        {
            return null;
        }

        string place = m.Groups["place"].Value;
        // "U.S. Pacific", "New York": the whole name first, then its last word ("Pacific"); a sentence's full stop
        // ("… in Singapore.") is not part of the name.
        string last = place[(place.LastIndexOf(' ') + 1)..];
        foreach (string candidate in new[] { place, last, place.TrimEnd('.'), last.TrimEnd('.') })
        {
            if (ZoneWords.TryGetValue(candidate, out string? id))
            {
                return DateTimeZoneProviders.Tzdb[id];
            }

            if (DatelineZone.OfPlace(candidate) is { } zone)
            {
                return zone;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="date"/> is a gloss: followed by a place whose zone's offset at <paramref name="published"/>
    /// differs from <paramref name="siteZone"/>'s, next to another date of the sentence (<paramref name="others"/>) that is
    /// within a day of it, not such a gloss itself, and separated from it by nothing but place and time words ("Friday,
    /// U.S. Pacific time (early Saturday in Japan)"). "Met on Monday in Paris and flew home on Tuesday" has a verb between
    /// its dates: two statements, not a gloss. Offsets are in the story's text; <paramref name="sentence"/> starts at
    /// <paramref name="sentenceStart"/>.
    /// </summary>
    public static bool IsForeignGloss(string sentence, int sentenceStart, Temporal.TemporalMention date, ReadOnlySpan<Temporal.TemporalMention> others, DateTimeZone siteZone, Instant published)
    {
        if (date.Range is not { } range || !IsForeign(ZoneAfter(sentence, date.End - sentenceStart) ?? ZoneAbbreviationAt(sentence, date.Start - sentenceStart, date.End - sentenceStart), siteZone, published))
        {
            return false;
        }

        foreach (Temporal.TemporalMention other in others)
        {
            if (ReferenceEquals(other, date) || other.Range is not { } otherRange
                || Math.Abs(Period.Between(range.Start, otherRange.Start, PeriodUnits.Days).Days) > 1
                || IsForeign(ZoneAfter(sentence, other.End - sentenceStart), siteZone, published))
            {
                continue;
            }

            if (MentionGap.TryGet(sentence, sentenceStart, date, other, out ReadOnlySpan<char> gap) && OnlyPlaceAndTimeWords(gap))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="date"/> makes a sentence of its own that only restates the moment the sentence before told, in a
    /// place's local time: "That was early on Friday, New Zealand time.", "It was already Saturday in Tokyo." A demonstrative or
    /// "it" with a form of "be", the date, a place whose offset at <paramref name="published"/> differs from
    /// <paramref name="siteZone"/>'s, and nothing else but place and time words. No happening is told in it.
    /// </summary>
    public static bool IsRestatedMoment(string sentence, int sentenceStart, Temporal.TemporalMention date, DateTimeZone siteZone, Instant published)
    {
        int at = date.Start - sentenceStart;
        int end = date.End - sentenceStart;
        if (at <= 0 || end > sentence.Length || RestatingOpening().Match(sentence) is not { Success: true } opening || opening.Length > at
            || !OnlyPlaceAndTimeWords(sentence.AsSpan(opening.Length, at - opening.Length))
            || Qualifier().Match(sentence, end) is not { Success: true } qualifier
            || !IsForeign(ZoneAfter(sentence, end), siteZone, published))
        {
            return false;
        }

        return sentence.AsSpan(qualifier.Index + qualifier.Length).TrimEnd().TrimEnd(".!)\"'’”".AsSpan()).IsWhiteSpace();
    }

    /// <summary>"That was", "This is", "It was already", "which was": the opening of a sentence that restates a moment.</summary>
    [GeneratedRegex(@"^\s*(that|this|it|which)\s+(was|is|'s|would\s+have\s+been|had\s+been)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex RestatingOpening();

    private static readonly Dictionary<string, string> ZoneAbbreviations = new(StringComparer.Ordinal)
    {
        ["AEST"] = "Australia/Sydney", ["AEDT"] = "Australia/Sydney", ["ACST"] = "Australia/Adelaide", ["AWST"] = "Australia/Perth",
        ["NZST"] = "Pacific/Auckland", ["NZDT"] = "Pacific/Auckland", ["JST"] = "Asia/Tokyo", ["KST"] = "Asia/Seoul",
        ["HKT"] = "Asia/Hong_Kong", ["SGT"] = "Asia/Singapore", ["IST"] = "Asia/Kolkata", ["PHT"] = "Asia/Manila",
        ["WIB"] = "Asia/Jakarta", ["SAST"] = "Africa/Johannesburg", ["MSK"] = "Europe/Moscow", ["BST"] = "Europe/London",
        ["CET"] = "Europe/Paris", ["CEST"] = "Europe/Paris", ["EET"] = "Europe/Athens", ["EEST"] = "Europe/Athens",
        ["EST"] = "America/New_York", ["EDT"] = "America/New_York", ["CST"] = "America/Chicago", ["CDT"] = "America/Chicago",
        ["PST"] = "America/Los_Angeles", ["PDT"] = "America/Los_Angeles",
    };

    /// <summary>
    /// The zone of an abbreviation written inside the date or just before or after it ("5am AEST today", "9pm EDT Sunday"), or null.
    /// GMT and UTC are left out: they are the reference, not another place.
    /// </summary>
    public static DateTimeZone? ZoneAbbreviationAt(string sentence, int start, int end)
    {
        if (start < 0 || end > sentence.Length || start >= end)
        {
            return null;
        }

        int from = Math.Max(0, start - 6);
        int to = Math.Min(sentence.Length, end + 6);
        foreach (ValueMatch m in Abbreviation().EnumerateMatches(sentence.AsSpan(from, to - from)))
        {
            if (ZoneAbbreviations.TryGetValue(sentence.Substring(from + m.Index, m.Length), out string? id))
            {
                return DateTimeZoneProviders.Tzdb[id];
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b[A-Z]{3,4}\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex Abbreviation();

    /// <summary>Whether every word of <paramref name="gap"/> is capitalised (a place) or a word of a time gloss.</summary>
    private static bool OnlyPlaceAndTimeWords(ReadOnlySpan<char> gap)
    {
        foreach (ValueMatch word in GapWord().EnumerateMatches(gap))
        {
            ReadOnlySpan<char> w = gap.Slice(word.Index, word.Length);
            if (!char.IsUpper(w[0]) && !GlossWords.Contains(w.ToString()))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> GlossWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "on", "of", "the", "early", "late", "hours", "morning", "afternoon", "evening", "night", "time", "local",
        "or", "which", "was", "is", "already", "still", "by", "then",
    };

    [GeneratedRegex(@"\p{L}[\p{L}.'’]*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex GapWord();

    private static bool IsForeign(DateTimeZone? zone, DateTimeZone siteZone, Instant at) =>
        zone is not null && zone.GetUtcOffset(at) != siteZone.GetUtcOffset(at);

    /// <summary>Right after a date (and a part of the day): ", in Japan", " afternoon in Singapore", " London time", ", U.S. Pacific time" (up to three capitalised words).</summary>
    [GeneratedRegex(@"\G(?:[ \t]+(?:morning|afternoon|evening|night))?,?[ \t]+(?:(?:in|at)[ \t]+(?:the[ \t]+)?(?<place>\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2})(?![ \t]+time\b)|(?<place>\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2})[ \t]+time\b)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex Qualifier();
}
