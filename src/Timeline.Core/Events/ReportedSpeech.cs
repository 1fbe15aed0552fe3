using System.Text.RegularExpressions;
using static Timeline.Core.RegexDefaults;

namespace Timeline.Core.Events;

/// <summary>
/// Direct speech reported in the past: a quotation whose sentence attributes it with a past verb of saying (""I will invoke my
/// privilege today," he said", "She told reporters: "We leave today.""). What the quote says of "today" was said before the report
/// was written, on the day of the speech, whatever the tense inside the quote. Stateless and thread-safe.
/// </summary>
public static partial class ReportedSpeech
{
    /// <summary>
    /// Whether offset <paramref name="at"/> of <paramref name="sentence"/> is inside a quotation (an odd number of double quote
    /// marks before it) that the sentence attributes with a past verb of saying right after its closing mark or right before
    /// its opening mark.
    /// </summary>
    public static bool IsQuotedInPast(string sentence, int at)
    {
        if (at <= 0 || at > sentence.Length || !IsInsideQuotation(sentence, at))
        {
            return false;
        }

        int open = sentence.AsSpan(0, at).LastIndexOfAny(QuoteMarks);
        int close = sentence.AsSpan(at).IndexOfAny(QuoteMarks);
        return (close >= 0 && AttributionAfter().IsMatch(sentence, at + close + 1))
            || AttributionBefore().IsMatch(sentence.AsSpan(Math.Max(0, open - 60), Math.Min(open, 60)));
    }

    /// <summary>Whether offset <paramref name="at"/> of <paramref name="sentence"/> is inside a quotation: an odd number of double quote marks before it.</summary>
    public static bool IsInsideQuotation(string sentence, int at)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ReadOnlySpan<char> before = sentence.AsSpan(0, Math.Clamp(at, 0, sentence.Length));
        int quotes = 0;
        for (int k = before.IndexOfAny(QuoteMarks); k >= 0; k = before.IndexOfAny(QuoteMarks))
        {
            quotes++;
            before = before[(k + 1)..];
        }

        return quotes % 2 == 1;
    }

    /// <summary>The double quote marks, straight and curly.</summary>
    private static readonly System.Buffers.SearchValues<char> QuoteMarks = System.Buffers.SearchValues.Create("\"“”");

    // ", he said", ", his brother Philonise told a news conference", " said the mayor": a past verb of saying within six words.
    [GeneratedRegex(@"\G[\s,]*(\p{L}[\p{L}'’.\-]*\s+){0,5}(said|told|added|announced|declared|stated|insisted|wrote|posted|tweeted|explained|remarked|replied|conceded|acknowledged|admitted|warned|claimed|testified|shouted|vowed|promised)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex AttributionAfter();

    // "He said: ", "told reporters, ", "She added, ": a past verb of saying closing the words before the opening mark.
    [GeneratedRegex(@"\b(said|told|added|announced|declared|stated|insisted|wrote|posted|tweeted|explained|remarked|replied|warned|shouted)\b(\s+\p{L}[\p{L}'’\-]*){0,3}\s*[:,]?\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex AttributionBefore();
}
