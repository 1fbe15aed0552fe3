using NodaTime;
using Timeline.Core.Temporal.Resolution;

namespace Timeline.Core.Temporal.Recognition;

/// <summary>
/// A quotation's "today" read on the day it was said. Reported speech is anchored on the time it was spoken, not on the day the
/// report came out: "The family said on Tuesday evening that they could breathe. "Today, we are able to breathe again," his brother
/// told a news conference." in a paper dated Wednesday is Tuesday's "today".
/// </summary>
internal sealed partial class ChunkParser
{
    /// <summary>End token of the last day (or finer) told in this chunk (see <see cref="DocState.LastDay"/>), or -1.</summary>
    private int _lastDayEnd = -1;

    /// <summary>
    /// The day a quotation's "today" (token <paramref name="i"/>) was said, when the text gives it: "today" is inside a direct
    /// quotation whose sentence attributes it with a past verb of saying (", his brother told a news conference", "he said:"), and the
    /// sentence right before, in the same paragraph, reports speech with a past verb of saying and tells a day within the week before
    /// publication ("The family said on Tuesday evening that …"): the quotation is that speech. Null otherwise: a quote with no day
    /// of speech given is read on the publication day (a same-day report), and a day told by a sentence that reports no speech ("The
    /// storm hit on Monday. "Today we clean up," the mayor said.") is the day of a happening, not of the words.
    /// </summary>
    private Resolved? QuotedSpeechDay(int i)
    {
        if (_st.LastDay is not { } told || told >= Dct || told < Dct.PlusDays(-7) || _lastDayEnd < 0 || _lastDayEnd > i
            || !OddQuotesBetween(0, i))
        {
            return null;
        }

        int start = SentenceStart(i);
        if (_lastDayEnd > start || start == 0)
        {
            return null; // the day is in the quote's own sentence (SpeechDay's case), or no sentence comes before
        }

        int previous = SentenceStart(start - 1);
        if (_lastDayEnd <= previous || !PastSpeechVerbIn(previous, start) || !AttributedInPast(i, start))
        {
            return null;
        }

        return Cal.Day(told);
    }

    /// <summary>Whether an odd number of quote marks stand in tokens [<paramref name="from"/>, <paramref name="to"/>): a token at
    /// <paramref name="to"/> is inside a quotation opened after <paramref name="from"/> (from 0: inside a quotation at all).</summary>
    private bool OddQuotesBetween(int from, int to)
    {
        int quotes = 0;
        for (int k = from; k < to; k++)
        {
            quotes += IsQuote(k) ? 1 : 0;
        }

        return quotes % 2 == 1;
    }

    /// <summary>The first token of the sentence holding token <paramref name="k"/>.</summary>
    private int SentenceStart(int k)
    {
        while (k > 0 && !SentenceBreakAfter(k - 1))
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// Whether the quotation around token <paramref name="i"/> is attributed with a past verb of saying: within eight tokens after
    /// its closing mark (", his brother Philonise told", ", she said") or before its opening mark ("He said: ", "told reporters:").
    /// </summary>
    private bool AttributedInPast(int i, int sentenceStart)
    {
        int close = i + 1;
        while (close < _n && !IsQuote(close))
        {
            close++;
        }

        for (int k = close + 1; k < _n && k <= close + 8 && !SentenceBreakAfter(k - 1); k++)
        {
            if (PastSpeechVerb(k))
            {
                return true;
            }
        }

        int open = i - 1;
        while (open >= 0 && !IsQuote(open))
        {
            open--;
        }

        return PastSpeechVerbIn(Math.Max(sentenceStart, open - 8), Math.Max(0, open));
    }

    private bool PastSpeechVerbIn(int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (PastSpeechVerb(k))
            {
                return true;
            }
        }

        return false;
    }

    private bool PastSpeechVerb(int k) =>
        Word(k, "said") || Word(k, "told") || Word(k, "added") || Word(k, "announced") || Word(k, "declared") || Word(k, "stated")
        || Word(k, "insisted") || Word(k, "wrote") || Word(k, "posted") || Word(k, "tweeted") || Word(k, "explained") || Word(k, "remarked")
        || Word(k, "replied") || Word(k, "conceded") || Word(k, "acknowledged") || Word(k, "admitted") || Word(k, "warned")
        || Word(k, "claimed") || Word(k, "testified") || Word(k, "shouted") || Word(k, "vowed") || Word(k, "promised");
}
