using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Timeline.Core.Events;

/// <summary>
/// Content terms of English text for similarity: lower-cased word tokens, stop words removed, a light suffix
/// stemmer ("visited", "visits", "visiting" → "visit"). Good enough to compare news sentences; not linguistics.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class Terms
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all", "almost", "also", "although",
        "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be", "became", "because", "been", "before",
        "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down", "during",
        "each", "early", "earlier", "either", "else", "even", "ever", "every", "few", "for", "former", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
        "in", "into", "is", "it", "its", "itself", "just", "last", "late", "later", "latest", "least", "less", "like", "made",
        "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "near", "nearly", "never", "new", "next",
        "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours",
        "out", "over", "own", "per", "perhaps", "rather", "recent", "recently", "s", "said", "same", "say", "saying", "says",
        "several", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "told", "too",
        "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
        "your", "mr", "mrs", "ms", "dr", "t", "don", "didn", "doesn", "isn", "wasn", "weren", "won", "two", "three", "four",
        "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",

        // Calendar words: the date is compared separately, its spelling must not make sentences similar.
        "today", "yesterday", "tomorrow", "tonight", "day", "days", "week", "weeks", "weekend", "month", "months", "year",
        "years", "morning", "afternoon", "evening", "night", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]);

    /// <summary>
    /// A small lemma and synonym table for the verbs and nouns news uses for the same happening in different words
    /// ("ran aground" / "grounded" / "became wedged"; "refloated" / "freed"; "halted" / "suspended"), and irregular forms
    /// the suffix stemmer cannot reach ("began" / "begun"). Looked up before stemming; the value is the term used.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Lemmas = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["aground"] = "aground", ["grounded"] = "aground", ["grounding"] = "aground", ["stranded"] = "aground", ["wedged"] = "aground",
        ["stuck"] = "aground", ["lodged"] = "aground", ["beached"] = "aground",
        ["free"] = "free", ["freed"] = "free", ["freeing"] = "free", ["refloat"] = "free", ["refloated"] = "free", ["refloating"] = "free",
        ["dislodge"] = "free", ["dislodged"] = "free", ["unstuck"] = "free", ["rescued"] = "free", ["rescue"] = "free",
        ["halt"] = "halt", ["halted"] = "halt", ["halts"] = "halt", ["suspend"] = "halt", ["suspended"] = "halt", ["suspends"] = "halt",
        ["suspension"] = "halt", ["stopped"] = "halt", ["stop"] = "halt", ["stops"] = "halt",
        ["die"] = "die", ["died"] = "die", ["dies"] = "die", ["dying"] = "die", ["dead"] = "die", ["death"] = "die", ["deaths"] = "die",
        ["killed"] = "die", ["kill"] = "die", ["kills"] = "die", ["killing"] = "die",
        ["arrest"] = "arrest", ["arrested"] = "arrest", ["arrests"] = "arrest", ["detained"] = "arrest", ["detain"] = "arrest",
        ["resign"] = "resign", ["resigned"] = "resign", ["resigns"] = "resign", ["resignation"] = "resign", ["quit"] = "resign", ["quits"] = "resign",
        ["earthquake"] = "quake", ["quake"] = "quake", ["tremor"] = "quake", ["earthquakes"] = "quake", ["quakes"] = "quake",
        ["began"] = "begin", ["begun"] = "begin", ["begins"] = "begin", ["start"] = "begin", ["started"] = "begin", ["starts"] = "begin",
        ["rose"] = "rise", ["risen"] = "rise", ["rises"] = "rise", ["jumped"] = "rise", ["surged"] = "rise", ["climbed"] = "rise",
        ["fell"] = "fall", ["fallen"] = "fall", ["falls"] = "fall", ["dropped"] = "fall", ["slipped"] = "fall", ["slumped"] = "fall",
        ["met"] = "meet", ["meets"] = "meet", ["meeting"] = "meet", ["took"] = "take", ["taken"] = "take", ["takes"] = "take",
        ["won"] = "win", ["wins"] = "win", ["lost"] = "lose", ["loses"] = "lose", ["fled"] = "flee", ["sank"] = "sink", ["sunk"] = "sink",
        ["shut"] = "close", ["closed"] = "close", ["closes"] = "close", ["closure"] = "close", ["closing"] = "close",
        ["ordered"] = "order", ["orders"] = "order",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The content terms of <paramref name="text"/>, in text order (repeats kept).</summary>
    public static List<string> Of(ReadOnlySpan<char> text)
    {
        // Collected in a reused buffer, returned in a list of the exact size (sites keep these lists per sentence and story).
        List<string> result = Scratch ??= new List<string>(64);
        result.Clear();
        Span<char> buffer = stackalloc char[32];
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] == '-' || text[i] == '\'' || text[i] == '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            ReadOnlySpan<char> word = text[start..i];
            if (word.Length > buffer.Length || word.Length < 2)
            {
                continue;
            }

            int n = 0;
            foreach (char c in word)
            {
                if (c is '\'' or '’')
                {
                    break; // drop possessive and contraction tails: "Syria's" → "syria"
                }

                buffer[n++] = char.ToLowerInvariant(c);
            }

            ReadOnlySpan<char> lower = buffer[..n];
            if (lower.StartsWith("al-") && lower.Length > 4)
            {
                lower = lower[3..]; // Arabic article: "al-Sharaa" and "Sharaa" are one name
            }

            if (lower.Length < 2 || IsNumber(lower))
            {
                continue;
            }

            string term = CachedTermOf(lower);
            if (term.Length > 0)
            {
                result.Add(term);
            }
        }

        var terms = new List<string>(result.Count);
        terms.AddRange(result);
        result.Clear();
        return terms;
    }

    [ThreadStatic]
    private static List<string>? Scratch;

    /// <summary>Most distinct words a process remembers the term of (beyond it, new words are analysed every time).</summary>
    private const int MaxKnownWords = 1 << 20;

    /// <summary>
    /// The term of each lower-case word seen so far ("" for a stop word): every occurrence of a term is then one string,
    /// so the terms a large site keeps per story cost a reference each, and a word is stemmed once per process.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    private static int _knownWords;

    /// <summary>The one string of each term in <see cref="Known"/>.</summary>
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Slots of a thread's <see cref="RecentWords"/> (a power of two).</summary>
    private const int RecentSlots = 4096;

    /// <summary>
    /// A small direct-mapped cache of <see cref="TermOf"/> per thread, by a hash of the word: news repeats a few thousand
    /// words most of the time, and a slot compared here costs less than a lookup in the shared <see cref="Known"/>.
    /// </summary>
    [ThreadStatic]
    private static (string Word, string Term)[]? RecentWords;

    /// <summary><see cref="TermOf"/>, through this thread's <see cref="RecentWords"/>.</summary>
    private static string CachedTermOf(ReadOnlySpan<char> lower)
    {
        uint hash = 2166136261;
        foreach (char c in lower)
        {
            hash = (hash ^ c) * 16777619;
        }

        (string Word, string Term)[] recent = RecentWords ??= new (string, string)[RecentSlots];
        ref (string Word, string Term) slot = ref recent[(int)(hash & (RecentSlots - 1))];
        if (slot.Word is { } word && lower.SequenceEqual(word))
        {
            return slot.Term;
        }

        string term = TermOf(lower, out string key);
        slot = (key, term);
        return term;
    }

    /// <summary>The term of a lower-case word, or "" for a stop word; and the word as a string (the one <see cref="Known"/> keeps when it has it).</summary>
    private static string TermOf(ReadOnlySpan<char> lower, out string key)
    {
        if (KnownBySpan.TryGetValue(lower, out string? knownWord, out string? known))
        {
            key = knownWord;
            return known;
        }

        string word = lower.ToString();
        key = word;
        string term = StopWords.Contains(word) ? "" : Lemmas.TryGetValue(word, out string? lemma) ? lemma : Stem(word);
        if (Volatile.Read(ref _knownWords) >= MaxKnownWords)
        {
            return term;
        }

        Interlocked.Increment(ref _knownWords);

        // One string per term, whichever words yield it ("visits", "visited" → one "visit").
        term = term.Length == 0 ? term : Pool.GetOrAdd(term, term);
        return Known.GetOrAdd(word, term);
    }

    /// <summary>Whether <paramref name="word"/> (lower case) is a stop word.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>
    /// A light English suffix stemmer: plural and verb inflections, "-ian"/"-ese" demonyms to their country stem
    /// only by prefix (handled in <see cref="SharesStem"/>). Deterministic; short words are left alone.
    /// </summary>
    public static string Stem(string w)
    {
        if (w.Length <= 4)
        {
            return w;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 5)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 6)
        {
            return Undouble(w[..^3]);
        }

        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 5)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 5)
        {
            string s = w[..^2];
            return s.EndsWith('e') ? s : Undouble(s);
        }

        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 5 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)))
        {
            return w[..^2];
        }

        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        return w;
    }

    /// <summary>Whether two terms share a stem of at least five letters by prefix ("syrian" and "syria").</summary>
    public static bool SharesStem(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        int n = Math.Min(a.Length, b.Length);
        return n >= 5 && string.CompareOrdinal(a, 0, b, 0, n) == 0 && Math.Abs(a.Length - b.Length) <= 2;
    }

    private static string Undouble(string s) =>
        s.Length > 3 && s[^1] == s[^2] && s[^1] is not ('l' or 's' or 'z') ? s[..^1] : s.EndsWith("at", StringComparison.Ordinal) || s.EndsWith("iz", StringComparison.Ordinal) ? s + "e" : s;

    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static readonly object NumberGate = new();
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly List<string> Numbered = [];

    /// <summary>
    /// A number for <paramref name="term"/>, the same for the whole process (so per-story work keyed on numbers can be kept
    /// across builds); <see cref="NumberedTerm"/> turns it back. Thread-safe.
    /// </summary>
    internal static int Number(string term)
    {
        lock (NumberGate)
        {
            if (!Numbers.TryGetValue(term, out int number))
            {
                Numbers[term] = number = Numbered.Count;
                Numbered.Add(term);
            }

            return number;
        }
    }

    /// <summary>The term numbered <paramref name="number"/> by <see cref="Number"/>.</summary>
    internal static string NumberedTerm(int number)
    {
        lock (NumberGate)
        {
            return Numbered[number];
        }
    }
}
