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

    /// <summary>
    /// Whether a sentence states a forecast, a plan or a possibility ("tides expected early next week", "Egypt could
    /// seek…", "…will take weeks") rather than something that happened: a modal or future marker anywhere in it.
    /// </summary>
    public static bool IsTentative(string sentence)
    {
        foreach (string w in Words(sentence))
        {
            if (TentativeWords.Contains(w.ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a lower-case word is probably a finite or participle verb form.</summary>
    public static bool LooksLikeVerb(string lower)
    {
        if (Verbs.Contains(lower))
        {
            return true;
        }

        return lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal) && !NotVerbsEndingInEd.Contains(lower)
            && char.IsAsciiLetterLower(lower[0]);
    }

    /// <summary>Whether any word of <paramref name="text"/> looks like a verb (capitalised words are names, not verbs).</summary>
    public static bool HasVerb(string text)
    {
        foreach (string word in Words(text))
        {
            if (char.IsLower(word[0]) && LooksLikeVerb(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of a text (letters, digits, inner apostrophes and hyphens).</summary>
    public static IEnumerable<string> Words(string text)
    {
        foreach (Match m in WordRegex().Matches(text))
        {
            yield return m.Value.Replace('’', '\'');
        }
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
        string First(int i) => Words(sentence[segments[i].Start..segments[i].End]).FirstOrDefault()?.ToLowerInvariant() ?? "";
        bool relative = RelativeOpeners.Contains(First(k)) || (k > 0 && First(k) == "that");
        while (true)
        {
            string text = sentence[segments[lo].Start..segments[hi].End];
            if ((HasVerb(text) && Words(text).Count() >= minWords) || (lo == 0 && hi == segments.Count - 1))
            {
                break;
            }

            // Widen towards the side that carries the verb: backwards first (a trailing "in December 2024" belongs to the clause before).
            if (lo > 0)
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
    public static string Statement(string clause) =>
        Finish(LeadingSpeechRegex().Replace(LeadingConjunctionRegex().Replace(clause, "", 1), "", 1));

    /// <summary>
    /// The restrictive relative clause of <paramref name="segment"/> that is nearest before sentence offset <paramref name="at"/>:
    /// "[the ship] [that blocked the canal last week] was freed on Monday" gives the antecedent's start, the pronoun's start and
    /// the clause's end (before the main verb "was", or the segment's end when no verb follows). Null when there is none: no
    /// "that/which/who" with a determiner-led noun phrase before it in the segment ("said that …" is a complement; a clause
    /// opening its segment, "X, who first visited Russia in October, …", is told of its antecedent elsewhere).
    /// </summary>
    public static (int Antecedent, int Start, int End)? RestrictiveRelative(string sentence, Segment segment, int at)
    {
        var words = new List<(string Lower, int Index)>();
        foreach (Match w in WordRegex().Matches(sentence, segment.Start))
        {
            if (w.Index >= segment.End)
            {
                break;
            }

            words.Add((w.Value.Replace('’', '\'').ToLowerInvariant(), w.Index));
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
            if (lastColonBeforeText >= end - 1 && !HasVerb(sentence[..start]) && LabelRegex().IsMatch(sentence))
            {
                return ExclusionReasons.Timestamp;
            }
        }

        if (PublishedRegex().IsMatch(sentence) && !HasVerb(sentence[PublishedRegex().Match(sentence).Length..]))
        {
            return ExclusionReasons.Timestamp;
        }

        // A page stamp run into the text: "7 November 2011 Last updated at 21:40 GMT", "Page last updated at 11:14 GMT, Thursday, 3 February 2011".
        if (StampAfterRegex().IsMatch(sentence[end..]) || StampBeforeRegex().IsMatch(sentence[..start]))
        {
            return ExclusionReasons.Timestamp;
        }

        if (requireVerb && !HasVerb(sentence))
        {
            return ExclusionReasons.NoVerb;
        }

        // "Those hopes faded as Thursday approached": the date is a moment drawing near, not when anything happened.
        if (ApproachingAfterRegex().IsMatch(sentence[end..]) && ApproachingBeforeRegex().IsMatch(sentence[..start]))
        {
            return ExclusionReasons.Approaching;
        }

        string after = sentence[end..];
        if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal) || after.StartsWith("s'", StringComparison.Ordinal))
        {
            return ExclusionReasons.NounModifier;
        }

        string before = sentence[..start].TrimEnd();
        string prev = Words(before).LastOrDefault()?.ToLowerInvariant() ?? "";
        Match next = WordRegex().Match(after);
        if (Determiners.Contains(prev) && next.Success && after[..next.Index].Trim().Length == 0)
        {
            string nextWord = next.Value.ToLowerInvariant();
            if (char.IsLetter(nextWord[0]) && !NounFollowStop.Contains(nextWord) && !LooksLikeVerb(nextWord) && !nextWord.EndsWith("ly", StringComparison.Ordinal))
            {
                return ExclusionReasons.NounModifier;
            }
        }

        return null;
    }

    /// <summary>
    /// A concise headline for a statement: the main clause of the sentence with the dateline, parentheses, relative
    /// clauses, leading adverbial phrases and attributions dropped; at most <see cref="MaxHeadline"/> characters.
    /// When the date sits in a "who …" clause, the clause is told of its antecedent ("X, who led … in 2024" → "X led … in 2024").
    /// </summary>
    public static string Headline(string sentence, int dateStart, int dateEnd)
    {
        int end = Math.Clamp(dateEnd, dateStart, sentence.Length);
        string expression = sentence[Math.Clamp(dateStart, 0, sentence.Length)..end];
        if (ReportedClause(sentence, Math.Clamp(dateStart, 0, end), end) is { } reported)
        {
            return reported;
        }
        if (RelativeClause(sentence, dateStart) is { } relative)
        {
            return relative; // "…in the civil war that began in 2011" → "The civil war began in 2011"
        }

        string main = MainClause(sentence, dateStart);
        if (expression.Length == 0 || main.Contains(expression, StringComparison.Ordinal))
        {
            return main;
        }

        // The date is not in the main clause: tell the clause it belongs to, if that clause is a statement of its own.
        return DateClause(sentence, dateStart) is { } own ? own : main;
    }

    /// <summary>
    /// "X said on Friday that it had opened an investigation…" → "X said it had opened an investigation…": the date of a
    /// speech verb and the complement "that" are dropped, so the headline is the reported clause with its speaker (the date
    /// is shown beside it) instead of "X said on Friday" once the sentence is cut to length.
    /// </summary>
    private static string? ReportedClause(string sentence, int dateStart, int dateEnd)
    {
        Match speech = SpeechBeforeDateRegex().Match(sentence, 0, dateStart);
        Match that = ThatAfterDateRegex().Match(sentence, dateEnd);
        if (!speech.Success || !that.Success || that.Index != dateEnd)
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
        return MainClause(text, verbEnd);
    }

    /// <summary>
    /// The clause holding the date when it is a statement: "…, and Syria's minister visited Moscow in July" →
    /// "Syria's minister visited Moscow in July"; "…the civil war that began in 2011" → "The civil war began in 2011".
    /// </summary>
    private static string? DateClause(string sentence, int dateStart)
    {
        List<Segment> segs = Segments(sentence);
        int k = segs.FindIndex(g => dateStart >= g.Start && dateStart < g.End);
        if (k < 0 || (k > 0 && Words(sentence[segs[k].Start..segs[k].End]).FirstOrDefault()?.ToLowerInvariant() is "who" or "which"))
        {
            return null; // a "who …" clause is told of its antecedent by MainClause
        }

        string clause = LeadingConjunctionRegex().Replace(sentence[segs[k].Start..segs[k].End], "", 1);

        // "X, the ship's manager, said the vessel grounded on 23 March": the reported statement, not "Said the vessel…".
        clause = LeadingSpeechRegex().Replace(clause, "", 1);
        return HasVerb(clause) && Words(clause).Count() >= 4 ? Finish(clause) : null;
    }

    /// <summary>The date inside a "that/which/who" clause of its segment, told of the noun phrase before the pronoun.</summary>
    private static string? RelativeClause(string sentence, int dateStart)
    {
        List<Segment> segs = Segments(sentence);
        int k = segs.FindIndex(g => dateStart >= g.Start && dateStart < g.End);
        if (k < 0)
        {
            return null;
        }

        string seg = sentence[segs[k].Start..segs[k].End];
        int local = dateStart - segs[k].Start;
        Match rel = RelativeInsideRegex().Matches(seg[..local]).LastOrDefault() ?? Match.Empty;
        if (!rel.Success || rel.Index == 0)
        {
            return null;
        }

        var words = Words(seg[..rel.Index]).ToList();
        string pronoun = rel.Value.Trim().ToLowerInvariant();
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
        if (RestrictiveRelative(sentence, segs[k], dateStart) is { } span && span.End < segs[k].End)
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

    private static string MainClause(string sentence, int dateStart)
    {
        string s = DatelineRegex().Replace(sentence, "", 1);
        int shift = sentence.Length - s.Length;
        int date = dateStart - shift;
        s = ParenRegex().Replace(s, m =>
        {
            if (m.Index < date)
            {
                date -= m.Length;
            }

            return "";
        });
        List<Segment> segs = Segments(s);
        if (segs.Count == 0)
        {
            return Finish(s);
        }

        string Text(Segment g) => s[g.Start..g.End];
        string FirstWord(Segment g) => Words(Text(g)).FirstOrDefault()?.ToLowerInvariant() ?? "";

        // The date in a "who/which" clause: tell that clause of its antecedent.
        int k = segs.FindIndex(g => date >= g.Start && date < g.End);
        if (k > 0 && FirstWord(segs[k]) is "who" or "which")
        {
            string antecedent = Text(segs[k - 1]);
            string clause = Text(segs[k]);
            clause = clause[(clause.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            int end = k + 1;
            while (end < segs.Count && !HasVerb(Text(segs[end])) && Words(Text(segs[end])).Count() <= 4)
            {
                clause += ", " + Text(segs[end]);
                end++;
            }

            return Finish(StripAttribution(antecedent) + " " + clause);
        }

        var keep = new List<Segment>();
        var glued = new HashSet<int>();
        for (int i = 0; i < segs.Count; i++)
        {
            string first = FirstWord(segs[i]);
            if (AttributionOpeners.Contains(first) && keep.Count > 0)
            {
                break; // ", saying …" and everything after it
            }

            if (RelativeOpeners.Contains(first) && keep.Count > 0)
            {
                // Drop a non-restrictive relative clause and the verbless pieces that belong to it.
                while (i + 1 < segs.Count && !HasVerb(Text(segs[i + 1])) && Words(Text(segs[i + 1])).Count() <= 4)
                {
                    i++;
                }

                glued.Add(keep.Count); // "X, who …, held talks" → "X held talks"
                continue;
            }

            if (keep.Count == 0 && i < segs.Count - 1 && AdverbialOpeners.Contains(first) && HasVerb(string.Concat(segs.Skip(i + 1).Select(Text))))
            {
                continue; // leading "After the expiration of a four-day truce Saturday," or "Speaking to reporters Monday,"
            }

            if (keep.Count > 0 && i < segs.Count - 1 && !HasVerb(Text(segs[i])) && Words(Text(segs[i])).Count() <= 3 && AdverbialOpeners.Contains(first))
            {
                glued.Add(keep.Count); // "Putin, in turn, hailed" → "Putin hailed"
                continue;
            }

            if (i == segs.Count - 1 && keep.Count > 0 && AttributionRegex().IsMatch(Text(segs[i])))
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

            sb.Append(Text(keep[i]));
        }

        return Finish(sb.ToString());
    }

    private static string StripAttribution(string text) => DatelineRegex().Replace(text, "", 1).Trim();

    private static string Finish(string text)
    {
        string t = SpaceRegex().Replace(text, " ").Trim().TrimEnd('.', ',', ';', ':', ' ');
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
                    int at = t.LastIndexOf(sep, MaxHeadline, StringComparison.Ordinal);
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

    private static string BalanceQuotes(string t)
    {
        int open = t.Count(c => c == '“'), close = t.Count(c => c == '”');
        if (open > close)
        {
            t += "”";
        }
        else if (close > open)
        {
            t = "“" + t;
        }

        return t.Count(c => c == '"') % 2 == 1 ? t + "\"" : t;
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '‘' or '\'';

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^\s*[A-Z][A-Z .,'’\-]{2,40}(\([A-Za-z .]{1,20}\))?\s*[—–-]+\s*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"\s*\([^()]{0,200}\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex ParenRegex();

    [GeneratedRegex(@"\b(that|which|who)\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex RelativeInsideRegex();

    [GeneratedRegex(@"^(and|but|or|while|as|so)\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex LeadingConjunctionRegex();

    [GeneratedRegex(@"^\s*(said|says|added|reported|announced|confirmed|stated|told (reporters|journalists))\s+(that\s+)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex LeadingSpeechRegex();

    /// <summary>A speech verb right before a date: "said on", "said in a statement on", "told reporters on", "announced late", "told a news conference in Boston on".</summary>
    [GeneratedRegex(@"\b(?<verb>((said|says|announced|confirmed|added|stated|wrote)(\s+in\s+(a|an|its|his|her|their)(\s+[\p{L}\-]+){1,2}?)?|told(\s+[\p{L}'’\-]+){1,6}?))\s+((on|late|early|late on|early on)\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex SpeechBeforeDateRegex();

    [GeneratedRegex(@"\G,?\s+that\s+", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex ThatAfterDateRegex();

    [GeneratedRegex(@"^\s*(approached|approaches|approaching|neared|nears|loomed|looms|drew (near|closer)|draws (near|closer)|came closer)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ApproachingAfterRegex();

    [GeneratedRegex(@"\b(as|when|while)\s+(the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ApproachingBeforeRegex();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SpaceRegex();

    [GeneratedRegex(@"^\s*[\p{L} ]{1,25}:", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"^[\s,]*(\d{1,2}:\d{2}\s*(GMT|UTC|BST|ET|EST|EDT|PT|UK)?\s*)?(Last updated|Updated|Published|Posted|First published)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex StampAfterRegex();

    [GeneratedRegex(@"(last updated|updated|published|posted)( at)?\s+\d{1,2}:\d{2}\s*(GMT|UTC|BST|ET|EST|EDT|PT|UK)?[\s,]*(\w+day[\s,]*)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex StampBeforeRegex();

    [GeneratedRegex(@"^\s*(Published|Updated|Posted|Last updated|Modified|First published)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex PublishedRegex();

    [GeneratedRegex(@"^(he|she|they|it|[A-Z][\p{L}.'’\- ]{1,60}?)\s+(said|says|told [\p{L} ]{1,30}|added|wrote|reported|announced)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex AttributionRegex();
}

/// <summary>Why a dated sentence was left out of the timeline (messages shown in the build report).</summary>
public static class ExclusionReasons
{
    public const string Caption = "photo caption that matches no reported event";
    public const string Headline = "headline line, not a statement";
    public const string Timestamp = "timestamp or label, not a statement";
    public const string NoVerb = "no statement: the sentence has no verb";
    public const string NounModifier = "the date only qualifies a noun phrase";
    public const string OffTopicStory = "off-topic story";
    public const string Hidden = "hidden by an editor correction";
    public const string UnresolvedAnchor = "dated only relative to another event that no source dates";
    public const string RelationOnly = "only said to be after or before another event: no date to place it on";
    public const string AnchorTooCoarse = "dated relative to an event whose date is too coarse for the offset";
    public const string Approaching = "the date is a moment drawing near ('as Thursday approached'), not when something happened";
}
