using Timeline.Core.Temporal.Recognition;

namespace Timeline.Core.Temporal;

/// <summary>
/// The English temporal tagger: finds TIMEX3 expressions (DATE, TIME, DURATION, SET) and resolves them against the
/// publication time, the tense of their clause and the last date mentioned.
/// </summary>
/// <remarks>
/// Built like Duckling and chrono: a tokenizer classifies words with one lexicon lookup, and small rules (explicit dates,
/// weekdays, months, relative expressions, durations, sets, clock times, modifiers) match over the tokens; the longest
/// match wins at each position. Text is processed paragraph by paragraph, and a paragraph whose tokens hold no number
/// and no temporal word never reaches the rules. Immutable and thread-safe; never throws on any input text.
/// </remarks>
public sealed class TemporalTagger : ITemporalTagger
{
    [ThreadStatic]
    private static TokenBuffer? t_tokens;

    private readonly bool _exhaustive;

    public TemporalTagger()
    {
    }

    /// <summary>A tagger that tries every rule at every token, skipping the dispatch: slow; tests compare it with the default.</summary>
    internal TemporalTagger(bool exhaustive) => _exhaustive = exhaustive;

    public static TemporalTagger Default { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime)
    {
        if (string.IsNullOrEmpty(text) || documentTime is null)
        {
            return [];
        }

        var result = new List<TemporalMention>();
        var state = new DocState(documentTime) { ClockEntries = ChunkParser.HasClockEntries(text) };
        // The token buffer is the largest allocation per call: keep one per thread (Tag is not re-entrant).
        var tokens = t_tokens ??= new TokenBuffer(256);
        int start = 0;
        while (start < text.Length)
        {
            int end = ChunkEnd(text, start);
            tokens.Clear();
            if (Tokenizer.Tokenize(text, start, end, tokens))
            {
                new ChunkParser(text, tokens, state, _exhaustive).Run(result);
            }

            start = end;
        }

        if (tokens.Capacity > 16_384)
        {
            t_tokens = null; // do not keep a huge buffer alive after one giant paragraph
        }

        return result;
    }

    /// <summary>The end of the paragraph starting at <paramref name="start"/>: after a line break that starts a new sentence or a blank line.</summary>
    private static int ChunkEnd(string text, int start)
    {
        int i = start;
        while (true)
        {
            int nl = text.AsSpan(i).IndexOf('\n');
            if (nl < 0)
            {
                return text.Length;
            }

            i += nl + 1;
            int k = i;
            while (k < text.Length && text[k] is ' ' or '\t' or '\r')
            {
                k++;
            }

            // A line that starts in lower case continues the sentence of the line before (hard-wrapped text).
            if (k >= text.Length || !char.IsLower(text[k]))
            {
                return i;
            }
        }
    }
}
