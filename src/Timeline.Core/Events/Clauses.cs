using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Timeline.Core.Events;

/// <summary>A piece of a sentence between commas, semicolons or dashes: offsets into the sentence (end exclusive).</summary>
internal readonly record struct Segment(int Start, int End);

/// <summary>
/// Shallow clause reading of one English sentence without a parser: segments at punctuation, a verb lexicon,
/// relative and adverbial clause openers. Enough to tell a dated statement from a dated noun phrase, to find the
/// clause a date belongs to, and to trim a sentence to its main clause for a headline.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static partial class Clauses
{
    /// <summary>Longest headline, in characters, before it is cut at a clause or word boundary.</summary>
    public const int MaxHeadline = 120;

    private static readonly FrozenSet<string> Verbs = FrozenSet.ToFrozenSet(
    [
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would",
        "can", "could", "shall", "should", "may", "might", "must", "said", "says", "say", "told", "tells", "began", "begun",
        "begins", "broke", "came", "comes", "went", "goes", "got", "gave", "gives", "given", "took", "takes", "taken", "made",
        "makes", "met", "meets", "held", "holds", "led", "leads", "fled", "won", "wins", "lost", "saw", "seen", "found",
        "sent", "spent", "left", "kept", "knew", "thought", "brought", "bought", "fought", "caught", "sought", "taught",
        "built", "struck", "stood", "sat", "ran", "rose", "fell", "felt", "paid", "laid", "hit", "put", "set", "shut", "quit",
        "cut", "let", "drew", "grew", "threw", "flew", "chose", "spoke", "stole", "wrote", "drove", "arose", "froze", "hid",
        "shook", "sank", "rang", "became", "becomes", "overcame", "withdrew", "oversaw", "visits", "plans", "expects",
        "announces", "arrives", "hosts", "calls", "signs", "starts", "opens", "dies", "died", "warns", "urges", "vows",
        "agrees", "rejects", "denies", "claims", "reports", "confirms", "sentenced", "won't", "wouldn't", "didn't",
        "hasn't", "haven't", "isn't", "wasn't", "weren't", "can't", "couldn't", "don't", "doesn't", "struck", "swore",
        "tore", "wore", "bore", "forgave", "undertook", "upheld", "withheld", "overthrew", "beat", "read", "heard", "meant",
        "sold", "stuck", "swept", "wept", "dealt", "slid", "spread", "split", "bid", "lit", "dug", "flung", "hung", "led",
    ]);

    private static readonly FrozenSet<string> NotVerbsEndingInEd = FrozenSet.ToFrozenSet(
    [
        "need", "seed", "speed", "bed", "red", "hundred", "feed", "deed", "breed", "creed", "greed", "shed", "sled", "wed",
        "bred", "embed", "naked", "sacred", "wicked", "beloved", "aged", "alleged", "armed", "detailed", "limited", "united",
        "advanced", "supposed", "so-called", "ted", "fred", "ned", "ahmed", "mohammed", "muhammed", "hamed", "sayed", "med",
    ]);

    private static readonly FrozenSet<string> RelativeOpeners = FrozenSet.ToFrozenSet(["who", "which", "whose", "whom", "where"]);

    private static readonly FrozenSet<string> AdverbialOpeners = FrozenSet.ToFrozenSet(
    [
        "after", "before", "while", "although", "though", "despite", "as", "when", "following", "since", "until", "once",
        "in", "on", "at", "during", "earlier", "later", "meanwhile", "however", "but", "still", "also", "yet", "amid",
        "welcoming", "speaking", "asked", "according", "with", "for", "by", "under", "if", "because", "separately",
    ]);

    private static readonly FrozenSet<string> AttributionOpeners = FrozenSet.ToFrozenSet(
    [
        "saying", "adding", "noting", "according", "citing", "describing", "calling", "arguing", "stressing", "explaining",
        "warning", "insisting", "claiming", "referring",
    ]);

    private static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
    ]);

    private static readonly FrozenSet<string> NounFollowStop = FrozenSet.ToFrozenSet(
    [
        "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "that", "when", "after", "before",
        "is", "was", "were", "are", "will", "would", "has", "had", "have", "said", "says", "the", "a", "an", "and", "until",
        "during", "since", "while", "where", "which", "who", "if", "than", "then", "so", "because", "about", "into", "over",
        "through", "against", "amid", "despite", "around",
    ]);

    private static readonly FrozenSet<string> TentativeWords = FrozenSet.ToFrozenSet(
    [
        "will", "would", "could", "may", "might", "shall", "should", "expected", "expects", "expect", "forecast", "forecasts",
        "hope", "hopes", "hoped", "hoping", "plan", "plans", "planned", "planning", "likely", "unlikely", "possible",
        "possibly", "potential", "intends", "intend", "aims", "counting", "won't", "wouldn't", "couldn't", "shouldn't", "ll",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbLookup = Verbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotVerbLookup = NotVerbsEndingInEd.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TentativeLookup = TentativeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelativeLookup = RelativeOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AdverbialLookup = AdverbialOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributionLookup = AttributionOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest word looked up in a stack buffer; longer ones (never in a word list) go through a string.</summary>
    private const int MaxStackWord = 64;

    /// <summary>
    /// Whether a sentence states a forecast, a plan or a possibility ("tides expected early next week", "Egypt could
    /// seek…", "…will take weeks") rather than something that happened: a modal or future marker anywhere in it.
    /// </summary>
    public static bool IsTentative(string sentence)
    {
        Span<char> buffer = stackalloc char[MaxStackWord];
        foreach (Range w in new WordRanges(sentence))
        {
            ReadOnlySpan<char> word = sentence.AsSpan(w);
            if (word is "May")
            {
                continue; // the month ("until May", "on May 9"); the modal is written in lower case
            }

            if (word.Length <= MaxStackWord ? TentativeLookup.Contains(Lower(word, buffer)) : TentativeWords.Contains(Lower(word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a sentence states a schedule rather than a happening: "scheduled", "slated", "upcoming", "due" or "set to/for" after a
    /// form of "be" ("the vote is due on Friday", "talks are set to resume"), "set for" after a comma ("their trial, set for 23
    /// August"), or "pencilled in" ("is pencilled in for 16 June"); "delayed due to the storm" and "were set on fire" are not.
    /// </summary>
    public static bool IsScheduled(string sentence)
    {
        ReadOnlySpan<char> previous = default;
        ReadOnlySpan<char> beforePrevious = default;
        ReadOnlySpan<char> text = sentence;
        foreach (Range w in new WordRanges(text))
        {
            ReadOnlySpan<char> word = text[w];
            if (word.Equals("scheduled", StringComparison.OrdinalIgnoreCase) || word.Equals("slated", StringComparison.OrdinalIgnoreCase)
                || word.Equals("upcoming", StringComparison.OrdinalIgnoreCase)
                || (word.Equals("due", StringComparison.OrdinalIgnoreCase) && (IsBe(previous) || (IsBe(beforePrevious) && IsTimeAdverb(previous))))
                || (word.Equals("set", StringComparison.OrdinalIgnoreCase) && IsBe(previous) && (NextWordIs(text, w.End.Value, "to") || NextWordIs(text, w.End.Value, "for")))
                || (word.Equals("set", StringComparison.OrdinalIgnoreCase) && text[..w.Start.Value].TrimEnd().EndsWith(',') && NextWordIs(text, w.End.Value, "for"))
                || ((word.Equals("pencilled", StringComparison.OrdinalIgnoreCase) || word.Equals("penciled", StringComparison.OrdinalIgnoreCase)) && NextWordIs(text, w.End.Value, "in")))
            {
                return true;
            }

            beforePrevious = previous;
            previous = word;
        }

        return false;

        static bool IsBe(ReadOnlySpan<char> word) =>
            word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("are", StringComparison.OrdinalIgnoreCase)
            || word.Equals("was", StringComparison.OrdinalIgnoreCase) || word.Equals("were", StringComparison.OrdinalIgnoreCase)
            || word.Equals("be", StringComparison.OrdinalIgnoreCase);

        static bool NextWordIs(ReadOnlySpan<char> text, int from, string expected)
        {
            foreach (Range w in new WordRanges(text[from..]))
            {
                return text[from..][w].Equals(expected, StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }
    }

    /// <summary>"is still due", "are now due", "was also due": an adverb between the verb and "due" keeps the schedule.</summary>
    private static bool IsTimeAdverb(ReadOnlySpan<char> word) =>
        word.Equals("still", StringComparison.OrdinalIgnoreCase) || word.Equals("now", StringComparison.OrdinalIgnoreCase)
        || word.Equals("also", StringComparison.OrdinalIgnoreCase) || word.Equals("currently", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a lower-case word is probably a finite or participle verb form.</summary>
    public static bool LooksLikeVerb(string lower) => LooksLikeVerb(lower.AsSpan());

    /// <inheritdoc cref="LooksLikeVerb(string)"/>
    public static bool LooksLikeVerb(ReadOnlySpan<char> lower)
    {
        if (VerbLookup.Contains(lower))
        {
            return true;
        }

        return lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal) && !NotVerbLookup.Contains(lower)
            && char.IsAsciiLetterLower(lower[0]);
    }

    /// <summary>
    /// A dated line of a bullet timeline written in headline style, its verb in the present tense: "Mon 13/3 – HSBC buys
    /// SVB's UK arm for £1", "Tue 7/2 – President Erdoğan declares a state of emergency". The date opens the line, a dash or
    /// colon follows it, then a capitalised subject and a lower-case word ending in -s (the verb, or a plural subject's noun
    /// before it: "California regulators close SVB"). The verb list cannot know every verb's -s form; this shape can.
    /// </summary>
    internal static bool IsDatedHeadlineClause(string sentence, int start, int end) =>
        (AfterDatedLead(sentence, start, end) > 0 && DatedHeadlineRegex().IsMatch(sentence.AsSpan(end)))
        || IsUndashedHeadlineClause(sentence, start, end);

    /// <summary>
    /// Whether the date at [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="sentence"/> heads a dated entry of a
    /// chronology: it opens the line and a headline statement follows it, after a dash or colon ("Mon 8/21 – Biden tours Lahaina")
    /// or, for a full calendar date, at once (<see cref="IsDatedHeadlineClause"/>). The entry's undated sentences on the same
    /// line go on telling that day ("… FEMA says 85% of the burn area has been searched.").
    /// </summary>
    internal static bool HeadsDatedEntry(string sentence, int start, int end) =>
        AfterDatedLead(sentence, start, end) > 0 || IsUndashedHeadlineClause(sentence, start, end);

    /// <summary>
    /// Whether an undated sentence that goes on a dated entry's line (<see cref="HeadsDatedEntry"/>) is a statement of the entry's
    /// day: a verb, a capitalised opening, and no question or quotation to the reader.
    /// </summary>
    internal static bool ContinuesDatedEntry(string sentence) =>
        sentence.Length > 0 && char.IsUpper(sentence[0]) && HasVerb(sentence) && WordCount(sentence) >= 3 && !IsQuestion(sentence);

    /// <summary>
    /// A chronology's entry written without a dash ("8 December 2010 California medical board allows Dr Murray to keep his
    /// licence", "4 January 2011 Preliminary hearings begin."): a calendar date with its month's name and year opens the line and
    /// the headline follows at once — a capitalised subject (up to two lower-case words of it, an appositive name between commas,
    /// or a fronted "After a short break, " before it, the subject after it with its article) and a lower-case word ending in -s. The full date keeps out a weekday
    /// label run into a heading ("Mon 13/3 HSBC buys…" needs its dash) and a bare year ("2019 Toyota models…").
    /// </summary>
    private static bool IsUndashedHeadlineClause(string sentence, int start, int end) =>
        start >= 0 && end > start && end <= sentence.Length && sentence.AsSpan(0, start).Trim(" \t-–—*•·").IsEmpty
        && CalendarDateRegex().IsMatch(sentence.AsSpan(start, end - start)) && UndashedHeadlineRegex().IsMatch(sentence.AsSpan(end));

    /// <summary>
    /// Where the statement starts when the date opens the line and a dash or colon follows it ("Mon 13/3 – HSBC buys…",
    /// "24 June: Wagner seizes…"); -1 otherwise.
    /// </summary>
    private static int AfterDatedLead(string sentence, int start, int end)
    {
        if (start < 0 || end <= start || end > sentence.Length || !sentence.AsSpan(0, start).Trim(" \t-–—*•·").IsEmpty)
        {
            return -1;
        }

        Match m = DatedLeadRegex().Match(sentence, end);
        return m.Success ? end + m.Length : -1;
    }

    /// <summary>Whether any word of <paramref name="text"/> looks like a verb (capitalised words are names, not verbs).</summary>
    public static bool HasVerb(string text) => HasVerb(text.AsSpan());

    /// <inheritdoc cref="HasVerb(string)"/>
    public static bool HasVerb(ReadOnlySpan<char> text)
    {
        foreach (Range w in new WordRanges(text))
        {
            ReadOnlySpan<char> word = text[w];
            if (char.IsLower(word[0]) && (word.Contains('’') ? LooksLikeVerb(word.ToString().Replace('’', '\'')) : LooksLikeVerb(word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of a text (letters, digits, inner apostrophes and hyphens).</summary>
    public static IEnumerable<string> Words(string text)
    {
        int from = 0;
        while (WordRanges.Next(text, ref from, out int start))
        {
            yield return text[start..from].Replace('’', '\'');
        }
    }

    /// <summary>How many words <paramref name="text"/> has (as <see cref="Words"/> counts them, without making them).</summary>
    public static int WordCount(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (Range _ in new WordRanges(text))
        {
            count++;
        }

        return count;
    }

    /// <summary>The first word of <paramref name="text"/> in lower case (typographic apostrophes folded), or "" when it has none.</summary>
    public static string FirstWordLower(ReadOnlySpan<char> text)
    {
        foreach (Range w in new WordRanges(text))
        {
            return Lower(text[w]);
        }

        return "";
    }

    /// <summary>
    /// <see cref="FirstWordLower(ReadOnlySpan{char})"/> written into <paramref name="buffer"/> when it fits (a string is made
    /// only for a longer word): for word-list lookups that run for every segment of every dated sentence.
    /// </summary>
    private static ReadOnlySpan<char> FirstWordLower(ReadOnlySpan<char> text, Span<char> buffer)
    {
        foreach (Range w in new WordRanges(text))
        {
            ReadOnlySpan<char> word = text[w];
            return word.Length <= buffer.Length ? Lower(word, buffer) : Lower(word);
        }

        return "";
    }

    /// <summary>The last word of <paramref name="text"/> in lower case (typographic apostrophes folded), or "" when it has none.</summary>
    public static string LastWordLower(ReadOnlySpan<char> text)
    {
        Range last = default;
        bool any = false;
        foreach (Range w in new WordRanges(text))
        {
            (last, any) = (w, true);
        }

        return any ? Lower(text[last]) : "";
    }

    /// <summary>A word in lower case with typographic apostrophes folded, as the word lists spell it.</summary>
    private static string Lower(ReadOnlySpan<char> word) => word.ToString().Replace('’', '\'').ToLowerInvariant();

    /// <summary><see cref="Lower(ReadOnlySpan{char})"/> into <paramref name="buffer"/> (at least as long as the word), without allocating.</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        Span<char> lower = buffer[..word.Length];
        word.ToLowerInvariant(lower);
        lower.Replace('’', '\'');
        return lower;
    }

    /// <summary>
    /// The words of a text as ranges, as <see cref="WordRegex"/> matches them (letters and digits, joined by inner
    /// apostrophes and hyphens), found by a scan instead of the regex: these run for every dated mention several times.
    /// </summary>
    internal ref struct WordRanges
    {
        private readonly ReadOnlySpan<char> _text;
        private int _end;

        public WordRanges(ReadOnlySpan<char> text) => _text = text;

        public Range Current { get; private set; }

        public readonly WordRanges GetEnumerator() => this;

        public bool MoveNext()
        {
            if (!Next(_text, ref _end, out int start))
            {
                return false;
            }

            Current = start.._end;
            return true;
        }

        /// <summary>Finds the next word at or after <paramref name="from"/>: its start, and <paramref name="from"/> moved to its end.</summary>
        public static bool Next(ReadOnlySpan<char> text, ref int from, out int start)
        {
            int i = from;
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            start = i;
            if (i >= text.Length)
            {
                from = i;
                return false;
            }

            // [\p{L}\p{N}]+ then any number of (joiner, [\p{L}\p{N}]+).
            while (true)
            {
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] is '\'' or '’' or '-' && IsWordChar(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            from = i;
            return true;
        }

        /// <summary>[\p{L}\p{N}]: ASCII letters and digits answered without the Unicode tables.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c >= 0x80 && IsNonAsciiWordChar(c));

        private static bool IsNonAsciiWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);
    }

    /// <summary>The segments of a sentence at commas, semicolons, colons and dashes (offsets into the sentence).</summary>
    public static List<Segment> Segments(string sentence)
    {
        var result = new List<Segment>();
        int start = 0;
        for (int i = 0; i < sentence.Length; i++)
        {
            char c = sentence[i];
            bool boundary = c is ',' or ';' or '—' or '–' || (c == ':' && (i + 1 >= sentence.Length || !char.IsDigit(sentence[i + 1])));
            if (c == ',' && i > 0 && i + 1 < sentence.Length && char.IsDigit(sentence[i - 1]) && char.IsDigit(sentence[i + 1]))
            {
                boundary = false; // "780,000"
            }

            if (boundary)
            {
                Add(start, i);
                start = i + 1;
            }
        }

        Add(start, sentence.Length);
        return result;

        void Add(int s, int e)
        {
            while (s < e && (char.IsWhiteSpace(sentence[s]) || IsQuote(sentence[s])))
            {
                s++;
            }

            while (e > s && (char.IsWhiteSpace(sentence[e - 1]) || sentence[e - 1] is '.' or '!' or '?' || IsQuote(sentence[e - 1])))
            {
                e--;
            }

            if (e > s)
            {
                result.Add(new Segment(s, e));
            }
        }
    }

    /// <summary>
    /// The clause a date at <paramref name="start"/> (sentence offset) belongs to: its segment, widened with its
    /// neighbours until it has a verb and at least <paramref name="minWords"/> words.
    /// </summary>
    public static (Segment Clause, bool Relative) ClauseAround(string sentence, List<Segment> segments, int start, int minWords = 8)
    {
        int k = segments.FindIndex(s => start >= s.Start && start < s.End);
        if (k < 0)
        {
            k = Math.Max(0, segments.FindLastIndex(s => s.Start <= start));
        }

        if (segments.Count == 0)
        {
            return (new Segment(0, sentence.Length), false);
        }

        int lo = k, hi = k;
        ReadOnlySpan<char> before = sentence.AsSpan(0, segments[k].Start).TrimEnd();
        bool afterSemicolon = before.Length > 0 && before[^1] == ';';
        Span<char> buffer = stackalloc char[MaxStackWord];
        ReadOnlySpan<char> first = FirstWordLower(sentence.AsSpan(segments[k].Start, segments[k].End - segments[k].Start), buffer);
        bool relative = RelativeLookup.Contains(first) || (k > 0 && first is "that");
        while (true)
        {
            ReadOnlySpan<char> text = sentence.AsSpan(segments[lo].Start, segments[hi].End - segments[lo].Start);
            if ((HasVerb(text) && WordCount(text) >= minWords) || (lo == 0 && hi == segments.Count - 1))
            {
                break;
            }

            // Widen towards the side that carries the verb: backwards first (a trailing "in December 2024" belongs to the clause before),
            // forwards first after a semicolon ("…; two days later, the first trucks went through": the date opens the clause after it).
            if (lo > 0 && !(afterSemicolon && hi < segments.Count - 1))
            {
                lo--;
            }
            else
            {
                hi++;
            }
        }

        return (new Segment(segments[lo].Start, segments[hi].End), relative);
    }

    /// <summary>A clause as a headline of its own ("and President Sisi ordered preparations…" → "President Sisi ordered preparations…").</summary>
    public static string Statement(string clause) => Finish(WithoutLeadingSpeech(WithoutLeadingConjunction(clause)));

    /// <summary>
    /// The restrictive relative clause of <paramref name="segment"/> that is nearest before sentence offset <paramref name="at"/>:
    /// "[the ship] [that blocked the canal last week] was freed on Monday" gives the antecedent's start, the pronoun's start and
    /// the clause's end (before the main verb "was", or the segment's end when no verb follows). Null when there is none: no
    /// "that/which/who" with a determiner-led noun phrase before it in the segment ("said that …" is a complement; a clause
    /// opening its segment, "X, who first visited Russia in October, …", is told of its antecedent elsewhere).
    /// </summary>
    public static (int Antecedent, int Start, int End)? RestrictiveRelative(string sentence, Segment segment, int at)
    {
        // Most segments have no relative pronoun after their first word and before the date: found by a scan that makes no strings.
        if (!HasRelativePronoun(sentence, segment, at))
        {
            return null;
        }

        var words = new List<(string Lower, int Index)>();
        int from = segment.Start;
        while (WordRanges.Next(sentence, ref from, out int start) && start < segment.End)
        {
            words.Add((Lower(sentence.AsSpan(start, from - start)), start));
        }

        int p = -1;
        for (int i = words.Count - 1; i >= 1; i--)
        {
            if (words[i].Index < at && words[i].Lower is "that" or "which" or "who")
            {
                p = i;
                break;
            }
        }

        if (p < 1 || LooksLikeVerb(words[p - 1].Lower))
        {
            return null;
        }

        int antecedent = -1;
        for (int i = p - 1; i >= Math.Max(0, p - 4); i--)
        {
            if (Determiners.Contains(words[i].Lower))
            {
                antecedent = i;
                break;
            }
        }

        if (antecedent < 0)
        {
            return null;
        }

        // The clause's own verb group, then the next verb after at least one other word: the main verb.
        int v = p + 1;
        while (v < words.Count && !(char.IsLower(sentence[words[v].Index]) && LooksLikeVerb(words[v].Lower)))
        {
            v++;
        }

        if (v >= words.Count)
        {
            return null; // no verb: "the year that …" without a clause
        }

        while (v + 1 < words.Count && char.IsLower(sentence[words[v + 1].Index]) && LooksLikeVerb(words[v + 1].Lower))
        {
            v++;
        }

        int end = segment.End;
        for (int i = v + 2; i < words.Count; i++)
        {
            if (char.IsLower(sentence[words[i].Index]) && LooksLikeVerb(words[i].Lower) && !RelativeOpeners.Contains(words[i - 1].Lower) && words[i - 1].Lower != "that")
            {
                end = words[i].Index;
                break;
            }
        }

        return (words[antecedent].Index, words[p].Index, sentence.AsSpan(0, end).TrimEnd().Length);
    }

    /// <summary>
    /// Whether a word of <paramref name="segment"/> after its first, starting before <paramref name="at"/>, is "that", "which"
    /// or "who" (in any case): the words <see cref="RestrictiveRelative"/> looks for, read as it reads them.
    /// </summary>
    private static bool HasRelativePronoun(string sentence, Segment segment, int at)
    {
        Span<char> buffer = stackalloc char[5];
        int from = segment.Start;
        bool first = true;
        while (WordRanges.Next(sentence, ref from, out int start) && start < segment.End)
        {
            int length = from - start;
            if (!first && start < at && length is 3 or 4 or 5 && Lower(sentence.AsSpan(start, length), buffer) is "that" or "which" or "who")
            {
                return true;
            }

            first = false;
        }

        return false;
    }

    /// <summary>Whether <paramref name="sentence"/> ends with a question mark (before closing quotes and blanks).</summary>
    internal static bool IsQuestion(string sentence)
    {
        ReadOnlySpan<char> t = sentence.AsSpan().TrimEnd();
        while (t.Length > 0 && IsQuote(t[^1]))
        {
            t = t[..^1].TrimEnd();
        }

        return t.EndsWith('?');
    }

    /// <summary>
    /// Why a date at [<paramref name="start"/>, <paramref name="end"/>) of the sentence is not the time of a
    /// statement, or null when it is: a timestamp label ("Update: 18:15 January 29, 2025:"), a possessive or
    /// prenominal modifier ("Wednesday's talks", "the 2011 uprising"), or no verb at all.
    /// </summary>
    public static string? NotAStatement(string sentence, int start, int end, bool requireVerb = true)
    {
        int colon = sentence.IndexOf(':');
        if (colon > 0 && colon < sentence.Length - 1)
        {
            int lastColonBeforeText = sentence.LastIndexOf(':', Math.Min(sentence.Length - 1, end + 3));
            if (lastColonBeforeText >= end - 1 && !HasVerb(sentence.AsSpan(0, start)) && LabelRegex().IsMatch(sentence))
            {
                return ExclusionReasons.Timestamp;
            }
        }

        if (StampInitials.Contains(FirstAfter(sentence, "")) && PublishedRegex().Match(sentence) is { Success: true } published
            && !HasVerb(sentence.AsSpan(published.Length)))
        {
            return ExclusionReasons.Timestamp;
        }

        // A page stamp run into the text: "7 November 2011 Last updated at 21:40 GMT", "Page last updated at 11:14 GMT, Thursday, 3 February 2011".
        // The stamp after the date opens with a clock time or a stamp word; the one before it ends with a clock time.
        char afterDate = FirstAfter(sentence.AsSpan(end), ",");
        if (((char.IsDigit(afterDate) || StampInitials.Contains(afterDate)) && StampAfterRegex().IsMatch(sentence.AsSpan(end)))
            || (sentence.AsSpan(0, start).Contains(':') && StampBeforeRegex().IsMatch(sentence.AsSpan(0, start))))
        {
            return ExclusionReasons.Timestamp;
        }

        // "Yesterday we asked what two awards were joined …?", "Do you remember what you were doing on … 12 January?": a question
        // to the reader (a quiz box, a call for memories) asks; it tells no happening.
        if (IsQuestion(sentence))
        {
            return ExclusionReasons.Question;
        }

        if (requireVerb && !HasVerb(sentence) && !IsDatedHeadlineClause(sentence, start, end))
        {
            return ExclusionReasons.NoVerb;
        }

        // "given a tablet at 1.30 am on the morning of his death", "left at 6 am the following morning": a clock time whose day a
        // day phrase beside it names. The tagger reads the bare clock on the page's day; the phrase (dated itself, or by the event
        // it names) is the statement's day.
        if (ClockRegex().IsMatch(sentence.AsSpan(start, end - start)) && ClockDayPhraseRegex().IsMatch(sentence.AsSpan(end)))
        {
            return ExclusionReasons.ClockOfAnotherDay;
        }

        // "Those hopes faded as Thursday approached": the date is a moment drawing near, not when anything happened.
        if (ApproachingAfterRegex().IsMatch(sentence.AsSpan(end)) && ApproachingBeforeRegex().IsMatch(sentence.AsSpan(0, start)))
        {
            return ExclusionReasons.Approaching;
        }

        // "a law dating from 1851", "a feud that dates back to 1990": the age of a thing named, as in "the 1851 law".
        if (DatingBeforeRegex().IsMatch(sentence.AsSpan(0, start)))
        {
            return ExclusionReasons.NounModifier;
        }

        ReadOnlySpan<char> after = sentence.AsSpan(end);
        if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal) || after.StartsWith("s'", StringComparison.Ordinal))
        {
            return ExclusionReasons.NounModifier;
        }

        string prev = LastWordLower(sentence.AsSpan(0, start));
        int from = 0;
        if (Determiners.Contains(prev) && WordRanges.Next(after, ref from, out int next) && after[..next].IsWhiteSpace())
        {
            string nextWord = after[next..from].ToString().ToLowerInvariant();
            if (char.IsLetter(nextWord[0]) && !NounFollowStop.Contains(nextWord) && !LooksLikeVerb(nextWord) && !nextWord.EndsWith("ly", StringComparison.Ordinal))
            {
                return ExclusionReasons.NounModifier;
            }
        }

        return null;
    }

    /// <summary>First letters (lower case) of the stamp words "Published", "Updated", "Posted", "Last updated", "Modified", "First published".</summary>
    private const string StampInitials = "pulmf";

    /// <summary>
    /// The first character of <paramref name="text"/> after white space and <paramref name="skip"/> characters, in lower case
    /// ('\0' when none): a cheap test of the initial an anchored word pattern needs before it runs. Exact for ASCII letters:
    /// their only case-insensitive partners are their capitals (and the Kelvin sign, which lower-cases to "k").
    /// </summary>
    private static char FirstAfter(ReadOnlySpan<char> text, string skip)
    {
        int i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || skip.Contains(text[i])))
        {
            i++;
        }

        return i < text.Length ? char.ToLowerInvariant(text[i]) : '\0';
    }

    /// <summary>
    /// A concise headline for a statement: the main clause of the sentence with the dateline, parentheses, relative
    /// clauses, leading adverbial phrases and attributions dropped; at most <see cref="MaxHeadline"/> characters.
    /// When the date sits in a "who …" clause, the clause is told of its antecedent ("X, who led … in 2024" → "X led … in 2024").
    /// </summary>
    public static string Headline(string sentence, int dateStart, int dateEnd)
    {
        List<Segment> segments = Segments(sentence);
        return Headline(sentence, segments, dateStart, dateEnd, RestrictiveRelativeAt(sentence, segments, dateStart));
    }

    /// <inheritdoc cref="Headline(string, int, int)"/>
    /// <param name="segments">The sentence's <see cref="Segments"/>.</param>
    /// <param name="restrictive">The <see cref="RestrictiveRelativeAt"/> of the date, which the caller has already read.</param>
    public static string Headline(string sentence, List<Segment> segments, int dateStart, int dateEnd, (int Antecedent, int Start, int End)? restrictive)
    {
        if (AfterDatedLead(sentence, dateStart, dateEnd) is > 0 and var from && WordCount(sentence.AsSpan(from)) >= 3)
        {
            // A bullet timeline's line, "Fri 14/10 – Truss sacks Kwarteng and appoints Hunt": the date is shown beside the
            // headline, so the headline is the statement after the date and its dash.
            string line = sentence[from..];
            return Headline(line, Segments(line), 0, 0, null);
        }

        int end = Math.Clamp(dateEnd, dateStart, sentence.Length);
        ReadOnlySpan<char> expression = sentence.AsSpan()[Math.Clamp(dateStart, 0, sentence.Length)..end];
        if (ReportedClause(sentence, Math.Clamp(dateStart, 0, end), end) is { } reported)
        {
            return reported;
        }

        if (RelativeClause(sentence, segments, dateStart, restrictive) is { } relative)
        {
            return relative; // "…in the civil war that began in 2011" → "The civil war began in 2011"
        }

        string main = MainClause(sentence, segments, dateStart);
        if (expression.Length == 0 || main.AsSpan().Contains(expression, StringComparison.Ordinal))
        {
            return main;
        }

        // The date is not in the main clause: tell the clause it belongs to, if that clause is a statement of its own.
        return DateClause(sentence, segments, dateStart) is { } own ? own : main;
    }

    /// <summary>The <see cref="RestrictiveRelative"/> of the segment holding sentence offset <paramref name="at"/>; null when no segment holds it.</summary>
    public static (int Antecedent, int Start, int End)? RestrictiveRelativeAt(string sentence, List<Segment> segments, int at)
    {
        int k = segments.FindIndex(g => at >= g.Start && at < g.End);
        return k < 0 ? null : RestrictiveRelative(sentence, segments[k], at);
    }

    /// <summary>
    /// "X said on Friday that it had opened an investigation…" → "X said it had opened an investigation…": the date of a
    /// speech verb and the complement "that" are dropped, so the headline is the reported clause with its speaker (the date
    /// is shown beside it) instead of "X said on Friday" once the sentence is cut to length.
    /// </summary>
    private static string? ReportedClause(string sentence, int dateStart, int dateEnd)
    {
        // The anchored "that" after the date first: it fails on most dates, and the speech verb is then never searched for.
        Match that = ThatAfterDateRegex().Match(sentence, dateEnd);
        if (!that.Success || that.Index != dateEnd)
        {
            return null;
        }

        Match speech = SpeechBeforeDateRegex().Match(sentence, 0, dateStart);
        if (!speech.Success)
        {
            return null;
        }

        int verbEnd = speech.Groups["verb"].Index + speech.Groups["verb"].Length;
        string rest = sentence[(dateEnd + that.Length)..];
        if (!HasVerb(rest))
        {
            return null;
        }

        string text = sentence[..verbEnd] + " " + rest;
        return MainClauseOnce(text, Segments(text), verbEnd);
    }

    /// <summary>
    /// The clause holding the date when it is a statement: "…, and Syria's minister visited Moscow in July" →
    /// "Syria's minister visited Moscow in July"; "…the civil war that began in 2011" → "The civil war began in 2011".
    /// </summary>
    private static string? DateClause(string sentence, List<Segment> segs, int dateStart)
    {
        int k = segs.FindIndex(g => dateStart >= g.Start && dateStart < g.End);
        Span<char> buffer = stackalloc char[MaxStackWord];
        if (k < 0 || (k > 0 && FirstWordLower(sentence.AsSpan(segs[k].Start, segs[k].End - segs[k].Start), buffer) is "who" or "which"))
        {
            return null; // a "who …" clause is told of its antecedent by MainClause
        }

        string clause = WithoutLeadingConjunction(sentence[segs[k].Start..segs[k].End]);

        // "X, the ship's manager, said the vessel grounded on 23 March": the reported statement, not "Said the vessel…".
        clause = WithoutLeadingSpeech(clause);
        return HasVerb(clause) && WordCount(clause) >= 4 ? Finish(clause) : null;
    }

    /// <summary>The date inside a "that/which/who" clause of its segment, told of the noun phrase before the pronoun.</summary>
    private static string? RelativeClause(string sentence, List<Segment> segs, int dateStart, (int Antecedent, int Start, int End)? restrictive)
    {
        int k = segs.FindIndex(g => dateStart >= g.Start && dateStart < g.End);
        if (k < 0)
        {
            return null;
        }

        int local = dateStart - segs[k].Start;
        ValueMatch rel = default;
        foreach (ValueMatch m in RelativeInsideRegex().EnumerateMatches(sentence.AsSpan(segs[k].Start, local)))
        {
            rel = m; // the last one
        }

        if (rel.Length == 0 || rel.Index == 0)
        {
            return null;
        }

        string seg = sentence[segs[k].Start..segs[k].End];

        var words = Words(seg[..rel.Index]).ToList();
        string pronoun = seg.AsSpan(rel.Index, rel.Length).Trim().ToString().ToLowerInvariant();
        int from = Math.Max(0, words.Count - 4);
        bool determiner = false;
        for (int i = words.Count - 1; i >= from; i--)
        {
            if (Determiners.Contains(words[i].ToLowerInvariant()))
            {
                (from, determiner) = (i, true);
                break;
            }
        }

        string rest = seg[(rel.Index + rel.Length)..];
        if (restrictive is { } span && span.End < segs[k].End)
        {
            if (dateStart >= span.End)
            {
                return null; // the date is the main clause's: "the ship that blocked the canal last week was freed on Monday"
            }

            int restStart = segs[k].Start + rel.Index + rel.Length;
            rest = sentence[restStart..Math.Max(restStart, span.End)]; // "the ship that blocked the canal last week was freed…" → "the ship blocked the canal last week"
        }

        if (!determiner || !HasVerb(rest) || pronoun == "that" && LooksLikeVerb(words[^1].ToLowerInvariant()))
        {
            return null; // no noun phrase to tell it of ("said that …" is a complement, not a relative clause)
        }

        return Finish(string.Join(' ', words.Skip(from)) + " " + rest);
    }

    /// <summary>
    /// What <see cref="MainClause"/> reads of a sentence whatever the date: the sentence without its dateline and parentheses,
    /// its segments, the parentheses removed (to move a date's offset past them) and, once read, the main clause proper. A
    /// sentence's dates ask for it one after another, so the last sentence's is kept, per thread.
    /// </summary>
    private sealed class MainClauseMemo
    {
        public string? Sentence;
        public List<Segment>? SentenceSegments;
        public string Text = "";
        public int Shift;
        public List<(int Index, int Length)> Parentheses = [];
        public List<Segment> Segments = [];
        public string? Main;
    }

    [ThreadStatic]
    private static MainClauseMemo? t_mainClause;

    /// <summary>The main clause of <paramref name="sentence"/> for a date at <paramref name="dateStart"/>; reads the sentence once for all its dates.</summary>
    private static string MainClause(string sentence, List<Segment> sentenceSegments, int dateStart)
    {
        MainClauseMemo memo = t_mainClause ??= new MainClauseMemo();
        if (!ReferenceEquals(memo.Sentence, sentence) || !ReferenceEquals(memo.SentenceSegments, sentenceSegments))
        {
            Read(memo, sentence, sentenceSegments);
        }

        return MainClause(memo, dateStart);
    }

    /// <summary><see cref="MainClause(string, List{Segment}, int)"/> of a sentence read only this once (no memo is kept or replaced).</summary>
    private static string MainClauseOnce(string sentence, List<Segment> sentenceSegments, int dateStart)
    {
        var memo = new MainClauseMemo();
        Read(memo, sentence, sentenceSegments);
        return MainClause(memo, dateStart);
    }

    private static void Read(MainClauseMemo memo, string sentence, List<Segment> sentenceSegments)
    {
        // Cleared first: a pattern timeout below must not leave a half-read memo behind under this sentence.
        memo.Sentence = null;
        memo.SentenceSegments = null;
        memo.Main = null;
        memo.Parentheses.Clear();
        string s = WithoutDateline(sentence);
        memo.Shift = sentence.Length - s.Length;
        if (s.Contains('(', StringComparison.Ordinal))
        {
            List<(int Index, int Length)> parentheses = memo.Parentheses;
            s = ParenRegex().Replace(s, m =>
            {
                parentheses.Add((m.Index, m.Length));
                return "";
            });
        }

        memo.Text = s;
        memo.Segments = ReferenceEquals(s, sentence) ? sentenceSegments : Segments(s);
        memo.Sentence = sentence;
        memo.SentenceSegments = sentenceSegments;
    }

    private static string MainClause(MainClauseMemo memo, int dateStart)
    {
        string s = memo.Text;
        int date = dateStart - memo.Shift;
        foreach ((int index, int length) in memo.Parentheses)
        {
            if (index < date)
            {
                date -= length;
            }
        }

        List<Segment> segs = memo.Segments;
        if (segs.Count == 0)
        {
            return memo.Main ??= Finish(s);
        }

        string Text(Segment g) => s[g.Start..g.End];
        ReadOnlySpan<char> Span(Segment g) => s.AsSpan(g.Start, g.End - g.Start);
        Span<char> buffer = stackalloc char[MaxStackWord];

        // The date in a "who/which" clause: tell that clause of its antecedent.
        int k = segs.FindIndex(g => date >= g.Start && date < g.End);
        if (k > 0 && FirstWordLower(Span(segs[k]), buffer) is "who" or "which")
        {
            string antecedent = Text(segs[k - 1]);
            string clause = Text(segs[k]);
            clause = clause[(clause.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            int end = k + 1;
            while (end < segs.Count && !HasVerb(Span(segs[end])) && WordCount(Span(segs[end])) <= 4)
            {
                clause += ", " + Text(segs[end]);
                end++;
            }

            return Finish(StripAttribution(antecedent) + " " + clause);
        }

        return memo.Main ??= MainClauseProper(s, segs);
    }

    /// <summary>The main clause of a sentence (without dateline and parentheses) read from its segments: the same for every date outside a "who/which" clause.</summary>
    private static string MainClauseProper(string s, List<Segment> segs)
    {
        ReadOnlySpan<char> Span(Segment g) => s.AsSpan(g.Start, g.End - g.Start);
        Span<char> buffer = stackalloc char[MaxStackWord];

        var keep = new List<Segment>();
        var glued = new HashSet<int>();
        for (int i = 0; i < segs.Count; i++)
        {
            ReadOnlySpan<char> first = FirstWordLower(Span(segs[i]), buffer);
            if (AttributionLookup.Contains(first) && keep.Count > 0)
            {
                break; // ", saying …" and everything after it
            }

            if (RelativeLookup.Contains(first) && keep.Count > 0)
            {
                // Drop a non-restrictive relative clause and the verbless pieces that belong to it.
                while (i + 1 < segs.Count && !HasVerb(Span(segs[i + 1])) && WordCount(Span(segs[i + 1])) <= 4)
                {
                    i++;
                }

                glued.Add(keep.Count); // "X, who …, held talks" → "X held talks"
                continue;
            }

            if (keep.Count == 0 && i < segs.Count - 1 && AdverbialLookup.Contains(first) && HasVerbJoined(s, segs, i + 1))
            {
                continue; // leading "After the expiration of a four-day truce Saturday," or "Speaking to reporters Monday,"
            }

            if (keep.Count > 0 && i < segs.Count - 1 && !HasVerb(Span(segs[i])) && WordCount(Span(segs[i])) <= 3 && AdverbialLookup.Contains(first))
            {
                glued.Add(keep.Count); // "Putin, in turn, hailed" → "Putin hailed"
                continue;
            }

            if (i == segs.Count - 1 && keep.Count > 0 && AttributionRegex().IsMatch(Span(segs[i])))
            {
                break; // trailing "…, Putin said."
            }

            keep.Add(segs[i]);
        }

        if (keep.Count == 0)
        {
            keep.Add(segs[0]);
        }

        var sb = new StringBuilder();
        for (int i = 0; i < keep.Count; i++)
        {
            if (sb.Length > 0)
            {
                sb.Append(glued.Contains(i) ? " " : ", ");
            }

            sb.Append(Span(keep[i]));
        }

        return Finish(sb.ToString());
    }

    /// <summary>
    /// <see cref="HasVerb(ReadOnlySpan{char})"/> of the segments from <paramref name="from"/> on, written one after another with
    /// nothing between them (as string.Concat joins them), in a pooled buffer.
    /// </summary>
    private static bool HasVerbJoined(string s, List<Segment> segs, int from)
    {
        int length = 0;
        for (int i = from; i < segs.Count; i++)
        {
            length += segs[i].End - segs[i].Start;
        }

        char[] rented = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, length));
        int n = 0;
        for (int i = from; i < segs.Count; i++)
        {
            s.AsSpan(segs[i].Start, segs[i].End - segs[i].Start).CopyTo(rented.AsSpan(n));
            n += segs[i].End - segs[i].Start;
        }

        bool result = HasVerb(rented.AsSpan(0, n));
        System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary><paramref name="text"/> without an opening dateline ("MOSCOW (AP) — "); the same string when it has none.</summary>
    private static string WithoutDateline(string text)
    {
        // DatelineRegex needs a capital and two more capitals or dateline punctuation after the leading white space.
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        bool may = i + 2 < text.Length && char.IsAsciiLetterUpper(text[i]) && IsDatelineChar(text[i + 1]) && IsDatelineChar(text[i + 2]);
        return may ? DatelineRegex().Replace(text, "", 1) : text;

        static bool IsDatelineChar(char c) => char.IsAsciiLetterUpper(c) || c is ' ' or '.' or ',' or '\'' or '’' or '-';
    }

    /// <summary><paramref name="clause"/> without an opening "and", "but", "or", "while", "as" or "so".</summary>
    private static string WithoutLeadingConjunction(string clause) =>
        "abows".Contains(FirstAfter(clause, "")) ? LeadingConjunctionRegex().Replace(clause, "", 1) : clause;

    /// <summary><paramref name="clause"/> without an opening "said (that)", "added", "reported", "announced", "confirmed", "stated", "told reporters".</summary>
    private static string WithoutLeadingSpeech(string clause) =>
        "sarct".Contains(FirstAfter(clause, "")) ? LeadingSpeechRegex().Replace(clause, "", 1) : clause;

    private static string StripAttribution(string text) => WithoutDateline(text).Trim();

    private static string Finish(string text)
    {
        string t = (HasSpaceRun(text) ? SpaceRegex().Replace(text, " ") : text).Trim().TrimEnd('.', ',', ';', ':', ' ');
        t = t.Trim('"', '“', '”', '\'', ' ');
        t = BalanceQuotes(t);
        if (t.Length > MaxHeadline)
        {
            // Cut at the last clause boundary that keeps most of the text: punctuation first, then conjunctions,
            // a complement "that" last (it carries the content of what was said).
            int cut = -1;
            foreach (string[] group in CutGroups)
            {
                foreach (string sep in group)
                {
                    // The last match at 50 or later that ends by MaxHeadline (inclusive), as t.LastIndexOf(sep, MaxHeadline) finds it.
                    int found = t.AsSpan(50, MaxHeadline + 1 - 50).LastIndexOf(sep.AsSpan());
                    int at = found < 0 ? -1 : found + 50;
                    if (at >= 50 && at > cut)
                    {
                        cut = at;
                    }
                }

                if (cut >= 0)
                {
                    break;
                }
            }

            if (cut < 0)
            {
                cut = t.LastIndexOf(' ', MaxHeadline - 1);
                t = (cut > 0 ? t[..cut] : t[..(MaxHeadline - 1)]).TrimEnd(',', ';', ' ') + "…";
            }
            else
            {
                t = t[..cut].TrimEnd(',', ';', ' ');
            }
        }

        return t.Length > 0 && char.IsLower(t[0]) ? char.ToUpperInvariant(t[0]) + t[1..] : t;
    }

    private static readonly string[][] CutGroups =
    [
        [", ", "; ", " — ", " – "],
        [" as ", " after ", " while ", " but ", " because ", " before ", " when ", " and ", " amid ", " despite "],
        [" that ", " which ", " who "],
        [" to ", " for ", " in ", " on ", " with "],
    ];

    /// <summary>Whether <paramref name="text"/> has white space other than single plain spaces, which <see cref="SpaceRegex"/> folds.</summary>
    /// <remarks>Two vectorised searches: a white-space character other than a plain space, else two plain spaces in a row.</remarks>
    private static bool HasSpaceRun(string text) =>
        text.AsSpan().IndexOfAny(WhiteSpaceButSpace) >= 0 || text.Contains("  ", StringComparison.Ordinal);

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts except the plain space.</summary>
    private static readonly System.Buffers.SearchValues<char> WhiteSpaceButSpace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c)).ToArray());

    private static string BalanceQuotes(string t)
    {
        int open = 0, close = 0, straight = 0;
        foreach (char c in t)
        {
            open += c == '“' ? 1 : 0;
            close += c == '”' ? 1 : 0;
            straight += c == '"' ? 1 : 0;
        }

        if (open > close)
        {
            t += "”";
        }
        else if (close > open)
        {
            t = "“" + t;
        }

        return straight % 2 == 1 ? t + "\"" : t;
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '‘' or '\'';

    /// <summary>A word: the specification of the <see cref="WordRanges"/> scan (tests compare them).</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    internal static partial Regex WordRegex();

    [GeneratedRegex(@"^\s*[A-Z][A-Z .,'’\-]{2,40}(\([A-Za-z .]{1,20}\))?\s*[—–-]+\s*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"\s*\([^()]{0,200}\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex ParenRegex();

    [GeneratedRegex(@"\b(that|which|who)\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex RelativeInsideRegex();

    [GeneratedRegex(@"^(and|but|or|while|as|so)\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex LeadingConjunctionRegex();

    [GeneratedRegex(@"^\s*(said|says|added|reported|announced|confirmed|stated|told (reporters|journalists))\s+(that\s+)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex LeadingSpeechRegex();

    /// <summary>A speech verb right before a date: "said on", "said in a statement on", "told reporters on", "announced late", "told a news conference in Boston on".</summary>
    [GeneratedRegex(@"\b(?<verb>((said|says|announced|confirmed|added|stated|wrote)(\s+in\s+(a|an|its|his|her|their)(\s+[\p{L}\-]+){1,2}?)?|told(\s+[\p{L}'’\-]+){1,6}?))\s+((on|late|early|late on|early on)\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex SpeechBeforeDateRegex();

    [GeneratedRegex(@"\G,?\s+that\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex ThatAfterDateRegex();

    [GeneratedRegex(@"^\s*(approached|approaches|approaching|neared|nears|loomed|looms|drew (near|closer)|draws (near|closer)|came closer)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex ApproachingAfterRegex();

    [GeneratedRegex(@"\b(dating|dates|dated)\s+(back\s+)?(from|to)\s+(the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex DatingBeforeRegex();

    [GeneratedRegex(@"\b(as|when|while)\s+(the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex ApproachingBeforeRegex();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, RegexDefaults.TimeoutMs)]
    private static partial Regex SpaceRegex();

    [GeneratedRegex(@"^\s*[\p{L} ]{1,25}:", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^[*_\s]*[–—:-]\s*(\p{Lu}[\p{L}\p{N}'’.&-]*\s+){1,4}\p{Ll}{2,}s\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex DatedHeadlineRegex();

    [GeneratedRegex(@"^(\d{1,2}(st|nd|rd|th)?\s+)?\p{Lu}\p{Ll}{2,8}\.?(\s+\d{1,2}(st|nd|rd|th)?,?)?\s+\d{4}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex CalendarDateRegex();

    [GeneratedRegex(@"^[ \t]+(\p{Lu}\p{Ll}+\s[^,.;:]{1,40},\s+(the\s+|an?\s+)?)?(\p{Lu}[\p{L}\p{N}'’.&-]*\s+){1,4}(\p{Ll}[\p{Ll}'’-]+\s+){0,2}(\p{Ll}[\p{Ll}'’-]+,(\s+\p{Lu}[\p{L}'’.-]*){1,3},\s+)?\p{Ll}{2,}s\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex UndashedHeadlineRegex();

    [GeneratedRegex(@"^(\d{1,2}([.:]\d{2})?\s*[ap]\.?\s?m\b\.?|\d{1,2}[.:]\d{2}(\s*(GMT|BST|UTC|[A-Z]{1,3}T))?|noon|midnight)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex ClockRegex();

    [GeneratedRegex(@"^[\s,]*(on\s+)?(the\s+(next|following|previous|same)\s+(day|morning|afternoon|evening|night)|that\s+(day|morning|afternoon|evening|night)|the\s+(day|morning|afternoon|evening|night)\s+(of|before|after)\s)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex ClockDayPhraseRegex();

    [GeneratedRegex(@"\G[*_\s]*[–—:-]\s*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex DatedLeadRegex();

    [GeneratedRegex(@"^[\s,]*(\d{1,2}:\d{2}\s*(GMT|UTC|BST|ET|EST|EDT|PT|UK)?\s*)?(Last updated|Updated|Published|Posted|First published)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex StampAfterRegex();

    [GeneratedRegex(@"(last updated|updated|published|posted)( at)?\s+\d{1,2}:\d{2}\s*(GMT|UTC|BST|ET|EST|EDT|PT|UK)?[\s,]*(\w+day[\s,]*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex StampBeforeRegex();

    [GeneratedRegex(@"^\s*(Published|Updated|Posted|Last updated|Modified|First published)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex PublishedRegex();

    [GeneratedRegex(@"^(he|she|they|it|[A-Z][\p{L}.'’\- ]{1,60}?)\s+(said|says|told [\p{L} ]{1,30}|added|wrote|reported|announced)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexDefaults.TimeoutMs)]
    private static partial Regex AttributionRegex();
}

/// <summary>Why a dated sentence was left out of the timeline (messages shown in the build report).</summary>
public static class ExclusionReasons
{
    public const string Caption = "photo caption that matches no reported event";
    public const string Headline = "headline line, not a statement";
    public const string Timestamp = "timestamp or label, not a statement";
    public const string Question = "a question, not a statement";
    public const string NoVerb = "no statement: the sentence has no verb";
    public const string NounModifier = "the date only qualifies a noun phrase";
    public const string OffTopicStory = "off-topic story";
    public const string Hidden = "hidden by an editor correction";
    public const string UnresolvedAnchor = "dated only relative to another event that no source dates";
    public const string RelationOnly = "only said to be after or before another event: no date to place it on";
    public const string AnchorTooCoarse = "dated relative to an event whose date is too coarse for the offset";
    public const string Forecast = "a forecast: every statement of it was written before its date and none reports it as having happened";
    public const string RestatedCount = "a counted date ('ten days earlier') restated by the calendar date beside it, which dates the statement";
    public const string LocalTimeGloss = "the same date told again in another place's local time ('early Saturday in Japan')";
    public const string ComparisonPoint = "a year named only as a point of comparison ('compared the moment to 1917', 'the worst since 1999'), not when something of the story happened";
    public const string ClockOfAnotherDay = "a clock time whose day the phrase beside it names ('at 1.30 am on the morning of his death', 'at 6 am the next morning'), not the page's day";
    public const string Approaching = "the date is a moment drawing near ('as Thursday approached'), not when something happened";
}
