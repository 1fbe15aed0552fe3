using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;
using Timeline.Core.Temporal.Recognition;

namespace Timeline.Core.Events;

/// <summary>
/// A date stated relative to another event rather than to the calendar: "a day after President Sisi ordered
/// preparations…", "two days after the ship ran aground", "hours after the canal reopened", "after the 1967 war",
/// "the day before the vote". The statement's date is the anchor event's date moved by <see cref="Offset"/>
/// (or, with no offset, only <see cref="Relation"/> to it).
/// </summary>
/// <param name="Relation"><see cref="TimexMod.After"/> or <see cref="TimexMod.Before"/>.</param>
/// <param name="Offset">ISO-8601 period between the anchor and the statement ("P1D", "P2W", "P1Y"; "P0D" for "hours after",
/// the same day), or "" for a bare "after X", which gives only the relation.</param>
/// <param name="Clause">The anchor: the clause or noun phrase after "after"/"before" ("the ship ran aground").</param>
/// <param name="ClauseStart">Offset of <see cref="Clause"/> in the story text.</param>
/// <param name="IsStatement">Whether the anchor is a clause with a verb (a reported happening that can itself be cited), not a bare noun phrase.</param>
/// <remarks>Immutable.</remarks>
public sealed record EventAnchor(TimexMod Relation, string Offset, string Clause, int ClauseStart, bool IsStatement)
{
    /// <summary>The statement's date for an anchor dated <paramref name="anchor"/>, or null when the anchor is too coarse for the offset.</summary>
    public (DateRange Range, string Value, TimexMod Mod)? Apply(DateRange anchor, string anchorValue) =>
        EventAnchors.Move(anchor, anchorValue, Offset, Relation == TimexMod.Before ? -1 : 1);
}

/// <summary>
/// Event-anchored dates. <see cref="Find"/> (per sentence, in extraction) reads the "OFFSET after|before ANCHOR" phrases of
/// a sentence; <see cref="Resolve"/> (once per site, before merging) dates the statements whose anchor is dated by another
/// sentence of the same or another story: the dated mention that shares the most (IDF-weighted) terms and names with the
/// anchor, same story first, then the date closest to the publication. An anchor nothing dates stays out of the timeline
/// with <see cref="ExclusionReasons.UnresolvedAnchor"/>: a date is never guessed.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class EventAnchors
{
    /// <summary>Least share of the anchor's term weight a dated mention must cover to date it.</summary>
    internal const double MinScore = 0.34;

    /// <summary>Weight of a term found only in the candidate's context (preceding sentence) or its story's title, not its own sentence.</summary>
    internal const double ContextWeight = 0.5;

    /// <summary>What a matching mention of the anchored statement's own story adds to its date's support.</summary>
    internal const double SameStoryBonus = 1.0;

    /// <summary>Postings visited per anchor at most (rarest terms first), so a common word cannot make resolution quadratic.</summary>
    private const int MaxPostings = 1_000;

    /// <summary>Words before a bare "after"/"before" that make it non-temporal ("named after", "appeared before a judge").</summary>
    private static readonly FrozenSet<string> NotTemporalBefore = FrozenSet.ToFrozenSet(
    [
        "named", "name", "names", "look", "looks", "looked", "looking", "sought", "seek", "chase", "chased", "chasing", "lust",
        "lusted", "appear", "appears", "appeared", "appearing", "testify", "testifies", "testified", "testifying", "brought",
        "bring", "stood", "stand", "stands", "kneel", "knelt", "bow", "bowed", "day", "week", "year", "time", "one", "shortly",
        "soon", "long", "right", "ever", "not",
    ]);

    /// <summary>The relation words every anchor phrase holds.</summary>
    private static readonly SearchValues<string> RelationWords = SearchValues.Create(["after", "before"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="sentence"/> may hold an anchor phrase: "after" or "before" as a word followed by white space, as
    /// <see cref="PhraseRegex"/> needs (vectorised searches for both words, before any regex; "afternoon" is no anchor).
    /// </summary>
    internal static bool MayHave(string sentence) => NextRelation(sentence, 0) >= 0;

    /// <summary>Words before the phrase that make it a duration or comparison ("for two days after", "than the day before").</summary>
    private static readonly FrozenSet<string> DurationBefore = FrozenSet.ToFrozenSet(
        ["for", "than", "throughout", "during", "within", "until", "till", "since", "least", "most", "each", "every", "took", "take", "takes",
         "taken", "taking", "spent", "spend", "spends", "wait", "waited", "waiting", "lasted", "last", "lasts"]);

    /// <summary>One "OFFSET after|before ANCHOR" phrase of a sentence (offsets into the sentence).</summary>
    internal readonly record struct Phrase(int Start, int RelationEnd, int ClauseStart, int ClauseEnd, EventAnchor Anchor);

    /// <summary>
    /// The anchor phrases of a sentence: "a day after X", "two days after X", "the day before X", "hours after X",
    /// "after X" (bare: only when X is a clause or holds a date). The anchor runs to the end of its segment.
    /// Cost: one scan of the sentence, and only when it contains "after" or "before".
    /// </summary>
    internal static List<Phrase> Find(string sentence, List<Segment> segments)
    {
        var result = new List<Phrase>();
        if (!MayHave(sentence))
        {
            return result;
        }

        foreach (Match m in Phrases(sentence))
        {
            int clauseStart = m.Index + m.Length;
            int seg = segments.FindIndex(g => clauseStart >= g.Start && clauseStart < g.End);
            if (seg < 0)
            {
                continue;
            }

            int clauseEnd = segments[seg].End;
            Match cut = ClauseEndRegex().Match(sentence, clauseStart, clauseEnd - clauseStart);
            if (cut.Success)
            {
                clauseEnd = cut.Index; // "two months before his death but the doctor had refused" → "his death"
            }

            string clause = sentence[clauseStart..clauseEnd];
            if (!Terms.Of(clause).Any())
            {
                continue; // "after that", "before then": no event named
            }

            string before = Clauses.LastWordLower(sentence.AsSpan(0, m.Index));
            if (DurationBefore.Contains(before))
            {
                continue; // "for a week after the festival", "greater than the day before": a duration or a comparison, not a date
            }

            string offset = OffsetOf(m, out bool exact);
            if (!exact)
            {
                continue; // "about two weeks after", "more than 24 hours after": no date to compute
            }

            bool statement = Clauses.HasVerb(clause);
            TimexMod relation = m.Groups["rel"].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? TimexMod.Before : TimexMod.After;
            int relStart = m.Groups["rel"].Index;
            if (offset.Length == 0)
            {
                string prev = Clauses.LastWordLower(sentence.AsSpan(0, relStart));
                if (NotTemporalBefore.Contains(prev))
                {
                    continue;
                }
            }

            result.Add(new Phrase(m.Index, m.Groups["rel"].Index + m.Groups["rel"].Length, clauseStart, clauseEnd,
                new EventAnchor(relation, offset, clause, clauseStart, statement)));
        }

        return result;
    }

    /// <summary>
    /// The <see cref="PhraseRegex"/> matches of <paramref name="sentence"/>, as <c>Matches</c> gives them, but each search starts
    /// a few words before the next "after"/"before" instead of at every word of the sentence: a match is at most six words
    /// (letters and digits joined by white space and hyphens: "more than a couple of days") and its relation word, so none
    /// starts before that, and none at all once no relation word is left.
    /// </summary>
    private static IEnumerable<Match> Phrases(string sentence)
    {
        int from = 0;
        while (NextRelation(sentence, from) is var relation and >= 0)
        {
            Match m = PhraseRegex().Match(sentence, Math.Max(from, WordsBefore(sentence, relation, 8)));
            if (!m.Success)
            {
                yield break;
            }

            yield return m;
            from = m.Index + m.Length;
        }
    }

    /// <summary>The offset of the first "after" or "before" at or after <paramref name="from"/> that starts a word and is followed by white space; -1 when none.</summary>
    private static int NextRelation(string sentence, int from)
    {
        while (from < sentence.Length && sentence.AsSpan(from).IndexOfAny(RelationWords) is var i and >= 0)
        {
            int at = from + i;
            int end = at + (sentence.AsSpan(at).StartsWith("after", StringComparison.OrdinalIgnoreCase) ? "after".Length : "before".Length);
            if ((at == 0 || !IsLetterOrNumber(sentence[at - 1])) && end < sentence.Length && char.IsWhiteSpace(sentence[end]))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>The start of the <paramref name="count"/>th word before <paramref name="at"/>, crossing only white space and hyphens (the start of the run of them after anything else).</summary>
    private static int WordsBefore(string sentence, int at, int count)
    {
        int i = at;
        for (int k = 0; k < count; k++)
        {
            while (i > 0 && (char.IsWhiteSpace(sentence[i - 1]) || sentence[i - 1] == '-'))
            {
                i--;
            }

            if (i == 0 || !IsLetterOrNumber(sentence[i - 1]))
            {
                return i; // after punctuation: a match starts no earlier than the white space that follows it
            }

            while (i > 0 && IsLetterOrNumber(sentence[i - 1]))
            {
                i--;
            }
        }

        return i;
    }

    private static bool IsLetterOrNumber(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>The ISO period of the phrase's offset ("" for none); <paramref name="exact"/> is false for "about", "more than"… or hours that are not whole days.</summary>
    private static string OffsetOf(Match m, out bool exact)
    {
        exact = !m.Groups["q"].Success || m.Groups["q"].Value.ToLowerInvariant() is "just" or "only" or "exactly" or "barely";
        if (m.Groups["dayword"].Success)
        {
            return "P1D"; // "the day after", "the morning after", "the night before"
        }

        if (m.Groups["vague"].Success)
        {
            return "P0D"; // "hours after", "minutes after", "moments before": the same day
        }

        if (!m.Groups["unit"].Success)
        {
            return "";
        }

        string n = string.Join(' ', m.Groups["n"].Value.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // PhraseRegex admits "a", "an", "a couple of", the number words one to twelve (the tagger's lexicon reads them) and digits.
        int count = n switch
        {
            "a" or "an" => 1,
            "a couple of" => 2,
            _ when Lexicon.Find(n) is { Number: >= 0 } word => word.Number,
            _ => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture),
        };
        string unit = m.Groups["unit"].Value.ToLowerInvariant().TrimEnd('s');
        switch (unit)
        {
            case "day":
                return $"P{count}D";
            case "week":
                return $"P{count}W";
            case "month":
                return $"P{count}M";
            case "year":
                return $"P{count}Y";
            case "hour" when count % 24 == 0:
                return $"P{count / 24}D";
            case "hour" or "minute" when count < 12:
                return "P0D";
            default:
                exact = false;
                return "";
        }
    }

    /// <summary>
    /// The days a narrative expression moves on from the date told just before it: "two days later" 2, "a week later" 7,
    /// "the next day" / "the following morning" 1, "that night" / "the same day" / "later that day" 0; null for anything else
    /// (a weekday, a month, "weeks later").
    /// </summary>
    internal static int? NarrativeDays(string expression)
    {
        Match m = NarrativeRegex().Match(expression.Trim());
        if (!m.Success)
        {
            return null;
        }

        if (m.Groups["next"].Success)
        {
            return 1;
        }

        if (!m.Groups["unit"].Success)
        {
            return 0;
        }

        string n = m.Groups["n"].Value.ToLowerInvariant();
        int count = n switch
        {
            "a" or "an" => 1,
            _ when Lexicon.Find(n) is { Number: >= 0 } word => word.Number,
            _ => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture),
        };
        return m.Groups["unit"].Value.StartsWith("week", StringComparison.OrdinalIgnoreCase) ? 7 * count : count;
    }

    /// <summary>
    /// The anchor of a narrative expression ("two days later") told after an anchored statement ("The day after the vote, …"):
    /// the same anchor event, moved by both offsets. Null when the anchor's offset is not in days or weeks (or is bare).
    /// </summary>
    internal static EventAnchor? Chain(EventAnchor anchor, int days)
    {
        if (anchor.Offset.Length == 0 || PeriodPattern.NormalizingIso.Parse(anchor.Offset) is not { Success: true } parsed)
        {
            return null;
        }

        Period p = parsed.Value.Normalize();
        if (p.Years != 0 || p.Months != 0 || p.HasTimeComponent)
        {
            return null;
        }

        int total = (anchor.Relation == TimexMod.Before ? -p.Days : p.Days) + days;
        return new EventAnchor(total < 0 ? TimexMod.Before : TimexMod.After, $"P{Math.Abs(total).ToString(CultureInfo.InvariantCulture)}D",
            anchor.Clause, anchor.ClauseStart, IsStatement: false);
    }

    /// <summary>
    /// <paramref name="anchor"/> moved by <paramref name="offset"/> (ISO period, "" for none) in direction <paramref name="sign"/>:
    /// days and weeks need a day, months a month, years a year. With no offset the statement is the anchor's date with the relation as mod.
    /// </summary>
    internal static (DateRange Range, string Value, TimexMod Mod)? Move(DateRange anchor, string anchorValue, string offset, int sign)
    {
        if (offset.Length == 0)
        {
            if (anchor.Granularity > Granularity.Day)
            {
                anchor = new DateRange(anchor.Start, anchor.Start, Granularity.Day);
                anchorValue = LocalDatePattern.Iso.Format(anchor.Start);
            }

            return (anchor, anchorValue, sign < 0 ? TimexMod.Before : TimexMod.After);
        }

        ParseResult<Period> parsed = PeriodPattern.NormalizingIso.Parse(offset);
        if (!parsed.Success)
        {
            return null;
        }

        Period p = parsed.Value;
        Period step = sign < 0 ? -p : p;
        if (p.Years != 0 && p.Months == 0 && p.Days == 0)
        {
            if (anchor.Granularity < Granularity.Year)
            {
                return null;
            }

            int year = anchor.Start.Year + (sign * p.Years);
            var start = new LocalDate(year, 1, 1);
            return (new DateRange(start, new LocalDate(year, 12, 31), Granularity.Year), year.ToString("D4", CultureInfo.InvariantCulture), TimexMod.None);
        }

        if (p.Months != 0 && p.Years == 0 && p.Days == 0)
        {
            if (anchor.Granularity < Granularity.Month)
            {
                return null;
            }

            var ym = new YearMonth(anchor.Start.Year, anchor.Start.Month).PlusMonths(sign * p.Months);
            LocalDate first = ym.OnDayOfMonth(1);
            return (new DateRange(first, first.PlusMonths(1).PlusDays(-1), Granularity.Month), YearMonthPattern.Iso.Format(ym), TimexMod.None);
        }

        if (anchor.Granularity < Granularity.Day)
        {
            return null;
        }

        LocalDate day = anchor.Start.Plus(step);
        return (new DateRange(day, day, Granularity.Day), LocalDatePattern.Iso.Format(day), TimexMod.None);
    }

    /// <summary>
    /// Dates the anchored statements of every story (<see cref="StoryEvents.Anchored"/>) against the dated mentions of all
    /// stories, and returns the stories with the resolved ones among their mentions (the statement itself, and, when the
    /// anchor is a clause, that clause as a mention of the anchor event) and the others excluded with a reason.
    /// Linear in the number of mentions plus, per anchored statement, at most <see cref="MaxPostings"/> postings.
    /// </summary>
    public static IReadOnlyList<StoryEvents> Resolve(IReadOnlyList<StoryEvents> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        if (!stories.Any(s => s.Anchored.Count > 0))
        {
            return stories;
        }

        // Only the terms some anchor names are indexed: one pass over the mentions, no per-mention sets.
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (StoryEvents st in stories)
        {
            foreach (EventMention a in st.Anchored)
            {
                wanted.UnionWith(Terms.Of(a.Anchor?.Clause ?? ""));
            }
        }

        var pool = new List<(EventMention Mention, int Story)>();
        var postings = new Dictionary<string, List<(int Id, bool Own)>>(StringComparer.Ordinal);
        var titleTerms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var posted = new HashSet<string>(StringComparer.Ordinal);
        for (int s = 0; s < stories.Count; s++)
        {
            foreach (EventMention m in stories[s].Mentions)
            {
                if (m.IsCaption || m.Time.Range is not { } r || m.Time.Mod != TimexMod.None || r.Granularity < Granularity.Year || m.Anchor is not null)
                {
                    continue;
                }

                int id = pool.Count;
                pool.Add((m, s));
                if (!titleTerms.TryGetValue(m.Source.ArticlePath, out List<string>? title))
                {
                    titleTerms[m.Source.ArticlePath] = title = Terms.Of(m.Source.Title);
                }

                // The clause the date belongs to must name the anchor; the rest of the sentence, the preceding sentence and the
                // story's title only support it ("announced the order on Sunday" after "Sisi has ordered preparations…").
                posted.Clear();
                Post(Terms.Of(m.Clause.Length > 0 ? m.Clause : m.Quote), id, own: true);
                Post(m.QuoteTerms.Count > 0 ? m.QuoteTerms : Terms.Of(m.Quote), id, own: false);
                Post(m.ContextTerms, id, own: false);
                Post(title, id, own: false);
            }
        }

        void Post(IReadOnlyList<string> terms, int id, bool own)
        {
            foreach (string t in terms)
            {
                if (wanted.Contains(t) && posted.Add(t))
                {
                    if (!postings.TryGetValue(t, out List<(int, bool)>? list))
                    {
                        postings[t] = list = [];
                    }

                    list.Add((id, own));
                }
            }
        }

        var result = new List<StoryEvents>(stories.Count);
        for (int s = 0; s < stories.Count; s++)
        {
            StoryEvents story = stories[s];
            if (story.Anchored.Count == 0)
            {
                result.Add(story);
                continue;
            }

            var mentions = story.Mentions.ToList();
            var excluded = story.Excluded.ToList();
            foreach (EventMention m in story.Anchored)
            {
                (EventMention? main, EventMention? anchorMention, string? reason) = ResolveOne(m, s);
                if (main is null)
                {
                    excluded.Add(new ExcludedMention(m, reason ?? ExclusionReasons.UnresolvedAnchor));
                    continue;
                }

                mentions.Add(main);
                if (anchorMention is not null)
                {
                    mentions.Add(anchorMention);
                }
            }

            result.Add(story with { Mentions = mentions, Excluded = excluded, Anchored = [] });
        }

        return result;

        (EventMention? Main, EventMention? Anchor, string? Reason) ResolveOne(EventMention m, int story)
        {
            EventAnchor anchor = m.Anchor!;
            var clauseTerms = Terms.Of(anchor.Clause).Distinct(StringComparer.Ordinal).ToList();
            var terms = clauseTerms.Where(postings.ContainsKey).ToList();
            if (terms.Count == 0)
            {
                return (null, null, null);
            }

            double n = pool.Count;
            var idf = terms.ToDictionary(t => t, t => Math.Log(1 + (n / postings[t].Count)), StringComparer.Ordinal);
            double total = clauseTerms.Sum(t => idf.GetValueOrDefault(t, Math.Log(1 + n)));
            var names = Participants.Find(anchor.Clause);
            var scores = new Dictionary<int, (double Raw, int Own, int All)>();
            int visited = 0;
            foreach (string t in terms.OrderBy(t => postings[t].Count).ThenBy(t => t, StringComparer.Ordinal))
            {
                List<(int Id, bool Own)> list = postings[t];
                if (visited + list.Count > MaxPostings)
                {
                    break; // rarest first: the remaining terms are as common or more, and carry little weight
                }

                visited += list.Count;
                foreach ((int id, bool own) in list)
                {
                    (double raw, int ownCount, int all) = scores.GetValueOrDefault(id);
                    scores[id] = (raw + (idf[t] * (own ? 1 : ContextWeight)), ownCount + (own ? 1 : 0), all + 1);
                }
            }

            LocalDate published = m.Source.Published.Date;
            bool tentative = Clauses.IsTentative(m.Clause);
            var passing = new List<(int Id, double Score)>();
            double bonus = names.Count > 0 ? 0.1 : 0;
            foreach ((int id, (double raw, int own, int all)) in scores)
            {
                if ((raw / total) + bonus < MinScore)
                {
                    continue; // most candidates share a word or two in passing: the cheapest test first
                }

                EventMention c = pool[id].Mention;
                if (c.Source.ArticlePath == m.Source.ArticlePath && c.SentenceIndex == m.SentenceIndex && c.StoryId == m.StoryId)
                {
                    continue; // the sentence itself
                }

                // The dated sentence itself must name the anchor, and with its context share two of its terms (one when that is all it has).
                if (own == 0 || all < Math.Min(2, terms.Count))
                {
                    continue;
                }

                double score = raw / total;
                if (names.Count > 0 && c.Participants.Count > 0 && names.Any(x => c.Participants.Contains(x, StringComparer.OrdinalIgnoreCase)))
                {
                    score += 0.1;
                }

                DateRange r = c.Time.Range!.Value;
                if (score < MinScore || r.Start > published.PlusDays(1) || anchor.Apply(r, c.Time.Value) is not { } date
                    || (!tentative && date.Range.Start > published.PlusDays(1)))
                {
                    continue;
                }

                passing.Add((id, score));
            }

            // The anchor's happening is told by its verb ("the chief resigned"): when some candidates name that verb in their own
            // clause, the others tell another happening of the same people ("the chief defended his decision"), not this one.
            if (anchor.IsStatement && passing.Count > 1 && VerbTerms(anchor.Clause, terms) is { Count: > 0 } verbs)
            {
                var naming = new HashSet<int>(verbs.SelectMany(v => postings[v]).Where(x => x.Own).Select(x => x.Id));
                if (passing.Exists(x => naming.Contains(x.Id)))
                {
                    passing.RemoveAll(x => !naming.Contains(x.Id));
                }
            }

            int? bestId = Choose(passing, story, terms.Count == 1);
            if (bestId is not { } b)
            {
                return (null, null, null);
            }

            EventMention found = pool[b].Mention;
            (DateRange Range, string Value, TimexMod Mod) resolved = anchor.Apply(found.Time.Range!.Value, found.Time.Value)!.Value;
            TemporalMention time = m.Time with
            {
                Type = TimexType.Date,
                Value = resolved.Value,
                Mod = resolved.Mod,
                Rule = "anchor:" + m.Time.Rule,
                Range = resolved.Range,
            };
            EventMention main = m with { Time = time };
            EventMention? clause = anchor.IsStatement ? AnchorClauseMention(m, anchor, found.Time with { Start = anchor.ClauseStart, End = anchor.ClauseStart + anchor.Clause.Length, Text = anchor.Clause, Rule = "anchor-clause" }) : null;
            return (main, clause, null);

            // The date of the best match (a mention of the same story counting as much as a perfect match from another: the
            // article dating its own anchor), a little more for each other story that agrees, then the closest to the publication.
            // Best match, not most matches: the most reported date of a corpus must not win every anchor. A one-word anchor
            // ("his death") is named in passing by many sentences: there the stories vote, and two must agree on a clear leader.
            int? Choose(List<(int Id, double Score)> candidates, int story, bool oneWord)
            {
                double Weight((int Id, double Score) x) => x.Score + (!oneWord && pool[x.Id].Story == story ? SameStoryBonus : 0);
                var byDate = candidates
                    .GroupBy(x => DayOf(pool[x.Id].Mention.Time.Range!.Value))
                    .Select(g => (Items: g.OrderByDescending(Weight).ThenBy(x => Key(pool[x.Id].Mention), StringComparer.Ordinal).ToList(),
                        Total: oneWord ? g.Sum(Weight) : g.Max(Weight) + (0.1 * Math.Min(5, g.Select(x => pool[x.Id].Story).Distinct().Count() - 1)),
                        Stories: g.Select(x => pool[x.Id].Story).Distinct().Count()))
                    .OrderByDescending(g => Math.Round(g.Total, 2)).ThenBy(g => Distance(g.Items[0].Id)).ThenBy(g => Key(pool[g.Items[0].Id].Mention), StringComparer.Ordinal)
                    .ToList();
                if (byDate.Count == 0 || (oneWord && (byDate[0].Stories < 2 || (byDate.Count > 1 && byDate[0].Total < 2 * byDate[1].Total))))
                {
                    return null;
                }

                return byDate[0].Items[0].Id;
            }

            // A time of a day ("4:17 a.m. on Monday") and the day itself ("on Monday") are one date for an offset in days.
            static DateRange DayOf(DateRange r) => r.Granularity > Granularity.Day ? new DateRange(r.Start, r.Start, Granularity.Day) : r;

            int Distance(int id) => Math.Abs(Period.DaysBetween(pool[id].Mention.Time.Range!.Value.Start, published));
        }

        static string Key(EventMention x) => $"{x.Source.ArticlePath}\n{x.StoryId}\n{x.QuoteStart:D9}\n{x.Time.Start:D9}";
    }

    /// <summary>The terms of the lower-case words of <paramref name="clause"/> that look like verbs, among <paramref name="terms"/>.</summary>
    private static List<string> VerbTerms(string clause, List<string> terms)
    {
        var result = new List<string>();
        foreach (string w in Clauses.Words(clause))
        {
            if (char.IsLower(w[0]) && Clauses.LooksLikeVerb(w) && Terms.Of(w) is [var t] && terms.Contains(t) && !result.Contains(t))
            {
                result.Add(t);
            }
        }

        return result;
    }

    /// <summary>The anchor clause of <paramref name="m"/> as a mention of its own (subordinate), dated <paramref name="time"/>.</summary>
    internal static EventMention AnchorClauseMention(EventMention m, EventAnchor anchor, TemporalMention time) =>
        m with
        {
            Time = time,
            Anchor = null,
            Clause = anchor.Clause,
            Headline = Clauses.Statement(anchor.Clause),
            Subordinate = true,
        };

    [GeneratedRegex(
        @"^((later\s+)?(that|the\s+same)\s+(day|morning|afternoon|evening|night)|the\s+(?<next>next|following)\s+(day|morning|afternoon|evening|night)|(?<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})[\s\-]+(?<unit>days?|weeks?)\s+later)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex NarrativeRegex();

    [GeneratedRegex(@"\s+(but|while|although|though|whereas|because|as\s+part\s+of|after|before|and\s+(then|later|was|were|is|are|has|had|he|she|they|it|we)\b)\s", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex ClauseEndRegex();

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])((?<q>just|only|barely|exactly|some|about|around|nearly|almost|roughly|more\s+than|less\s+than|within|over)\s+)?((?<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|\d{1,3})[\s\-]+(?<unit>days?|weeks?|months?|years?|hours?|minutes?)|the\s+(?<dayword>day|morning|evening|night|afternoon)|(?<vague>hours|minutes|moments|only\s+hours|mere\s+hours))?\s*(?<rel>(?<![\p{L}\p{N}])(after|before))\s+(?=[\p{L}\p{N}""“])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, RegexDefaults.TimeoutMs)]
    private static partial Regex PhraseRegex();
}
