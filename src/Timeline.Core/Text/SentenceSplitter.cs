namespace Timeline.Core.Text;

/// <summary>
/// Splits a paragraph of news prose into sentences. A sentence ends at '.', '!' or '?' (plus closing quotes or brackets)
/// followed by white space and a capital, a digit or an opening quote, unless the period ends an abbreviation
/// ("Jan.", "Adm.", "Mr."), an initial ("J. Smith") or a dotted acronym that runs on ("U.S. President").
/// A trailing parenthetical ("(Maxim Shipenkov/Pool Photo via AP)") stays with its sentence.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Ft", "Rev", "Hon",
        "Gen", "Adm", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Cmdr", "Brig", "Gov", "Sen", "Rep",
        "Pres", "Supt", "Atty", "Insp", "Amb", "Messrs",
        "No", "Nos", "vs", "approx", "est", "dept", "Dept", "Corp", "Inc", "Ltd", "Co", "Bros",
        "e.g", "i.e", "cf", "al", "Ave", "Blvd", "Rd",
    };

    /// <summary>Words that, after a dotted acronym like "U.S.", show that a new sentence began.</summary>
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "In", "On", "At", "But", "And", "Or", "So",
        "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "There", "After", "Before", "When",
        "While", "However", "Meanwhile", "Still", "Yet", "Some", "Many", "Most", "If", "As", "Since",
    };

    /// <summary>Sentence spans (start, end exclusive) of <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), trimmed.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text, int start, int end)
    {
        var result = new List<(int Start, int End)>();
        int sentenceStart = start;
        for (int i = start; i < end; i++)
        {
            // The next sentence-ending mark, by a vectorised search.
            int mark = text.AsSpan(i, end - i).IndexOfAny(Terminators);
            if (mark < 0)
            {
                break;
            }

            i += mark;
            char c = text[i];

            int j = i + 1;
            while (j < end && text[j] is '.' or '!' or '?')
            {
                j++;
            }

            while (j < end && IsCloser(text[j]))
            {
                j++;
            }

            if (j >= end)
            {
                break;
            }

            if (!char.IsWhiteSpace(text[j]))
            {
                continue;
            }

            int k = j;
            while (k < end && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            if (k >= end || !StartsSentence(text[k]))
            {
                continue;
            }

            if (c == '.' && j == i + 1 && !EndsSentenceAfterPeriod(text, sentenceStart, i, k, end))
            {
                continue;
            }

            if (text[k] == '(' && IsTrailingParenthetical(text, k, end))
            {
                continue;
            }

            Add(result, text, sentenceStart, j);
            sentenceStart = k;
            i = k - 1;
        }

        Add(result, text, sentenceStart, end);
        return result;
    }

    /// <summary>The marks that may end a sentence.</summary>
    private static readonly System.Buffers.SearchValues<char> Terminators = System.Buffers.SearchValues.Create(".!?…");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary><paramref name="word"/> in lower case (invariant), written into <paramref name="buffer"/> (as long as the word).</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        word.ToLowerInvariant(buffer);
        return buffer;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«';

    /// <summary>Whether the period at <paramref name="dot"/> ends a sentence rather than an abbreviation or initial.</summary>
    private static bool EndsSentenceAfterPeriod(string text, int sentenceStart, int dot, int next, int end)
    {
        int w = dot;
        while (w > sentenceStart && !char.IsWhiteSpace(text[w - 1]) && text[w - 1] is not ('(' or '"' or '“' or '‘' or '—'))
        {
            w--;
        }

        ReadOnlySpan<char> word = text.AsSpan(w, dot - w);
        if (word.Length == 0)
        {
            return true;
        }

        if (AbbreviationLookup.Contains(word) || (word.Length <= 64 ? AbbreviationLookup.Contains(Lower(word, stackalloc char[word.Length])) : Abbreviations.Contains(word.ToString().ToLowerInvariant())))
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        if (IsDottedAcronym(word))
        {
            int e = next;
            while (e < end && char.IsLetter(text[e]))
            {
                e++;
            }

            return StarterLookup.Contains(text.AsSpan(next, e - next));
        }

        return true;
    }

    /// <summary>"U.S", "U.N", "a.m": letters separated by single periods (the final period is the candidate boundary).</summary>
    private static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            bool letterSlot = i % 2 == 0;
            if (letterSlot ? !char.IsLetter(word[i]) : word[i] != '.')
            {
                return false;
            }
        }

        return word.Length % 2 == 1;
    }

    /// <summary>A parenthetical that closes the paragraph, such as a photo credit.</summary>
    private static bool IsTrailingParenthetical(string text, int open, int end)
    {
        int close = text.IndexOf(')', open, end - open);
        if (close < 0)
        {
            return false;
        }

        for (int i = close + 1; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(List<(int Start, int End)> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add((start, end));
        }
    }
}
