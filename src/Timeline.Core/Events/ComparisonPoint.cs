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
    /// remembers 2021, when one ship blocked the canal": another story's year held up against this one), "since" after a
    /// superlative or "not seen/since" ("the worst since 1999", "the first time since 2008", "not seen since 1992"), the compared
    /// thing named with its year ("larger than anything since the eruption of Pinatubo in 1991", "comparable to Krakatoa in 1883"),
    /// or what could be done in that year ("In 2009 we could start cleaning the next day").
    /// </summary>
    public static bool IsComparedYear(string sentence, int at, int to, TemporalMention date)
    {
        if (date.Range is not { Granularity: <= Granularity.Year } || at <= 0 || at > sentence.Length || to > sentence.Length)
        {
            return false;
        }

        int from = Math.Max(0, at - 100);
        ReadOnlySpan<char> before = sentence.AsSpan(from, at - from);
        return ComparedBefore().IsMatch(before) || SinceAfterSuperlative().IsMatch(before)
            || NamedSinceAfterComparison().IsMatch(before) || NamedComparedBefore().IsMatch(before)
            || RecalledAbility().IsMatch(sentence.AsSpan(to));
    }

    // "compared the moment to 1917", "comparing it with 2008", "likened the protests to 1968", "drew parallels with 1914",
    // "reminiscent of 1929", "echoes of 1989", "he remembers 2021, when…": the comparison's object, within one clause (no sentence
    // or clause stop between).
    [GeneratedRegex(@"\b(compar(ed|ing|es?)|liken(ed|ing|s)?|equat(ed|ing|es?)|parallels?)\b[^.;:!?]{0,50}?\b(to|with)\s+(the\s+(year\s+)?)?$|\b(reminiscent|echoes)\s+of\s+(the\s+(year\s+)?)?$|\b(remember(s|ed|ing)?|recall(s|ed|ing)?)\s+(the\s+(year\s+)?)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex ComparedBefore();

    // The compared thing named with its year: "larger than anything since the eruption of Mount Pinatubo in 1991", "the worst
    // disaster to hit the country since Cyclone Gita in 2018", "the first time since the crash of 2008": a superlative, or a
    // comparative with "than", then "since", a noun phrase (no clause stop) and "in"/"of" right before the year.
    [GeneratedRegex(@"\b(worst|best|highest|lowest|biggest|largest|smallest|strongest|weakest|deadliest|sharpest|steepest|fastest|slowest|longest|greatest|most|least|first|(larger|bigger|worse|better|higher|lower|stronger|deadlier|greater|louder|more\s+\p{L}+)\s+than|not\s+(been\s+)?seen|unseen)\b[^.;:!?,]{0,60}?\bsince\s+[^.;:!?,]{0,60}?\b(in|of)\s+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex NamedSinceAfterComparison();

    // A comparison's object named with its year: "comparable to Krakatoa in 1883", "likened it to the Great Depression of 1929",
    // "similar to the floods of 2011": a word of comparison, "to"/"with", then a name and "in"/"of", or "the … of", right before
    // the year ("compared notes with the regulator in 2019" is a happening of 2019: not read).
    [GeneratedRegex(@"\b(compar(ed|ing|es?|able)|liken(ed|ing|s)?|similar|equat(ed|ing|es?)|parallels?)\b[^.;:!?]{0,50}?\b(to|with)\s+(the\s+)?((\p{Lu}[\p{L}'’\-]*\s+){1,4}(in|of)|\p{Ll}+(\s+\p{Ll}+)?\s+of)\s+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex NamedComparedBefore();

    // A year that opens what could be done then ("In 2009 we could start cleaning the next day", "In 1990 you could still buy a
    // house for ..."): an ability or a habit of that time, held up against now, not a happening. "could have" (a missed chance)
    // and "would" (which may tell what came next: "In 2015 he would become president") are not read.
    [GeneratedRegex(@"^[\s,]*(\p{L}[\p{L}'’]*\s+){0,3}?(could|used\s+to)\s+(?!have\b)(still\s+|not\s+|only\s+|just\s+)?\p{Ll}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex RecalledAbility();

    // "the worst since 1999", "the biggest one-day fall since 2008", "the first time since 1992", "not seen since 1976".
    [GeneratedRegex(@"\b(worst|best|highest|lowest|biggest|largest|smallest|strongest|weakest|deadliest|sharpest|steepest|fastest|slowest|longest|greatest|most|least|first|not\s+(been\s+)?seen|unseen)\b[^.;:!?,]{0,40}?\bsince\s+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex SinceAfterSuperlative();
}
