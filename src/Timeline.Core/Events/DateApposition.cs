using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>
/// A counted date restated by the calendar date beside it: "Ten days earlier, on 6 November, he had opened…", "The next
/// day, 14 July, …". The writer gives the date twice; the calendar date is the text's own claim and the count (resolved
/// from whatever date came before) only repeats it, so a count that disagrees with it does not date an event of its own.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class DateApposition
{
    /// <summary>
    /// Whether <paramref name="date"/> is counted from another date (a narrative or "ago" rule) and stands next to a calendar
    /// date of the same sentence (<paramref name="others"/>), with nothing between them but punctuation and "on"/"in"/"the".
    /// Offsets are in the story's text; <paramref name="sentence"/> starts at <paramref name="sentenceStart"/>.
    /// </summary>
    public static bool IsRestatedCount(string sentence, int sentenceStart, TemporalMention date, ReadOnlySpan<TemporalMention> others)
    {
        if (!IsCounted(date))
        {
            return false;
        }

        foreach (TemporalMention other in others)
        {
            if (ReferenceEquals(other, date) || other.Value == date.Value || !other.Rule.StartsWith("date", StringComparison.Ordinal))
            {
                continue;
            }

            if (MentionGap.TryGet(sentence, sentenceStart, date, other, out ReadOnlySpan<char> gap) && OnlyJoiners(gap))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCounted(TemporalMention t) =>
        t.Rule.Contains("narrative", StringComparison.Ordinal) || t.Rule.Contains("ago", StringComparison.Ordinal);

    private static bool OnlyJoiners(ReadOnlySpan<char> gap)
    {
        foreach (Range part in gap.SplitAny(" \t,;:—–-()"))
        {
            ReadOnlySpan<char> word = gap[part];
            if (word.Length > 0 && !word.Equals("on", StringComparison.OrdinalIgnoreCase)
                && !word.Equals("in", StringComparison.OrdinalIgnoreCase) && !word.Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
