using System.Runtime.InteropServices;
using NodaTime;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Events;

/// <summary>
/// The event stages. <see cref="Extract"/> runs per story (pure, cacheable by content hash): it keeps the dated
/// sentences whose date is the time of a statement and lists the others with a reason. <see cref="Build"/> runs
/// once for the site: topic relevance, merging across outlets, salience, editor corrections and ordering.
/// </summary>
/// <remarks>Thread-safe: no shared state.</remarks>
public static class EventPipeline
{
    /// <summary>The event mentions of one tagged story, and the dated sentences left out with why.</summary>
    public static StoryEvents Extract(TaggedStory story, EventOptions options)
    {
        ArgumentNullException.ThrowIfNull(story);
        var mentions = new List<EventMention>();
        var excluded = new List<ExcludedMention>();
        var anchored = new List<EventMention>();
        Story st = story.Story;
        IReadOnlyList<Sentence> sentences = st.Sentences;
        var times = story.Mentions.Where(t => t.Range is not null && t.Type is TimexType.Date or TimexType.Time).OrderBy(t => t.Start).ToList();
        var bodyTerms = new List<string>();
        int[] starts = times.Select(t => t.Start).ToArray();
        int body = 0;
        IReadOnlyList<string> previousTerms = [];
        (EventAnchor Anchor, TemporalMention? Inline)? chain = null;
        (TemporalMention Time, int LineEnd)? entry = null; // the dated chronology entry whose line the next sentences may go on
        for (int i = 0; i < sentences.Count; i++)
        {
            Sentence s = sentences[i];
            if (s.Start < 0 || s.End > st.Text.Length || s.End <= s.Start)
            {
                continue;
            }

            // The trimmed sentence as its only string (trimmed as string.Trim trims).
            ReadOnlySpan<char> raw = st.Text.AsSpan(s.Start, s.End - s.Start);
            int lead = raw.Length - raw.TrimStart().Length;
            string sentence = raw.Trim().ToString();
            int sentenceStart = s.Start + lead;
            int bodyPosition = -1;
            IReadOnlyList<string> sentenceTerms = [];
            IReadOnlyList<string> contextTerms = previousTerms;
            if (s.Kind == SentenceKind.Body)
            {
                bodyPosition = body++;
                var terms = Terms.Of(sentence);
                bodyTerms.AddRange(terms);
                sentenceTerms = terms;
                previousTerms = terms;
            }

            int ti = Array.BinarySearch(starts, s.Start);
            ti = ti < 0 ? ~ti : ti;
            while (ti > 0 && starts[ti - 1] == s.Start)
            {
                ti--;
            }

            int tEnd = ti;
            while (tEnd < times.Count && times[tEnd].Start < s.End)
            {
                tEnd++;
            }

            List<Segment>? segments = null;
            IReadOnlyList<string>? names = null;
            List<(EventAnchors.Phrase Phrase, TemporalMention? Inline)> phrases = s.Kind == SentenceKind.Body && EventAnchors.MayHave(sentence)
                ? KeptPhrases(sentence, segments ??= Clauses.Segments(sentence), times, ti, tEnd, sentenceStart)
                : [];
            Dictionary<TemporalMention, (EventAnchor Anchor, TemporalMention? Inline)>? chained = s.Kind == SentenceKind.Body
                ? Chained(sentenceStart, phrases, times, ti, tEnd, ref chain)
                : null;
            if (bodyPosition == 0 && phrases.Count == 0 && LedeOfTheDay(sentence, sentenceStart, story.Source.Published.Date, times, ti, tEnd) is { } lede)
            {
                // "A judge has delayed the trial …" opening a report: the news of its publication day (see NewsLede).
                segments ??= Clauses.Segments(sentence);
                names ??= Participants.Find(sentence);
                (string clause, bool subordinate) = ClauseOf(sentence, segments, lede.Start, null);
                mentions.Add(new EventMention(story.Source, st.Id, i, sentence, sentenceStart, NewsLede.DayOf(SiteDay.ElapsedDay(story.Source.Published, options.SiteZone), sentenceStart + lede.Start, sentenceStart + lede.End, sentence[lede.Start..lede.End]))
                {
                    Participants = names,
                    Headline = Clauses.Statement(NewsLede.Headline(sentence, segments, lede.Start)),
                    Clause = clause,
                    BodyPosition = bodyPosition,
                    Subordinate = subordinate,
                    QuoteTerms = sentenceTerms,
                    ContextTerms = contextTerms,
                });
            }

            if (ti == tEnd && s.Kind == SentenceKind.Body && entry is { } e && s.Start < e.LineEnd && Clauses.ContinuesDatedEntry(sentence))
            {
                // "Mon 8/21 – Biden tours Lahaina. FEMA says 85% of the burn area has been searched.": the entry's day.
                segments ??= Clauses.Segments(sentence);
                (string clause, bool subordinate) = ClauseOf(sentence, segments, 0, null);
                mentions.Add(new EventMention(story.Source, st.Id, i, sentence, sentenceStart, e.Time)
                {
                    Participants = names ??= Participants.Find(sentence), Headline = Clauses.Headline(sentence, segments, 0, 0, null), Clause = clause,
                    BodyPosition = bodyPosition, Subordinate = subordinate, QuoteTerms = sentenceTerms, ContextTerms = contextTerms,
                });
            }
            else if (ti < tEnd)
            {
                entry = null;
            }

            HashSet<(string, TimexMod)>? seen = null;
            for (int j = ti; j < tEnd; j++)
            {
                TemporalMention t = times[j];
                if (t.End > s.End || !(seen ??= []).Add((t.Value, t.Mod)))
                {
                    continue;
                }

                int at = Math.Clamp(t.Start - sentenceStart, 0, sentence.Length);
                int to = Math.Clamp(t.End - sentenceStart, at, sentence.Length);
                segments ??= Clauses.Segments(sentence);
                names ??= s.Kind == SentenceKind.Caption ? [] : Participants.Find(sentence);
                var restrictive = Clauses.RestrictiveRelativeAt(sentence, segments, at);
                (string clause, bool subordinate) = ClauseOf(sentence, segments, at, restrictive);
                string headline = Clauses.Headline(sentence, segments, at, to, restrictive);
                foreach ((EventAnchors.Phrase ph, _) in phrases)
                {
                    if (at >= ph.ClauseStart && at < ph.ClauseEnd)
                    {
                        // "… two days after the ship ran aground on Tuesday": the date is the anchor's, not the main statement's.
                        (clause, subordinate) = (ph.Anchor.Clause, true);
                        headline = ph.Anchor.IsStatement ? Clauses.Statement(ph.Anchor.Clause) : headline;
                    }
                }

                var mention = new EventMention(story.Source, st.Id, i, sentence, sentenceStart, SiteClock.OnSiteCalendar(SiteDay.Today(t, story.Source.Published, options.SiteZone, clause, sentence, at), story.Source.Published, options.SiteZone, sentence, sentenceStart))
                {
                    IsCaption = s.Kind == SentenceKind.Caption,
                    Participants = names,
                    Headline = headline,
                    Clause = clause,
                    BodyPosition = bodyPosition,
                    Subordinate = subordinate,
                    QuoteTerms = sentenceTerms,
                    ContextTerms = contextTerms,
                };

                string? reason = s.Kind == SentenceKind.Headline ? ExclusionReasons.Headline : Clauses.NotAStatement(sentence, at, to, requireVerb: s.Kind == SentenceKind.Body);
                if (reason is null && ComparisonPoint.IsComparedYear(sentence, at, to, t))
                {
                    reason = ExclusionReasons.ComparisonPoint;
                }

                if (reason is null && ForecastCues.IsPossibility(mention))
                {
                    // "could leave as early as tomorrow if the runway is cleared": a possible date, not a happening.
                    reason = ExclusionReasons.Forecast;
                }

                if (reason is null && options.SiteZone is { } zone && LocalTimeGloss.IsRestatedMoment(sentence, sentenceStart, t, zone, story.Source.Published.Published.ToInstant()))
                {
                    // "That was early on Friday, New Zealand time.": the moment of the sentence before, on another calendar.
                    reason = ExclusionReasons.LocalTimeGloss;
                }

                if (reason is null && tEnd - ti > 1)
                {
                    // Two dates of one sentence told side by side: the sentence's dates, read in place.
                    ReadOnlySpan<TemporalMention> dates = CollectionsMarshal.AsSpan(times)[ti..tEnd];
                    if (options.SiteZone is { } siteZone && LocalTimeGloss.IsForeignGloss(sentence, sentenceStart, t, dates, siteZone, story.Source.Published.Published.ToInstant()))
                    {
                        reason = ExclusionReasons.LocalTimeGloss;
                    }
                    else if (DateApposition.IsRestatedCount(sentence, sentenceStart, t, dates))
                    {
                        reason = ExclusionReasons.RestatedCount;
                    }
                }

                if (chained is not null && chained.TryGetValue(t, out var link))
                {
                    AddChained(mention with { Anchor = link.Anchor }, link.Inline, reason, mentions, excluded, anchored);
                }
                else if (reason is null)
                {
                    mentions.Add(mention);
                    if (j == ti && s.Kind == SentenceKind.Body && t.Range is { Granularity: >= Granularity.Day } && Clauses.HeadsDatedEntry(sentence, at, to))
                    {
                        int lineEnd = st.Text.IndexOf('\n', s.End);
                        entry = (t, lineEnd < 0 ? st.Text.Length : lineEnd);
                    }
                }
                else
                {
                    excluded.Add(new ExcludedMention(mention, reason));
                }
            }

            foreach ((EventAnchors.Phrase ph, TemporalMention? inline) in phrases)
            {
                names ??= Participants.Find(sentence);
                var template = new EventMention(story.Source, st.Id, i, sentence, sentenceStart, PhraseTime(ph, sentence, sentenceStart))
                {
                    Participants = names,
                    BodyPosition = bodyPosition,
                    QuoteTerms = sentenceTerms,
                    ContextTerms = contextTerms,
                };
                AddAnchored(template, ph, inline, sentence, segments!, times, ti, tEnd, sentenceStart, chained, mentions, excluded, anchored);
            }
        }

        return new StoryEvents(st.Id, mentions, excluded) { Terms = bodyTerms, Source = story.Source, Anchored = anchored };
    }

    /// <summary>
    /// The perfect verb group of a lede that reports its publication day (<see cref="NewsLede.PerfectVerb"/>), unless a date on
    /// or before that day dates the sentence: a day or week anywhere in it, before or after ("…in an address broadcast late on
    /// Monday night", "as early as this week"), or any
    /// date of the perfect's own clause. A year or month of another clause is background ("who died in June 2009", a caption's
    /// "shown in 2010"), and a later month or year does not date the perfect ("has delayed the trial until May"). Sentence offsets.
    /// </summary>
    private static (int Start, int End)? LedeOfTheDay(string sentence, int sentenceStart, LocalDate published, List<TemporalMention> times, int ti, int tEnd)
    {
        bool coarse = false;
        for (int j = ti; j < tEnd; j++)
        {
            if (times[j].Range is { } r && r.Granularity >= Granularity.Week)
            {
                return null;
            }

            if (times[j].Range is { } c && c.Start <= published)
            {
                coarse = true;
            }
        }

        if (NewsLede.PerfectVerb(sentence) is not { } verb)
        {
            return null;
        }

        if (coarse)
        {
            Segment clause = Clauses.ClauseAround(sentence, Clauses.Segments(sentence), verb.Start).Clause;
            for (int j = ti; j < tEnd; j++)
            {
                int at = times[j].Start - sentenceStart;
                if (times[j].Range is { } r && r.Start <= published && at >= clause.Start && at < clause.End)
                {
                    return null;
                }
            }
        }

        return verb;
    }

    /// <summary>
    /// The clause a date at <paramref name="at"/> belongs to, and whether it is subordinate. A date inside a restrictive relative
    /// clause ("the ship that blocked the canal last week was freed on Monday") dates only that clause, told of its noun
    /// ("the ship blocked the canal last week"); a date of the main clause is compared without the relative clause.
    /// </summary>
    /// <param name="restrictive">The <see cref="Clauses.RestrictiveRelativeAt"/> of the date.</param>
    private static (string Clause, bool Subordinate) ClauseOf(string sentence, List<Segment> segments, int at, (int Antecedent, int Start, int End)? restrictive)
    {
        (Segment clause, bool relative) = Clauses.ClauseAround(sentence, segments, at);
        string text = sentence[clause.Start..clause.End];
        if (restrictive is not { } rr)
        {
            return (text, relative);
        }

        int pronounEnd = rr.Start;
        while (pronounEnd < sentence.Length && char.IsLetter(sentence[pronounEnd]))
        {
            pronounEnd++;
        }

        if (at < rr.End)
        {
            return ((sentence[rr.Antecedent..rr.Start] + sentence[pronounEnd..rr.End].TrimStart()).Trim(), true);
        }

        int from = Math.Max(rr.Start, clause.Start), to = Math.Min(rr.End, clause.End);
        return from < to ? ((sentence[clause.Start..from] + sentence[to..clause.End]).Trim(), relative) : (text, relative);
    }

    /// <summary>
    /// The anchor phrases of a sentence that are about another event: not a plain temporal "after [3 p.m.]" (the date
    /// opens the anchor), and a bare "after X" only when X is a clause or holds a date. Each with its <see cref="Inline"/> date.
    /// </summary>
    private static List<(EventAnchors.Phrase Phrase, TemporalMention? Inline)> KeptPhrases(string sentence, List<Segment> segments, List<TemporalMention> times, int ti, int tEnd, int sentenceStart)
    {
        var kept = new List<(EventAnchors.Phrase, TemporalMention?)>();
        foreach (EventAnchors.Phrase ph in EventAnchors.Find(sentence, segments))
        {
            TemporalMention? inline = Inline(ph, times, ti, tEnd, sentenceStart);
            // "after [midnight]", "before [the end of March]": a plain temporal "after", unlike "after the [1967] Six-Day War".
            bool opensWithDate = inline is not null && inline.Start - sentenceStart - ph.ClauseStart <= 4
                && Terms.Of(sentence.AsSpan(Math.Min(ph.ClauseEnd, inline.End - sentenceStart), ph.ClauseEnd - Math.Min(ph.ClauseEnd, inline.End - sentenceStart))).Count == 0;
            bool dateInPhrase = Enumerable.Range(ti, tEnd - ti).Any(j => times[j].Start - sentenceStart >= ph.Start && times[j].Start - sentenceStart < ph.ClauseStart);
            if (opensWithDate || dateInPhrase || (ph.Anchor.Offset.Length == 0 && !ph.Anchor.IsStatement && inline is null))
            {
                continue;
            }

            kept.Add((ph, inline));
        }

        return kept;
    }

    /// <summary>The first date inside the phrase's anchor clause that has no mod ("after the [1967] war"), or null.</summary>
    private static TemporalMention? Inline(EventAnchors.Phrase ph, List<TemporalMention> times, int ti, int tEnd, int sentenceStart)
    {
        for (int j = ti; j < tEnd; j++)
        {
            int at = times[j].Start - sentenceStart;
            if (at >= ph.ClauseStart && at < ph.ClauseEnd && times[j].Mod == TimexMod.None)
            {
                return times[j];
            }
        }

        return null;
    }

    /// <summary>The relation phrase ("a day after") as the expression of an anchored statement; dated once its anchor is.</summary>
    private static TemporalMention PhraseTime(EventAnchors.Phrase ph, string sentence, int sentenceStart)
    {
        string text = sentence[ph.Start..ph.RelationEnd];
        return ph.Anchor.Offset.Length > 0
            ? new TemporalMention(sentenceStart + ph.Start, sentenceStart + ph.RelationEnd, text, TimexType.Duration, ph.Anchor.Offset, ph.Anchor.Relation, "anchor")
            : new TemporalMention(sentenceStart + ph.Start, sentenceStart + ph.RelationEnd, text, TimexType.Date, "", ph.Anchor.Relation, "anchor");
    }

    /// <summary>
    /// One anchor phrase's statements. Main clause undated: dated now when the anchor holds a date ("after the 1967 war"),
    /// else kept for <see cref="EventAnchors.Resolve"/>. Main clause dated by one day: an exact offset dates the anchor clause
    /// too ("refloated on Monday, March 29, six days after it ran aground" → it ran aground on 23 March).
    /// </summary>
    /// <param name="inline">The phrase's <see cref="Inline"/> date.</param>
    /// <param name="chained">The sentence's narrative expressions dated from this or an earlier phrase (see <see cref="Chained"/>): they
    /// tell what happened next, so they neither date the phrase's statement nor belong to it.</param>
    private static void AddAnchored(EventMention template, EventAnchors.Phrase ph, TemporalMention? inline, string sentence, List<Segment> segments,
        List<TemporalMention> times, int ti, int tEnd, int sentenceStart, Dictionary<TemporalMention, (EventAnchor, TemporalMention?)>? chained,
        List<EventMention> mentions, List<ExcludedMention> excluded, List<EventMention> anchored)
    {
        var outside = new List<TemporalMention>();
        int mainEnd = sentence.Length;
        for (int j = ti; j < tEnd; j++)
        {
            int at = times[j].Start - sentenceStart;
            if (chained is not null && chained.ContainsKey(times[j]))
            {
                mainEnd = at >= ph.ClauseEnd ? Math.Min(mainEnd, at) : mainEnd;
            }
            else if (at < ph.Start || at >= ph.ClauseEnd)
            {
                outside.Add(times[j]);
            }
        }

        if (outside.Count == 0)
        {
            string main = MainOf(sentence[..mainEnd], segments, ph);
            if (!Clauses.HasVerb(main))
            {
                return;
            }

            EventMention m = template with
            {
                Anchor = ph.Anchor,
                Clause = main,
                Headline = Clauses.Headline(sentence, ph.Start, ph.RelationEnd),
            };
            if (ph.Anchor.Offset.Length == 0)
            {
                // "After the 1967 Six-Day War, Egypt shut the waterway": a sentence that opens with an event of a given year and goes
                // on with what followed is, at that scale, of that year (the sequel told in the same breath). A trailing "… after
                // the 1999 quake" (retrofitting that took years), finer dates ("after the March 23 grounding") and "before" give
                // only an order: listed, not placed on a date the text does not give (the merge would drop or split on the AFTER mod).
                if (inline is { Range: { Granularity: Granularity.Year } year } && ph.Anchor.Relation == TimexMod.After && ph.Start == 0)
                {
                    mentions.Add(m with { Time = m.Time with { Type = TimexType.Date, Value = inline.Value, Mod = TimexMod.None, Range = year, Rule = "anchor-after-year" } });
                }
                else if (inline is not null)
                {
                    excluded.Add(new ExcludedMention(m, ExclusionReasons.RelationOnly));
                }
            }
            else if (inline is null)
            {
                anchored.Add(m);
            }
            else if (ph.Anchor.Apply(inline.Range!.Value, inline.Value) is { } date)
            {
                mentions.Add(m with { Time = m.Time with { Type = TimexType.Date, Value = date.Value, Mod = date.Mod, Range = date.Range } });
            }
            else
            {
                excluded.Add(new ExcludedMention(m, ExclusionReasons.AnchorTooCoarse));
            }

            return;
        }

        // A count of weeks is a round figure ("Yesterday … walked through Lahaina, two weeks after a wildfire wiped the town off the
        // map": thirteen days), yet moving a day by it gives a day: the anchor clause, told elsewhere with its own date, would land
        // on a day nothing happened. Days date it exactly; months and years only to their month or year (Move keeps the unit).
        if (inline is null && ph.Anchor.IsStatement && ph.Anchor.Offset.Length > 0 && !ph.Anchor.Offset.EndsWith('W') && outside.Count == 1
            && outside[0] is { Range: { Granularity: >= Granularity.Day } r, Mod: TimexMod.None }
            && EventAnchors.Move(r, outside[0].Value, ph.Anchor.Offset, ph.Anchor.Relation == TimexMod.Before ? 1 : -1) is { Mod: TimexMod.None } back)
        {
            var time = new TemporalMention(sentenceStart + ph.Start, sentenceStart + ph.RelationEnd, sentence[ph.Start..ph.RelationEnd], TimexType.Date, back.Value, TimexMod.None, "anchor-back")
            {
                Range = back.Range,
            };
            mentions.Add(EventAnchors.AnchorClauseMention(template, ph.Anchor, time));
        }
    }

    /// <summary>
    /// The narrative expressions of a body sentence that go on from an anchored statement: after "The day after the vote, …",
    /// "two days later" is two days after that day, not after whatever date the text gave last (the tagger's narrative anchor).
    /// Walks the sentence's dates and kept phrases in text order: a phrase with an offset in days or weeks, not preceded in its
    /// sentence by a date of its own, starts a chain that <paramref name="chain"/> carries into the next sentences; each
    /// narrative expression ("two days later", "the next day", "that night") moves it on; any other date ends it.
    /// </summary>
    /// <returns>Each chained expression with its anchor (and the phrase's own date, when it holds one), or null when none is.</returns>
    private static Dictionary<TemporalMention, (EventAnchor Anchor, TemporalMention? Inline)>? Chained(int sentenceStart,
        List<(EventAnchors.Phrase Phrase, TemporalMention? Inline)> phrases, List<TemporalMention> times, int ti, int tEnd,
        ref (EventAnchor Anchor, TemporalMention? Inline)? chain)
    {
        Dictionary<TemporalMention, (EventAnchor, TemporalMention?)>? result = null;
        bool dated = false;
        int p = 0;
        for (int j = ti; j < tEnd; j++)
        {
            TemporalMention t = times[j];
            int at = t.Start - sentenceStart;
            for (; p < phrases.Count && phrases[p].Phrase.ClauseEnd <= at; p++)
            {
                chain = Start(phrases[p]);
            }

            if (p < phrases.Count && at >= phrases[p].Phrase.Start)
            {
                continue; // the phrase's own words or date ("two days after the [March 23] grounding")
            }

            if (chain is { } c && t.Range is { Granularity: >= Granularity.Day } && EventAnchors.NarrativeDays(t.Text) is { } days
                && EventAnchors.Chain(c.Anchor, days) is { } next)
            {
                (result ??= [])[t] = (next, c.Inline);
                chain = (next, c.Inline);
            }
            else
            {
                chain = null;
                dated = true;
            }
        }

        for (; p < phrases.Count; p++)
        {
            chain = Start(phrases[p]);
        }

        return result;

        // A phrase after a date of its sentence is dated by that date ("on Monday, two days after the vote"): no chain.
        (EventAnchor, TemporalMention?)? Start((EventAnchors.Phrase Phrase, TemporalMention? Inline) ph) =>
            !dated && EventAnchors.Chain(ph.Phrase.Anchor, 0) is not null ? (ph.Phrase.Anchor, ph.Inline) : null;
    }

    /// <summary>A chained narrative statement (see <see cref="Chained"/>): dated now from the phrase's own date, else kept for <see cref="EventAnchors.Resolve"/>.</summary>
    private static void AddChained(EventMention m, TemporalMention? inline, string? reason, List<EventMention> mentions, List<ExcludedMention> excluded, List<EventMention> anchored)
    {
        if (reason is not null)
        {
            excluded.Add(new ExcludedMention(m, reason));
        }
        else if (inline is null)
        {
            anchored.Add(m);
        }
        else if (m.Anchor!.Apply(inline.Range!.Value, inline.Value) is { } date)
        {
            mentions.Add(m with { Time = m.Time with { Value = date.Value, Mod = date.Mod, Range = date.Range, Rule = "anchor:" + m.Time.Rule } });
        }
        else
        {
            excluded.Add(new ExcludedMention(m, ExclusionReasons.AnchorTooCoarse));
        }
    }

    /// <summary>The main clause of an anchored sentence: after a fronted "Two days after X," or before a trailing "… a day after X".</summary>
    private static string MainOf(string sentence, List<Segment> segments, EventAnchors.Phrase ph)
    {
        bool fronted = segments.Any(g => g.Start == ph.Start) && ph.ClauseEnd < sentence.Length - 1;
        string main = fronted ? sentence[ph.ClauseEnd..] : sentence[..ph.Start];
        return main.Trim().Trim(',', ';', ' ', '.');
    }

    /// <summary>Merges, scores, corrects and orders the events of every story of the site.</summary>
    public static Chronology Build(IEnumerable<StoryEvents> stories, EventOptions options)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(options);
        return new EventBuilder(EventAnchors.Resolve(stories.ToList()).ToList(), options).Run();
    }
}
