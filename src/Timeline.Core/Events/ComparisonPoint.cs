using System.Text.RegularExpressions;
using Timeline.Core.Temporal;
using static Timeline.Core.RegexDefaults;

namespace Timeline.Core.Events;

/// <summary>
/// A year named only as a point of comparison: "He compared the moment to 1917", "likened the crisis to 1968", "the worst
/// since 1999", "not seen since 2008", "reminiscent of 1929". TimeML still tags the year (it is a date), but nothing of the
/// story happened in it: the sentence is about now, measured against then. Stateless and thread-safe.
/// </summary>
public static partial class ComparisonPoint
{
    /// <summary>
    /// Whether the date at <paramref name="at"/>..<paramref name="to"/> of <paramref name="sentence"/> (a year or coarser) is
    /// the object of a comparison: "compared/likened/equated … to/with", "reminiscent of", "echoes of", a year remembered ("he
    /// remembers 2021, when one ship blocked the canal": another story's year held up against this one), or "since" after a
    /// superlative or "not seen/since" ("the worst since 1999", "the first time since 2008", "not seen since 1992").
    /// </summary>
    public static bool IsComparedYear(string sentence, int at, int to, TemporalMention date)
    {
        if (date.Range is not { Granularity: <= Granularity.Year } || at <= 0 || at > sentence.Length || to > sentence.Length)
        {
            return false;
        }

        int from = Math.Max(0, at - 100);
        ReadOnlySpan<char> before = sentence.AsSpan(from, at - from);
        return ComparedBefore().IsMatch(before) || SinceAfterSuperlative().IsMatch(before);
    }

    // "compared the moment to 1917", "comparing it with 2008", "likened the protests to 1968", "drew parallels with 1914",
    // "reminiscent of 1929", "echoes of 1989", "he remembers 2021, when…": the comparison's object, within one clause (no sentence
    // or clause stop between).
    [GeneratedRegex(@"\b(compar(ed|ing|es?)|liken(ed|ing|s)?|equat(ed|ing|es?)|parallels?)\b[^.;:!?]{0,50}?\b(to|with)\s+(the\s+(year\s+)?)?$|\b(reminiscent|echoes)\s+of\s+(the\s+(year\s+)?)?$|\b(remember(s|ed|ing)?|recall(s|ed|ing)?)\s+(the\s+(year\s+)?)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex ComparedBefore();

    // "the worst since 1999", "the biggest one-day fall since 2008", "the first time since 1992", "not seen since 1976".
    [GeneratedRegex(@"\b(worst|best|highest|lowest|biggest|largest|smallest|strongest|weakest|deadliest|sharpest|steepest|fastest|slowest|longest|greatest|most|least|first|not\s+(been\s+)?seen|unseen)\b[^.;:!?,]{0,40}?\bsince\s+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex SinceAfterSuperlative();
}
