using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Diagnostics;
using Timeline.Core.Temporal;

namespace Timeline.Core.Events;

/// <summary>
/// The global event stages for one build: topic relevance, date-constrained clustering (news-tls style: mentions are
/// only compared inside a date bucket, never all against all), refinement of coarse mentions into finer events,
/// date conflicts, captions as supporting evidence, salience, ids, editor corrections and ordering.
/// </summary>
/// <remarks>Single use, not thread-safe; <see cref="EventPipeline.Build"/> makes one per call.</remarks>
internal sealed class EventBuilder
{
    /// <summary>Same date value: mentions join unless they share nothing (same day, same topic → same happening).</summary>
    internal const double SameDateThreshold = 0.04;

    /// <summary>A coarse mention ("in October") refines into a finer event of that period at this similarity.</summary>
    internal const double RefineThreshold = 0.12;

    /// <summary>…or at this one when its own story already dates that event more precisely (then it is likely another happening).</summary>
    internal const double RefineSameStoryThreshold = 0.45;

    /// <summary>Near-identical statements from different articles, a few days apart: one event with a date conflict.</summary>
    internal const double ConflictThreshold = 0.72;

    /// <summary>Days apart within which near-identical statements are taken as one event reported with different dates.</summary>
    internal const int ConflictWindowDays = 2;

    /// <summary>How many statements of each of two events are compared when looking for a date conflict.</summary>
    internal const int ConflictSample = 40;

    /// <summary>Key events are the most salient ones, at most <see cref="EventOptions.MaxKeyEvents"/>, with at least this salience.</summary>
    internal const double KeySalience = 0.4;

    private readonly List<StoryEvents> _stories;
    private readonly EventOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<ExcludedMention> _excluded = [];
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _sentenceTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<EventMention, SparseVector> _vectors = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<string>> _titleTerms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topicTerms = new(StringComparer.Ordinal);

    public EventBuilder(List<StoryEvents> stories, EventOptions options)
    {
        _stories = stories;
        _options = options;
    }

    public Chronology Run()
    {
        foreach (StoryEvents s in _stories)
        {
            _excluded.AddRange(s.Excluded);
        }

        Dictionary<string, double> storyRelevance = TopicRelevance.Score(_stories, _options.Topic, out HashSet<string> offTopic);
        var topicTerms = Terms.Of(_options.Topic ?? "").Distinct(StringComparer.Ordinal).ToList();
        _topicTerms.UnionWith(topicTerms);
        var body = new List<EventMention>();
        var captions = new List<EventMention>();
        foreach (StoryEvents s in _stories)
        {
            double storyRel = storyRelevance.GetValueOrDefault(s.StoryId, 1.0);
            foreach (EventMention m in s.Mentions)
            {
                if (offTopic.Contains(s.StoryId))
                {
                    _excluded.Add(new ExcludedMention(m, ExclusionReasons.OffTopicStory));
                    continue;
                }

                double overlap = TopicRelevance.SentenceOverlap(SentenceTerms(m.Quote), topicTerms);
                EventMention scored = m with { TopicRelevance = Math.Round(Math.Clamp((storyRel + overlap) / 2, 0, 1), 4) };
                (m.IsCaption ? captions : body).Add(scored);
            }
        }

        BuildVectors(body.Concat(captions));
        List<Cluster> clusters = ClusterMentions(body);
        clusters = ResolveConflicts(clusters);
        AttachCaptions(clusters, captions);
        var pubCount = PublicationCounts();
        List<TimelineEvent> events = clusters.Select(c => ToEvent(c, pubCount)).ToList();
        events = NormaliseSalience(events);
        events = UniqueIds(events);
        events = new CorrectionApplier(_options.Corrections, _diagnostics, _excluded, MakeEvent).Apply(events);
        events = Order(events);
        events = MarkKey(events);
        var excluded = _excluded
            .OrderBy(e => e.Mention.Source.ArticlePath, StringComparer.Ordinal)
            .ThenBy(e => e.Mention.QuoteStart)
            .ThenBy(e => e.Mention.Time.Start)
            .ToList();
        return new Chronology(events, excluded) { Diagnostics = _diagnostics };
    }

    private void BuildVectors(IEnumerable<EventMention> mentions)
    {
        var list = mentions.ToList();
        var clauseTerms = list.Select(m => Terms.Of(m.Clause)).ToList();
        var sentenceTerms = list.Select(m => SentenceTerms(m.Quote)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var quotes = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            if (!quotes.Add(list[i].Quote))
            {
                continue; // a sentence repeated (copies, several dates in one sentence) counts once
            }

            foreach (string t in sentenceTerms[i].Distinct())
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        foreach (string t in df.Keys.Order(StringComparer.Ordinal))
        {
            _termIds[t] = _termIds.Count;
        }

        int n = quotes.Count;
        double Idf(string t) => Math.Log((n + 1.0) / (df.GetValueOrDefault(t) + 1.0)) + 1.0;
        for (int i = 0; i < list.Count; i++)
        {
            var w = new Dictionary<int, double>();
            foreach (string t in clauseTerms[i])
            {
                w[_termIds[t]] = w.GetValueOrDefault(_termIds[t]) + Idf(t);
            }

            foreach (string t in sentenceTerms[i])
            {
                w[_termIds[t]] = w.GetValueOrDefault(_termIds[t]) + (0.25 * Idf(t));
            }

            _vectors[list[i]] = SparseVector.From(w);
        }
    }

    /// <summary>The terms of a sentence, computed once per distinct sentence (copies and multi-date sentences repeat).</summary>
    private List<string> SentenceTerms(string quote)
    {
        if (!_sentenceTerms.TryGetValue(quote, out List<string>? terms))
        {
            _sentenceTerms[quote] = terms = Terms.Of(quote);
        }

        return terms;
    }

    private SparseVector Vector(EventMention m) => _vectors.TryGetValue(m, out SparseVector? v) ? v : SparseVector.Empty;

    /// <summary>Day-level mentions first (bucketed by day), then coarser ones from the finest up, each refining into a finer event of its period or joining its own.</summary>
    private List<Cluster> ClusterMentions(List<EventMention> mentions)
    {
        var ordered = mentions
            .OrderBy(m => Level(m.Time.Range!.Value.Granularity))
            .ThenBy(m => Period.DaysBetween(m.Time.Range!.Value.Start, m.Time.Range!.Value.End))
            .ThenBy(m => m.Source.Published.Published.ToInstant())
            .ThenBy(m => m.Source.ArticlePath, StringComparer.Ordinal)
            .ThenBy(m => m.QuoteStart)
            .ThenBy(m => m.Time.Start)
            .ToList();
        var clusters = new List<Cluster>();
        var byMonth = new Dictionary<(int, int), List<Cluster>>();
        var byDay = new Dictionary<LocalDate, List<Cluster>>();
        var lastOfStoryDay = new Dictionary<(string, LocalDate), Cluster>();
        foreach (EventMention m in ordered.OrderBy(m => IsAnaphoric(m.Time.Text)))
        {
            DateRange r = m.Time.Range!.Value;
            SparseVector v = Vector(m);
            bool day = Level(r.Granularity) == 0;

            // A time of day or part of day ("3:05 p.m.", "early Monday", "this morning") is its day for merging: the
            // event keeps the finer value only when all its sources give it (see Cluster.Date).
            TimexMod mod = day ? TimexMod.None : m.Time.Mod;
            DateRange key = day ? new DateRange(r.Start, r.Start, Granularity.Day) : r;
            bool tentative = Clauses.IsTentative(m.Clause.Length > 0 ? m.Clause : m.Quote) || (m.Subordinate && Clauses.IsTentative(m.Quote));
            LocalDate published = m.Source.Published.Date;
            Cluster? best = null;
            double bestScore = double.MinValue;
            Cluster? same = null;
            double sameScore = double.MinValue;
            DateRange window = ModWindow(r, m.Time.Mod);
            foreach (Cluster c in day ? byDay.GetValueOrDefault(r.Start) ?? [] : Candidates(byMonth, r))
            {
                if (c.Range == key && c.Mod == mod)
                {
                    double s = c.Similarity(v, m);
                    if (s > sameScore)
                    {
                        (same, sameScore) = (c, s);
                    }
                }
                else if (r.Contains(c.Range) && window.Contains(c.Range) && c.Range != r && Level(c.Range.Granularity) < Level(r.Granularity))
                {
                    if (tentative && c.Range.End < published)
                    {
                        continue; // a forecast or a possibility ("tides expected next week", "could seek") is not a past happening
                    }

                    double s = c.Similarity(v, m);

                    double need = c.HasFinerFromStory(m.StoryId, r) ? RefineSameStoryThreshold : RefineThreshold;
                    if (s >= need && s - need > bestScore)
                    {
                        (best, bestScore) = (c, s - need);
                    }
                }
            }

            // "late that day", "the same day": the story's own earlier statement of that day is the happening it continues.
            if (day && best is null && IsAnaphoric(m.Time.Text) && lastOfStoryDay.TryGetValue((m.StoryId, r.Start), out Cluster? previous))
            {
                (same, sameScore) = (previous, double.MaxValue);
            }

            Cluster placed;
            if (best is not null)
            {
                best.Add(m, v);
                placed = best;
            }
            else if (same is not null && sameScore >= SameDateThreshold)
            {
                same.Add(m, v);
                placed = same;
            }
            else
            {
                var c = placed = new Cluster(key, mod, day ? LocalDatePattern.Iso.Format(r.Start) : m.Time.Value);
                c.Add(m, v);
                clusters.Add(c);
                if (day)
                {
                    if (!byDay.TryGetValue(r.Start, out List<Cluster>? sameDay))
                    {
                        byDay[r.Start] = sameDay = [];
                    }

                    sameDay.Add(c);
                }

                foreach ((int, int) month in MonthsOf(key))
                {
                    if (!byMonth.TryGetValue(month, out List<Cluster>? list))
                    {
                        byMonth[month] = list = [];
                    }

                    list.Add(c);
                }
            }

            if (day)
            {
                lastOfStoryDay.TryAdd((m.StoryId, r.Start), placed);
            }
        }

        return clusters;
    }

    /// <summary>Whether an expression points back at a date already given ("that day", "later that evening", "the same day").</summary>
    private static bool IsAnaphoric(string text)
    {
        foreach (string w in Clauses.Words(text))
        {
            if (w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("same", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>0 for a day or finer, then week, month, quarter…: the order coarse mentions are placed in.</summary>
    private static int Level(Granularity g) => g >= Granularity.Day ? 0 : g == Granularity.Week ? 1 : (int)Granularity.Day - (int)g + 1;

    /// <summary>The part of a range a mod allows ("early this month": its first third).</summary>
    private static DateRange ModWindow(DateRange r, TimexMod mod)
    {
        int days = Period.DaysBetween(r.Start, r.End) + 1;
        int third = Math.Max(1, days / 3);
        return mod switch
        {
            TimexMod.Start => new DateRange(r.Start, r.Start.PlusDays(third - 1), r.Granularity),
            TimexMod.Mid => new DateRange(r.Start.PlusDays(third), r.End.PlusDays(-third), r.Granularity),
            TimexMod.End => new DateRange(r.End.PlusDays(1 - third), r.End, r.Granularity),
            _ => r,
        };
    }

    private static IEnumerable<(int, int)> MonthsOf(DateRange r)
    {
        var ym = new YearMonth(r.Start.Year, r.Start.Month);
        var last = new YearMonth(r.End.Year, r.End.Month);
        int guard = 0;
        while (ym <= last && guard++ < 1300)
        {
            yield return (ym.Year, ym.Month);
            ym = ym.PlusMonths(1);
        }
    }

    private static IEnumerable<Cluster> Candidates(Dictionary<(int, int), List<Cluster>> byMonth, DateRange r)
    {
        var seen = new HashSet<Cluster>(ReferenceEqualityComparer.Instance);
        foreach ((int, int) key in MonthsOf(r))
        {
            if (byMonth.TryGetValue(key, out List<Cluster>? list))
            {
                foreach (Cluster c in list)
                {
                    if (seen.Add(c))
                    {
                        yield return c;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Near-identical statements from different articles placed on different days a little apart are one event whose
    /// sources disagree: merge them under the date most articles give and record the other dates as conflicts.
    /// </summary>
    private List<Cluster> ResolveConflicts(List<Cluster> clusters)
    {
        var days = clusters.Where(c => c.Range.Granularity >= Granularity.Day).OrderBy(c => c.Range.Start).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var removed = new HashSet<Cluster>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < days.Count; i++)
        {
            Cluster a = days[i];
            if (removed.Contains(a))
            {
                continue;
            }

            for (int j = i + 1; j < days.Count && Period.DaysBetween(a.Range.Start, days[j].Range.Start) <= ConflictWindowDays; j++)
            {
                Cluster b = days[j];
                if (removed.Contains(b) || b.Range.Start == a.Range.Start || a.Centroid.Cosine(b.Centroid) < ConflictThreshold * 0.6)
                {
                    continue;
                }

                // Bounded work: the first statements of each side (the earliest published) are compared pairwise.
                bool duplicate = a.Mentions.Take(ConflictSample).Any(x => b.Mentions.Take(ConflictSample).Any(y =>
                    x.Source.ArticlePath != y.Source.ArticlePath && Vector(x).Cosine(Vector(y)) >= ConflictThreshold));
                if (!duplicate)
                {
                    continue;
                }

                (Cluster keep, Cluster drop) = a.ArticleCount >= b.ArticleCount ? (a, b) : (b, a);
                keep.Absorb(drop, Vector);
                removed.Add(drop);
                if (ReferenceEquals(drop, a))
                {
                    break;
                }
            }
        }

        return clusters.Where(c => !removed.Contains(c)).ToList();
    }

    /// <summary>A caption supports an event reported in body text on its date; otherwise it is left out.</summary>
    private void AttachCaptions(List<Cluster> clusters, List<EventMention> captions)
    {
        var byDay = clusters.Where(c => c.Range.Granularity >= Granularity.Day).ToLookup(c => c.Range.Start);
        foreach (EventMention m in captions)
        {
            DateRange r = m.Time.Range!.Value;
            SparseVector v = Vector(m);
            Cluster? best = byDay[r.Start]
                .Where(c => r.Granularity >= Granularity.Day)
                .Select(c => (c, s: c.Similarity(v, m)))
                .Where(x => x.s >= SameDateThreshold)
                .OrderByDescending(x => x.s)
                .ThenBy(x => x.c.Key, StringComparer.Ordinal)
                .Select(x => x.c)
                .FirstOrDefault();
            if (best is null)
            {
                _excluded.Add(new ExcludedMention(m, ExclusionReasons.Caption));
            }
            else
            {
                best.AddSupport(m);
            }
        }
    }

    /// <summary>How many articles were published on each day (the publication-count signal of salience).</summary>
    private Dictionary<LocalDate, int> PublicationCounts()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<LocalDate, int>();
        foreach (StoryEvents s in _stories)
        {
            if (s.Source is { } src && seen.Add(src.ArticlePath))
            {
                counts[src.Published.Date] = counts.GetValueOrDefault(src.Published.Date) + 1;
            }
        }

        return counts;
    }

    private TimelineEvent ToEvent(Cluster c, Dictionary<LocalDate, int> pubCount)
    {
        (DateRange range, TimexMod mod, string value) = c.Date();
        TimelineEvent e = MakeEvent(c.Mentions.Concat(c.Support).ToList(), range, mod, value, c.Conflicts);
        var signals = new SalienceSignals(
            Pegs: c.Mentions.Where(m => IsNewsPeg(m, c.Range)).Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count(),
            Burst: c.Mentions.Where(m => IsFresh(m, c.Range, Salience.BurstDays)).Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count());
        return e with { Salience = Salience.Raw(c.Mentions, c.Range, pubCount, signals) };
    }

    /// <summary>Whether the article was published on the event's day or within <paramref name="days"/> after it.</summary>
    private static bool IsFresh(EventMention m, DateRange range, int days)
    {
        if (range.Granularity < Granularity.Day)
        {
            return false;
        }

        int after = Period.DaysBetween(range.Start, m.Source.Published.Date);
        return after >= 0 && after <= days;
    }

    /// <summary>
    /// Whether the statement is its article's news: published on the day or just after, stated in the lede or in the
    /// words of the title (title terms beyond the site's topic, which every article shares).
    /// </summary>
    private bool IsNewsPeg(EventMention m, DateRange range)
    {
        if (m.IsCaption || !IsFresh(m, range, Salience.PegDays) || m.BodyPosition < 0)
        {
            return false;
        }

        if (m.BodyPosition <= 1 && !m.Subordinate)
        {
            return true;
        }

        List<string> title = TitleTerms(m.Source.Title);
        if (title.Count == 0)
        {
            return false;
        }

        List<string> sentence = SentenceTerms(m.Quote);
        return title.Any(t => sentence.Contains(t, StringComparer.Ordinal));
    }

    private List<string> TitleTerms(string title)
    {
        if (!_titleTerms.TryGetValue(title, out List<string>? terms))
        {
            _titleTerms[title] = terms = Terms.Of(title).Where(t => !_topicTerms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        }

        return terms;
    }

    /// <summary>An event from its citations: date as given, headline from the most representative statement, id from its anchor.</summary>
    internal TimelineEvent MakeEvent(IReadOnlyList<EventMention> citations, DateRange range, TimexMod mod, string value, IReadOnlyList<DateConflict> conflicts)
    {
        var statements = citations.Where(m => !m.IsCaption).ToList();
        if (statements.Count == 0)
        {
            statements = citations.ToList();
        }

        SparseVector centroid = SparseVector.Centroid(statements.Select(Vector));
        EventMention lead = statements
            .OrderByDescending(m => HeadlineScore(m, centroid, range))
            .ThenBy(m => m.Source.Published.Published.ToInstant())
            .ThenBy(m => m.Source.ArticlePath, StringComparer.Ordinal)
            .ThenBy(m => m.QuoteStart)
            .First();
        var sources = citations
            .OrderBy(m => m.IsCaption)
            .ThenBy(m => m.Source.Published.Published.ToInstant())
            .ThenBy(m => m.Source.ArticlePath, StringComparer.Ordinal)
            .ThenBy(m => m.QuoteStart)
            .ThenBy(m => m.Time.Start)
            .ToList();
        string headline = lead.Headline.Length > 0 ? lead.Headline : lead.Quote;
        string id = MakeId(value, sources);
        return new TimelineEvent(id, value, mod, range, headline, sources)
        {
            Slug = Slug(value, headline),
            Participants = Participants.Merge(sources.Select(m => m.Participants)),
            Conflicts = conflicts,
            Outlets = sources.Select(m => m.Source.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
        };
    }

    private double HeadlineScore(EventMention m, SparseVector centroid, DateRange range)
    {
        double s = Vector(m).Cosine(centroid);
        s += m.Time.Range == range ? 0.3 : 0;
        s += m.Subordinate ? 0 : 0.2;
        s += m.BodyPosition is >= 0 and < 3 ? 0.15 : 0;
        s += m.Headline.Length is > 30 and <= Clauses.MaxHeadline ? 0.1 : 0;
        return s;
    }

    /// <summary>
    /// "{date}-{hash}": the hash of the anchor citation (the earliest-published one: article path, sentence text and
    /// expression value), so the id survives rebuilds, reordering and unrelated new articles.
    /// </summary>
    private static string MakeId(string value, IReadOnlyList<EventMention> sources)
    {
        EventMention anchor = sources
            .OrderBy(m => m.IsCaption)
            .ThenBy(m => m.Source.Published.Published.ToInstant())
            .ThenBy(m => m.Source.ArticlePath, StringComparer.Ordinal)
            .ThenBy(m => m.QuoteStart)
            .ThenBy(m => m.Time.Start)
            .First();
        string key = anchor.Source.ArticlePath + "\n" + string.Join(' ', anchor.Quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) + "\n" + anchor.Time.Value;
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return value.ToLowerInvariant() + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    internal static string Slug(string date, string headline)
    {
        var sb = new StringBuilder(date.ToLowerInvariant());
        int words = 0;
        foreach (string word in Clauses.Words(headline))
        {
            if (words == 6)
            {
                break;
            }

            var w = new StringBuilder();
            foreach (char c in word.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    w.Append(c);
                }
            }

            if (w.Length > 0)
            {
                sb.Append('-').Append(w);
                words++;
            }
        }

        return sb.ToString();
    }

    private static List<TimelineEvent> NormaliseSalience(List<TimelineEvent> events)
    {
        double max = events.Count == 0 ? 1 : Math.Max(1e-9, events.Max(e => e.Salience));
        return events.Select(e => e with { Salience = Math.Round(e.Salience / max, 4) }).ToList();
    }

    private static List<TimelineEvent> UniqueIds(List<TimelineEvent> events)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<TimelineEvent>(events.Count);
        foreach (TimelineEvent e in events.OrderBy(e => e.Range).ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Sources.Count))
        {
            string id = e.Id;
            for (int k = 2; !used.Add(id); k++)
            {
                id = e.Id + "-" + k.ToString(CultureInfo.InvariantCulture);
            }

            result.Add(e with { Id = id });
        }

        return result;
    }

    /// <summary>Chronological (a month before its days), then more salient first, then by id: deterministic.</summary>
    private static List<TimelineEvent> Order(List<TimelineEvent> events) =>
        events.OrderBy(e => e.Range).ThenByDescending(e => e.Salience).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    private List<TimelineEvent> MarkKey(List<TimelineEvent> events)
    {
        var key = events
            .Where(e => e.Salience >= KeySalience)
            .OrderByDescending(e => e.Salience)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(_options.MaxKeyEvents)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
        return events.Select(e => e with { Key = key.Contains(e.Id) }).ToList();
    }

    /// <summary>A growing event: its statements (with their vectors), captions that support it, date conflicts.</summary>
    private sealed class Cluster(DateRange range, TimexMod mod, string value)
    {
        // The centroid is kept as a running sum of unit vectors with its squared norm, so adding a mention and
        // comparing against the cluster both cost O(terms of the mention), whatever the cluster's size.
        private readonly Dictionary<int, double> _sum = [];
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Granularity> _finest = new(StringComparer.Ordinal);
        private double _sumSquares;
        private SparseVector? _centroid;

        public DateRange Range { get; } = range;

        public TimexMod Mod { get; } = mod;

        public string Value { get; } = value;

        public List<EventMention> Mentions { get; } = [];

        public List<EventMention> Support { get; } = [];

        public List<DateConflict> Conflicts { get; } = [];

        public string Key => Value + "|" + (Mentions.Count > 0 ? Mentions[0].Source.ArticlePath + "#" + Mentions[0].QuoteStart.ToString(CultureInfo.InvariantCulture) : "");

        public int ArticleCount => Mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count();

        public SparseVector Centroid => _centroid ??= SparseVector.From(_sum);

        public void Add(EventMention m, SparseVector v)
        {
            Mentions.Add(m);
            if (v.Norm > 0)
            {
                foreach ((int id, double w) in v.Entries)
                {
                    double old = _sum.GetValueOrDefault(id);
                    double now = old + (w / v.Norm);
                    _sum[id] = now;
                    _sumSquares += (now * now) - (old * old);
                }
            }

            Granularity g = m.Time.Range?.Granularity ?? Granularity.None;
            if (!_finest.TryGetValue(m.StoryId, out Granularity had) || g > had)
            {
                _finest[m.StoryId] = g;
            }

            foreach (string n in m.Participants)
            {
                _names.Add(NameKey(n));
                _names.Add(LastName(n));
            }

            _centroid = null;
        }

        public void AddSupport(EventMention m) => Support.Add(m);

        /// <summary>
        /// The event's date: the cluster's, or, for a day whose statements all give the same finer value
        /// ("2021-03-29T15:05", "early Monday"), that value; sources that disagree on the time keep the day.
        /// </summary>
        public (DateRange Range, TimexMod Mod, string Value) Date()
        {
            if (Range.Granularity != Granularity.Day || Mentions.Count == 0)
            {
                return (Range, Mod, Value);
            }

            TemporalMention first = Mentions[0].Time;
            bool agree = Mentions.All(m => m.Time.Value == first.Value && m.Time.Mod == first.Mod);
            return agree && first.Range is { } r ? (r, first.Mod, first.Value) : (Range, TimexMod.None, Value);
        }

        /// <summary>Cosine to the centroid, plus a little for each shared participant (names are strong evidence of one happening).</summary>
        public double Similarity(SparseVector v, EventMention m)
        {
            double s = 0;
            if (v.Norm > 0 && _sumSquares > 1e-12)
            {
                double dot = 0;
                foreach ((int id, double w) in v.Entries)
                {
                    if (_sum.TryGetValue(id, out double c))
                    {
                        dot += w * c;
                    }
                }

                s = dot / (v.Norm * Math.Sqrt(_sumSquares));
            }

            int shared = 0;
            foreach (string n in m.Participants)
            {
                if (_names.Contains(NameKey(n)) || _names.Contains(LastName(n)))
                {
                    shared++;
                }
            }

            return s + (0.03 * Math.Min(shared, 3));
        }

        /// <summary>Whether story <paramref name="storyId"/> already dates this event more precisely than <paramref name="r"/>.</summary>
        public bool HasFinerFromStory(string storyId, DateRange r) =>
            _finest.TryGetValue(storyId, out Granularity g) && g > r.Granularity;

        /// <summary>Takes over another event reported on a different day: its citations join, its date becomes a conflict.</summary>
        public void Absorb(Cluster other, Func<EventMention, SparseVector> vector)
        {
            var mine = Mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var theirs = other.Mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (Conflicts.Count == 0)
            {
                Conflicts.Add(new DateConflict(Value, mine, $"{mine.Count} source(s) date this {Value}"));
            }

            Conflicts.Add(new DateConflict(other.Value, theirs, $"{theirs.Count} source(s) date this {other.Value} instead of {Value}"));
            Conflicts.AddRange(other.Conflicts.Where(c => c.Value != Value));
            foreach (EventMention m in other.Mentions)
            {
                Add(m, vector(m));
            }

            Support.AddRange(other.Support);
        }

        private static string NameKey(string n) => n.Replace("al-", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant();

        private static string LastName(string n)
        {
            int sp = n.LastIndexOf(' ');
            return "~" + NameKey(sp < 0 ? n : n[(sp + 1)..]);
        }
    }
}
