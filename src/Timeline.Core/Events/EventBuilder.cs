using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Same coarse value ("in November 2019"): mentions join at this similarity, which one shared participant reaches alone
    /// (its bonus in <c>Cluster.Similarity</c>). Background statements of one happening from different outlets rarely share
    /// words ("won the presidency" / "was elected") but do share who it happened to.
    /// </summary>
    internal const double CoarseSameDateThreshold = 0.03;

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

    /// <summary>Rounds of <see cref="Settle"/> at most (it stops as soon as nothing moves; a cycle cannot run on).</summary>
    internal const int MaxSettleRounds = 4;

    /// <summary>Body sentences at the top of an article that tell its news (see <see cref="JoinArticleNews"/>).</summary>
    internal const int LedeWindow = 6;

    /// <summary>A statement moves to another event of its day only when it is more similar to it by this much.</summary>
    internal const double SettleMargin = 1e-9;

    /// <summary>Terms of texts already analysed, kept with the text strings (see <see cref="CachedTerms"/>).</summary>
    private static readonly ConditionalWeakTable<string, List<string>> TermCache = new();

    /// <summary>Name keys of participant lists already seen, kept with the lists.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, NameKeys> NameCache = new();

    private readonly List<StoryEvents> _stories;
    private readonly EventOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<ExcludedMention> _excluded = [];
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private double[] _idf = [];
    // The caches below are read and filled by the stages that run on all cores (vectors, events): concurrent, and what
    // they hold is a function of the key alone, so which thread fills an entry first never changes a result.
    private readonly ConcurrentDictionary<string, List<string>> _sentenceTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<EventMention, SparseVector> _vectors = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, List<string>> _titleTerms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topicTerms = new(StringComparer.Ordinal);
    private string _topicKey = "";
    private readonly ConcurrentDictionary<string, int[]> _titleIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<List<string>, int[]?> _sentenceIds = new(ReferenceEqualityComparer.Instance);
    private (LocalDate First, LocalDate Last) _span;
    private int _articleCount;
    private readonly Dictionary<string, bool> _anaphoric = new(StringComparer.Ordinal);
    private readonly List<Cluster> _candidates = [];
    private double[] _similarities = new double[64];
    private readonly Dictionary<(SparseVector, NameKeys), SimilarityMemo?> _similarityMemo = [];
    private readonly List<int> _misses = [];

    /// <summary><see cref="Clauses.IsTentative"/> of texts already judged, kept with the strings across builds (see <see cref="CachedTerms"/>).</summary>
    private static readonly ConditionalWeakTable<string, object> TentativeCache = new();

    private static readonly object Yes = true;
    private static readonly object No = false;

    /// <summary>Scratch of <see cref="MakeEvent"/> per thread: a dense copy of a centroid and the marks of its ids (all zero between uses).</summary>
    [ThreadStatic]
    private static double[]? t_dense;

    [ThreadStatic]
    private static int[]? t_marks;

    public EventBuilder(List<StoryEvents> stories, EventOptions options)
    {
        // One canonical order of the stories (sums over the corpus run in it), whatever order they were read or cached in.
        _stories = [.. stories.OrderBy(s => s.StoryId, StringComparer.Ordinal).ThenBy(s => s.Source?.ArticlePath, StringComparer.Ordinal)];
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
        // Each story's mentions scored on all cores (per distinct sentence, its overlap with the topic is kept with its terms
        // list across builds), then gathered in story order.
        string topicKey = string.Join('\n', topicTerms);
        _topicKey = topicKey;
        var scoredOf = new EventMention[_stories.Count][];
        ForEachIndex(_stories.Count, i =>
        {
            StoryEvents s = _stories[i];
            if (offTopic.Contains(s.StoryId))
            {
                return;
            }

            double storyRel = storyRelevance.GetValueOrDefault(s.StoryId, 1.0);
            var scored = new EventMention[s.Mentions.Count];
            for (int k = 0; k < scored.Length; k++)
            {
                EventMention m = s.Mentions[k];
                double overlap = Overlap(SentenceTerms(m.Quote), topicTerms, topicKey);
                scored[k] = Scored(m, Math.Round(Math.Clamp((storyRel + overlap) / 2, 0, 1), 4));
            }

            scoredOf[i] = scored;
        });

        var body = new List<EventMention>();
        var captions = new List<EventMention>();
        for (int i = 0; i < _stories.Count; i++)
        {
            if (scoredOf[i] is not { } scored)
            {
                foreach (EventMention m in _stories[i].Mentions)
                {
                    _excluded.Add(new ExcludedMention(m, ExclusionReasons.OffTopicStory));
                }

                continue;
            }

            foreach (EventMention m in scored)
            {
                (m.IsCaption ? captions : body).Add(m);
            }
        }

        BuildVectors(body.Concat(captions));
        List<Cluster> clusters = ClusterMentions(body);
        clusters = JoinForecasts(clusters);
        clusters = JoinArticleNews(clusters);
        clusters = JoinFragments(clusters);
        clusters = ResolveConflicts(clusters);
        clusters = JoinLedes(clusters);
        clusters = DropForecasts(clusters);
        AttachCaptions(clusters, captions);
        var pubCount = PublicationCounts();
        _span = StorySpan(pubCount);
        _articleCount = pubCount.Values.Sum();
        // Each event from its own cluster, on all cores, in cluster order.
        var made = new TimelineEvent[clusters.Count];
        ForEachIndex(clusters.Count, i => made[i] = ToEvent(clusters[i], pubCount));
        List<TimelineEvent> events = [.. made];
        events = NormaliseSalience(events);
        events = UniqueIds(events);
        events = new CorrectionApplier(_options.Corrections, _diagnostics, _excluded, MakeEvent).Apply(events);
        events = Order(events);
        events = MarkKey(events);
        events = Order(DayDigest.Gather(events));
        var excluded = _excluded
            .OrderBy(e => e.Mention.Source.ArticlePath, StringComparer.Ordinal)
            .ThenBy(e => e.Mention.QuoteStart)
            .ThenBy(e => e.Mention.Time.Start)
            .ToList();
        return new Chronology(events, excluded) { Diagnostics = _diagnostics };
    }

    /// <summary>
    /// Statements scored in an earlier build, kept with the statement they were made from (the article cache hands every
    /// rebuild the same statements): a rebuild whose score is unchanged gets the same instance back, so what later stages
    /// keep with a statement (<see cref="CitationMemo"/>, <see cref="PegMemo"/>) carries over, and nothing is copied again.
    /// </summary>
    private static readonly ConditionalWeakTable<EventMention, EventMention> ScoredCache = new();

    /// <summary><paramref name="m"/> with <paramref name="relevance"/> as its topic relevance: the instance of an earlier build when it has it. Thread-safe.</summary>
    private static EventMention Scored(EventMention m, double relevance)
    {
        if (ScoredCache.TryGetValue(m, out EventMention? known) && known.TopicRelevance.Equals(relevance))
        {
            return known;
        }

        EventMention scored = m with { TopicRelevance = relevance };
        ScoredCache.AddOrUpdate(m, scored);
        return scored;
    }

    /// <summary>Fewest items <see cref="ForEachIndex"/> shares out between cores (fewer run on the calling thread). Tests lower it.</summary>
    internal static int MinParallel { get; set; } = 512;

    /// <summary>
    /// Runs <paramref name="body"/> for every index below <paramref name="count"/> on all cores, in contiguous ranges. The body
    /// writes its result at its index (never in order of completion) and reads only what no other index writes.
    /// </summary>
    internal static void ForEachIndex(int count, Action<int> body)
    {
        int min = MinParallel;
        if (count < min || Environment.ProcessorCount == 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        int chunk = Math.Max(Math.Max(1, min / 4), count / (8 * Environment.ProcessorCount));
        Parallel.ForEach(Partitioner.Create(0, count, chunk), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                body(i);
            }
        });
    }

    private void BuildVectors(IEnumerable<EventMention> mentions)
    {
        var list = mentions.ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var quotes = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(ReferenceEqualityComparer.Instance);
        foreach (EventMention m in list)
        {
            // The same string instance (a shared sentence) is known without reading it; another instance is compared by its text.
            if (!seen.Add(m.Quote) || !quotes.Add(m.Quote))
            {
                continue; // a sentence repeated (copies, several dates in one sentence) counts once
            }

            distinct.Clear();
            foreach (string t in SentenceTerms(m.Quote))
            {
                if (distinct.Add(t))
                {
                    df[t] = df.GetValueOrDefault(t) + 1;
                }
            }
        }

        // Ids in ordinal order of the terms, so sums over a vector's entries run in the same order whatever the input order.
        string[] sorted = [.. df.Keys];
        Array.Sort(sorted, StringComparer.Ordinal);
        int n = quotes.Count;
        _idf = new double[sorted.Length];
        foreach (string t in sorted)
        {
            _idf[_termIds.Count] = Math.Log((n + 1.0) / (df[t] + 1.0)) + 1.0;
            _termIds[t] = _termIds.Count;
        }

        // Mentions of the same sentence with the same clause (copies, several dates in one clause) share one vector: the
        // distinct pairs in order of first mention, their vectors built on all cores.
        var shared = new Dictionary<(string Quote, string Clause), int>();
        var sharedInstances = new Dictionary<(string Quote, string Clause), int>(SameStrings.Instance);
        var pairs = new List<(string Quote, string Clause)>();
        int[] pairOf = new int[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            EventMention m = list[i];
            if (!sharedInstances.TryGetValue((m.Quote, m.Clause), out int k))
            {
                if (!shared.TryGetValue((m.Quote, m.Clause), out k))
                {
                    shared[(m.Quote, m.Clause)] = k = pairs.Count;
                    pairs.Add((m.Quote, m.Clause));
                }

                sharedInstances[(m.Quote, m.Clause)] = k;
            }

            pairOf[i] = k;
        }

        var vectors = new SparseVector[pairs.Count];
        ForEachIndex(pairs.Count, k => vectors[k] = VectorOf(pairs[k].Quote, pairs[k].Clause));
        _vectors.EnsureCapacity(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            _vectors[list[i]] = vectors[pairOf[i]];
        }
    }

    /// <summary>Pairs of strings compared as instances (a fast first look before comparing their text).</summary>
    private sealed class SameStrings : IEqualityComparer<(string, string)>
    {
        public static readonly SameStrings Instance = new();

        public bool Equals((string, string) x, (string, string) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }

    /// <summary>The TF-IDF vector of a statement: its clause's terms at full weight, its sentence's at a quarter. Thread-safe.</summary>
    private SparseVector VectorOf(string quote, string clauseText)
    {
        List<string> clause = CachedTerms(clauseText);
        List<string> sentence = SentenceTerms(quote);
        int count = clause.Count + sentence.Count;
        if (t_ids is null || t_ids.Length < count)
        {
            t_ids = new int[Math.Max(64, count * 2)];
            t_weights = new double[Math.Max(64, count * 2)];
        }

        int[] ids = t_ids;
        double[] weights = t_weights!;
        int k = 0;
        foreach (string t in clause)
        {
            int id = _termIds.GetValueOrDefault(t, -1);
            if (id >= 0)
            {
                (ids[k], weights[k]) = (id, _idf[id]);
                k++;
            }
        }

        foreach (string t in sentence)
        {
            int id = _termIds[t];
            (ids[k], weights[k]) = (id, 0.25 * _idf[id]);
            k++;
        }

        // A clause term missing from the corpus's sentences (never, the clause is part of its sentence) has no weight.
        return SparseVector.FromPairs(ids, weights, k);
    }

    /// <summary>Scratch of <see cref="VectorOf"/> per thread.</summary>
    [ThreadStatic]
    private static int[]? t_ids;

    [ThreadStatic]
    private static double[]? t_weights;

    /// <summary>Overlaps of sentences with a topic already computed, kept with the sentence's terms list (its topic as the key's second part).</summary>
    private static readonly ConditionalWeakTable<List<string>, Tuple<string, double>> OverlapCache = new();

    /// <summary><see cref="TopicRelevance.SentenceOverlap(IReadOnlyList{string}, IReadOnlyList{string})"/>, once per terms list and topic. Thread-safe.</summary>
    private static double Overlap(List<string> sentenceTerms, List<string> topicTerms, string topicKey)
    {
        if (OverlapCache.TryGetValue(sentenceTerms, out Tuple<string, double>? known) && known.Item1 == topicKey)
        {
            return known.Item2;
        }

        double overlap = TopicRelevance.SentenceOverlap(sentenceTerms, topicTerms);
        OverlapCache.AddOrUpdate(sentenceTerms, Tuple.Create(topicKey, overlap));
        return overlap;
    }

    /// <summary>The terms of a sentence, computed once per distinct sentence (copies and multi-date sentences repeat).</summary>
    private List<string> SentenceTerms(string quote) => CachedTerms(quote);

    /// <summary>
    /// <see cref="Terms.Of"/>, computed once per distinct text in a build and kept with the string itself across builds
    /// (the article cache hands the same mention strings to every rebuild, so only a new article's text is analysed).
    /// </summary>
    private List<string> CachedTerms(string text)
    {
        if (TermCache.TryGetValue(text, out List<string>? terms))
        {
            return terms;
        }

        terms = _sentenceTerms.GetOrAdd(text, static t => Terms.Of(t));
        TermCache.AddOrUpdate(text, terms);
        return terms;
    }

    /// <summary>Name keys of a mention's participants: per participant, its full key and its last name's key.</summary>
    private static NameKeys NamesOf(EventMention m) => NameCache.GetValue(m.Participants, NameKeys.Of);

    private SparseVector Vector(EventMention m) => _vectors.TryGetValue(m, out SparseVector? v) ? v : SparseVector.Empty;

    /// <summary>
    /// Clusters the body statements. The result is a function of the set of mentions, never of the order they arrive in:
    /// mentions are placed in one canonical order (day-level mentions first, bucketed by day, then coarser ones from the
    /// finest up, each refining into a finer event of its period or joining its own), and each day's statements are then
    /// settled (<see cref="Settle"/>): a statement placed before the event it belongs to had grown moves to it.
    /// Candidates come from the date bucket and, for coarse mentions, from an inverted index on terms and names within
    /// their period, so a mention is compared only with events it could join (never all against all).
    /// </summary>
    private List<Cluster> ClusterMentions(List<EventMention> mentions)
    {
        List<EventMention> ordered = PlacingOrder(mentions);
        var index = new ClusterIndex(_termIds.Count);
        var placedIn = new Dictionary<EventMention, Cluster>(ReferenceEqualityComparer.Instance);
        var firstOfStoryDay = new Dictionary<(string, LocalDate), EventMention>();
        bool settled = false;
        foreach (EventMention m in ordered)
        {
            DateRange r = m.Time.Range!.Value;
            bool day = Level(r.Granularity) == 0;
            bool anaphoric = Anaphoric(m.Time.Text);
            if (!settled && (!day || anaphoric))
            {
                // Every plain day-level statement is placed: settle the days before coarser mentions refine into them.
                Settle(index, placedIn);
                settled = true;
            }

            Place(m, r, day, anaphoric, index, placedIn, firstOfStoryDay);
        }

        if (!settled)
        {
            Settle(index, placedIn);
        }

        return index.Clusters.Where(c => c.Mentions.Count > 0).ToList();
    }

    /// <summary>
    /// The canonical order mentions are placed in: non-anaphoric first, finest level first, shortest range, earliest
    /// published, then path, story, position, expression and value. A stable sort of precomputed keys; the input
    /// position breaks the remaining ties, as the stable ordering it replaces did.
    /// </summary>
    private List<EventMention> PlacingOrder(List<EventMention> mentions)
    {
        var keys = new PlacingKey[mentions.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            EventMention m = mentions[i];
            DateRange r = m.Time.Range!.Value;
            keys[i] = new PlacingKey(m, Anaphoric(m.Time.Text), Level(r.Granularity), Period.DaysBetween(r.Start, r.End), m.Source.Published.Published.ToInstant(), i);
        }

        Array.Sort(keys); // a total order (the position breaks every tie): the same result whatever the algorithm
        var ordered = new List<EventMention>(keys.Length);
        foreach (PlacingKey k in keys)
        {
            ordered.Add(k.Mention);
        }

        return ordered;
    }

    private readonly record struct PlacingKey(EventMention Mention, bool Anaphoric, int Level, int Days, Instant Published, int Position) : IComparable<PlacingKey>
    {
        public int CompareTo(PlacingKey other) => Compare(this, other);

        public static int Compare(in PlacingKey a, in PlacingKey b)
        {
            EventMention x = a.Mention, y = b.Mention;
            int c = a.Anaphoric.CompareTo(b.Anaphoric);
            c = c != 0 ? c : a.Level.CompareTo(b.Level);
            c = c != 0 ? c : a.Days.CompareTo(b.Days);
            c = c != 0 ? c : a.Published.CompareTo(b.Published);
            c = c != 0 ? c : string.CompareOrdinal(x.Source.ArticlePath, y.Source.ArticlePath);
            c = c != 0 ? c : string.CompareOrdinal(x.StoryId, y.StoryId);
            c = c != 0 ? c : x.QuoteStart.CompareTo(y.QuoteStart);
            c = c != 0 ? c : x.Time.Start.CompareTo(y.Time.Start);
            c = c != 0 ? c : x.Time.End.CompareTo(y.Time.End);
            c = c != 0 ? c : string.CompareOrdinal(x.Time.Value, y.Time.Value);
            c = c != 0 ? c : ((int)x.Time.Mod).CompareTo((int)y.Time.Mod);
            return c != 0 ? c : a.Position.CompareTo(b.Position);
        }
    }

    /// <summary><see cref="IsAnaphoric"/> once per distinct expression text in a build.</summary>
    private bool Anaphoric(string text)
    {
        if (!_anaphoric.TryGetValue(text, out bool yes))
        {
            _anaphoric[text] = yes = IsAnaphoric(text);
        }

        return yes;
    }

    /// <summary><see cref="Clauses.IsTentative"/> once per distinct text (copies and multi-date sentences repeat), kept across builds. Thread-safe.</summary>
    private static bool Tentative(string text)
    {
        if (!TentativeCache.TryGetValue(text, out object? yes))
        {
            yes = Clauses.IsTentative(text) ? Yes : No;
            TentativeCache.AddOrUpdate(text, yes);
        }

        return (bool)yes;
    }

    private void Place(EventMention m, DateRange r, bool day, bool anaphoric, ClusterIndex index, Dictionary<EventMention, Cluster> placedIn, Dictionary<(string, LocalDate), EventMention> firstOfStoryDay)
    {
        SparseVector v = Vector(m);
        NameKeys names = NamesOf(m);

        // A time of day or part of day ("3:05 p.m.", "early Monday", "this morning") is its day for merging: the
        // event keeps the finer value only when all its sources give it (see Cluster.Date).
        TimexMod mod = day ? TimexMod.None : m.Time.Mod;
        DateRange key = day ? new DateRange(r.Start, r.Start, Granularity.Day) : r;
        Cluster? best = null;
        double bestScore = double.MinValue;
        Cluster? same = null;
        double sameScore = double.MinValue;
        foreach (Cluster c in index.Same(key, mod))
        {
            double s = c.Similarity(v, names);
            if (s > sameScore || (s == sameScore && same is not null && c.Order < same.Order))
            {
                (same, sameScore) = (c, s);
            }
        }

        if (!day)
        {
            bool tentative = Tentative(m.Clause.Length > 0 ? m.Clause : m.Quote) || (m.Subordinate && Tentative(m.Quote));
            LocalDate published = m.Source.Published.Date;
            DateRange window = ModWindow(r, m.Time.Mod);
            List<Cluster> finer = index.Finer(r, v, names, RefineThreshold);
            List<Cluster> candidates = _candidates;
            candidates.Clear();
            foreach (Cluster c in finer)
            {
                if (!window.Contains(c.Range) || c.Range == r || Level(c.Range.Granularity) >= Level(r.Granularity) || !r.Contains(c.Range))
                {
                    continue;
                }

                if (tentative && c.Range.End < published)
                {
                    continue; // a forecast or a possibility ("tides expected next week", "could seek") is not a past happening
                }

                candidates.Add(c);
            }

            double[] similarities = Similarities(candidates, v, names);
            for (int i = 0; i < candidates.Count; i++)
            {
                Cluster c = candidates[i];
                double s = similarities[i];
                if (s < RefineThreshold || s - RefineThreshold < bestScore)
                {
                    continue; // below either threshold, or below the best even at the lower one (need only raises it)
                }

                double need = c.HasFinerFromStory(m.StoryId, r) ? RefineSameStoryThreshold : RefineThreshold;
                if (s >= need && (s - need > bestScore || (s - need == bestScore && c.Order < best!.Order)))
                {
                    (best, bestScore) = (c, s - need);
                }
            }
        }

        // "late that day", "the same day": the story's own earlier statement of that day is the happening it continues.
        if (day && anaphoric && firstOfStoryDay.TryGetValue((m.StoryId, r.Start), out EventMention? first))
        {
            (same, sameScore) = (placedIn[first], double.MaxValue);
        }

        Cluster placed;
        if (best is not null)
        {
            placed = best;
        }
        else if (same is not null && sameScore >= (day ? SameDateThreshold : CoarseSameDateThreshold))
        {
            placed = same;
        }
        else
        {
            placed = index.Create(key, mod, day ? LocalDatePattern.Iso.Format(r.Start) : m.Time.Value);
        }

        index.Add(placed, m, v, names, movable: day && !anaphoric && r.Granularity > Granularity.Day);
        placedIn[m] = placed;
        if (day)
        {
            firstOfStoryDay.TryAdd((m.StoryId, r.Start), m);
        }
    }

    /// <summary>
    /// The similarity of a statement to each candidate event, at the candidate's index (reused by the next call): on all cores
    /// when there are many (a year's mention against its year's events), read-only. In a method of its own so that placing a
    /// statement allocates no closure unless it shares the work out.
    /// </summary>
    /// <remarks>
    /// A similarity is a function of the statement's vector and names and of the event's statements alone, so statements that
    /// share both (wire copies, a sentence repeated across a story's articles share one vector, and their participant lists one
    /// <see cref="NameKeys"/>) reuse each other's results against events that have not changed since (<see cref="Cluster.Version"/>).
    /// The first statement of a pair only marks it seen: a pair that never comes back costs no memo.
    /// </remarks>
    private double[] Similarities(List<Cluster> candidates, SparseVector v, NameKeys names)
    {
        if (_similarities.Length < candidates.Count)
        {
            _similarities = new double[candidates.Count * 2];
        }

        double[] similarities = _similarities;
        // The first statement of a pair only marks it seen (no memo); the second starts one.
        if (!_similarityMemo.TryGetValue((v, names), out SimilarityMemo? memo))
        {
            _similarityMemo[(v, names)] = null;
        }
        else
        {
            memo ??= _similarityMemo[(v, names)] = new SimilarityMemo();
        }

        List<int> misses = _misses;
        misses.Clear();
        for (int i = 0; i < candidates.Count; i++)
        {
            if (memo is not null && memo.TryGet(candidates[i], out double s))
            {
                similarities[i] = s;
            }
            else
            {
                misses.Add(i);
            }
        }

        ComputeAt(misses, candidates, similarities, v, names);
        if (memo is not null)
        {
            foreach (int i in misses)
            {
                memo.Set(candidates[i], similarities[i]);
            }
        }

        return similarities;
    }

    /// <summary>The similarities of the candidates at <paramref name="indexes"/>, on all cores when there are many (its own method: the caller allocates no closure).</summary>
    private static void ComputeAt(List<int> indexes, List<Cluster> candidates, double[] similarities, SparseVector v, NameKeys names)
    {
        if (indexes.Count < MinParallel)
        {
            foreach (int i in indexes)
            {
                similarities[i] = candidates[i].Similarity(v, names);
            }
        }
        else
        {
            ForEachIndex(indexes.Count, k => similarities[indexes[k]] = candidates[indexes[k]].Similarity(v, names));
        }
    }

    /// <summary>Per (vector, names) pair of a statement placed more than once: its similarity to each event, as of the event's version.</summary>
    private sealed class SimilarityMemo
    {
        private readonly Dictionary<int, (int Version, double Similarity)> _known = [];

        public bool TryGet(Cluster c, out double similarity)
        {
            if (_known.TryGetValue(c.Order, out var known) && known.Version == c.Version)
            {
                similarity = known.Similarity;
                return true;
            }

            similarity = 0;
            return false;
        }

        public void Set(Cluster c, double similarity) => _known[c.Order] = (c.Version, similarity);
    }

    /// <summary>
    /// Settles each day after every plain statement of it is placed. A statement dated to a time or part of a day
    /// ("this morning", "a little after noon") is compared as its day; placed before its day's event had grown (the
    /// first report of the morning), it stood alone. Such a lone statement now joins the event of its day it is most
    /// similar to, when that clears the same-date threshold, until nothing moves. Statements of plain days keep their
    /// placing: moving those too cost Timeline17 MJ_bbc a key date (a boilerplate line joining a minor event).
    /// </summary>
    private static void Settle(ClusterIndex index, Dictionary<EventMention, Cluster> placedIn)
    {
        foreach (List<Cluster> bucket in index.DayBuckets())
        {
            if (bucket.Count < 2)
            {
                continue;
            }

            for (int round = 0; round < MaxSettleRounds; round++)
            {
                bool moved = false;
                foreach (Cluster c in bucket.ToArray())
                {
                    for (int i = 0; i < c.Mentions.Count; i++)
                    {
                        if (!c.IsMovable(i))
                        {
                            continue;
                        }

                        EventMention m = c.Mentions[i];
                        SparseVector v = c.VectorAt(i);
                        NameKeys names = c.NamesAt(i);
                        if (c.Mentions.Count > 1)
                        {
                            break; // an event of several statements stays as placed
                        }

                        double own = c.Mentions.Count == 1 ? double.MinValue : c.SimilarityWithout(v, names);
                        Cluster? target = null;
                        double score = double.MinValue;
                        foreach (Cluster d in bucket)
                        {
                            if (!ReferenceEquals(d, c) && d.Mentions.Count > 0)
                            {
                                double s = d.Similarity(v, names);
                                if (s > score || (s == score && d.Order < target!.Order))
                                {
                                    (target, score) = (d, s);
                                }
                            }
                        }

                        if (target is not null && score >= SameDateThreshold && score > own + SettleMargin)
                        {
                            c.RemoveAt(i, v, names);
                            index.Add(target, m, v, names, movable: true);
                            placedIn[m] = target;
                            i--;
                            moved = true;
                        }
                    }
                }

                bucket.RemoveAll(c => c.Mentions.Count == 0);
                if (!moved)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Whether a statement only expects its date's happening ("is expected to leave for Singapore today", "will step down on
    /// Wednesday"): a tentative clause about its publication day or later.
    /// </summary>
    internal static bool IsForecast(EventMention m) => IsForecast(m, Clauses.IsTentative);

    /// <inheritdoc cref="IsForecast(EventMention)"/>
    /// <param name="tentative">The <see cref="Clauses.IsTentative"/> test to use (a build passes its memoised one).</param>
    private static bool IsForecast(EventMention m, Func<string, bool> tentative) =>
        m.Time.Range is { } r && r.End >= m.Source.Published.Date
        && tentative(m.Clause.Length > 0 ? m.Clause : m.Quote);

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

    /// <summary>
    /// A forecast published first ("is expected to leave Malé for Singapore today") seeds an event of its day that later
    /// reports of the happening may join instead of the event that reports it as done, splitting one happening in two. An
    /// event seeded by a forecast joins the event of its day seeded by a report that more articles cite, when the two are
    /// at least <see cref="SameDateThreshold"/> similar (same day, same topic); the forecast's event is the smaller side, so
    /// a forecast that drew in the day's main story ("would step down on Wednesday" before the flight) keeps it.
    /// </summary>
    private List<Cluster> JoinForecasts(List<Cluster> clusters)
    {
        var removed = new HashSet<Cluster>(ReferenceEqualityComparer.Instance);
        foreach (IGrouping<LocalDate, Cluster> day in clusters.Where(c => c.Range.Granularity >= Granularity.Day).GroupBy(c => c.Range.Start))
        {
            // Each event of the day is judged once, by its first statement.
            ILookup<bool, Cluster> byKind = day.ToLookup(c => IsForecast(c.Mentions[0], Tentative));
            var reports = byKind[false].ToList();
            if (reports.Count == 0 || !byKind[true].Any())
            {
                continue;
            }

            foreach (Cluster f in byKind[true].OrderBy(c => c.Order))
            {
                int articles = f.ArticleCount;
                Cluster? best = null;
                double bestScore = double.MinValue;
                foreach (Cluster r in reports)
                {
                    double s = f.Centroid.Cosine(r.Centroid);
                    if (r.ArticleCount > articles && s >= SameDateThreshold && (s > bestScore || (s == bestScore && r.Order < best!.Order)))
                    {
                        (best, bestScore) = (r, s);
                    }
                }

                if (best is not null)
                {
                    best.Join(f);
                    removed.Add(f);
                }
            }
        }

        return removed.Count == 0 ? clusters : clusters.Where(c => !removed.Contains(c)).ToList();
    }

    /// <summary>
    /// An undated perfect lede ("Putin has told Wagner's fighters…", see <see cref="NewsLede"/>) is dated by its page only
    /// because it says "by now": a report published the next morning, or abroad across the date line, tells a happening of
    /// the day before. An event of such ledes alone joins the most similar event of the <see cref="Salience.PegDays"/> days
    /// before when the two are at least <see cref="RefineThreshold"/> similar, and its statements take that day.
    /// </summary>
    private List<Cluster> JoinLedes(List<Cluster> clusters)
    {
        var byDay = clusters.Where(c => c.Range.Granularity == Granularity.Day).ToLookup(c => c.Range.Start);
        var removed = new HashSet<Cluster>(ReferenceEqualityComparer.Instance);
        foreach (Cluster f in clusters)
        {
            if (f.Range.Granularity != Granularity.Day || f.Mentions.Count == 0 || !f.Mentions.All(m => m.Time.Rule == NewsLede.Rule))
            {
                continue;
            }

            Cluster? best = null;
            double bestScore = double.MinValue;
            for (int back = 1; back <= Salience.PegDays; back++)
            {
                foreach (Cluster r in byDay[f.Range.Start.PlusDays(-back)])
                {
                    double s = f.Centroid.Cosine(r.Centroid);
                    if (!removed.Contains(r) && s >= RefineThreshold && (s > bestScore || (s == bestScore && r.Order < best!.Order)))
                    {
                        (best, bestScore) = (r, s);
                    }
                }
            }

            if (best is null)
            {
                continue;
            }

            for (int i = 0; i < f.Mentions.Count; i++)
            {
                EventMention m = f.Mentions[i];
                EventMention moved = m with { Time = NewsLede.DayOf(best.Range.Start, m.Time.Start, m.Time.End, m.Time.Text) };
                _vectors[moved] = Vector(m);
                best.Add(moved, f.VectorAt(i), f.NamesAt(i));
            }

            best.Support.AddRange(f.Support);
            removed.Add(f);
        }

        return removed.Count == 0 ? clusters : clusters.Where(c => !removed.Contains(c)).ToList();
    }

    /// <summary>
    /// A forecast nothing confirms is not an event of the timeline: an event whose every statement expects a date after the
    /// day its article was published ("the visa would expire on 28 July", "expected the search to end by Wednesday",
    /// "elections expected in May") is left out and listed with <see cref="ExclusionReasons.Forecast"/>. A statement of
    /// the same happening written on or after its date (a report) is in the same event and keeps it, forecasts included.
    /// </summary>
    private List<Cluster> DropForecasts(List<Cluster> clusters)
    {
        // Each event judged on its own, on all cores; kept and left out in cluster order.
        bool[] plans = new bool[clusters.Count];
        ForEachIndex(clusters.Count, i => plans[i] = clusters[i].Mentions.Count > 0 && IsUnhappenedPlan(clusters[i]));
        List<Cluster>? kept = null;
        for (int i = 0; i < clusters.Count; i++)
        {
            Cluster c = clusters[i];
            if (plans[i])
            {
                kept ??= clusters.GetRange(0, i);
                _excluded.AddRange(c.Mentions.Select(m => new ExcludedMention(m, ExclusionReasons.Forecast)));
            }
            else
            {
                kept?.Add(c);
            }
        }

        return kept ?? clusters;
    }

    /// <summary>
    /// Whether a statement only expects its date: the whole range is after the day its article was published (where it was
    /// written and where the story happens) and the sentence is a forecast, a plan or a schedule (<see cref="Clauses.IsTentative"/>,
    /// <see cref="Clauses.IsScheduled"/>). A statement about a later date with no such marker is kept: it is more likely
    /// a date resolved the wrong way than a forecast.
    /// </summary>
    private bool IsUnconfirmedForecast(EventMention m)
    {
        if (m.Time.Range is not { } r)
        {
            return false;
        }

        return ModWindow(r, m.Time.Mod).Start > ForecastCues.WrittenOn(m)
            && (Tentative(m.Clause.Length > 0 ? m.Clause : m.Quote) || Tentative(m.Quote) || Clauses.IsScheduled(m.Quote) || PlanCues.IsDeadline(m)
                || ForecastCues.HasNoPastVerb(m));
    }

    /// <summary>
    /// Whether an event is only a plan that did not (or not yet) happen: every statement of it is an unconfirmed forecast or
    /// says the plan was called off ("which had been due on Oct. 31, was postponed"); or one says it was called off and no
    /// statement written on or after the date reports it without a plan marker. A plan put back counts against the forecasts
    /// that repeat it.
    /// </summary>
    private bool IsUnhappenedPlan(Cluster c)
    {
        bool calledOff = false;
        bool forecastsOnly = true;
        bool reported = false;
        foreach (EventMention m in c.Mentions)
        {
            bool off = PlanCalledOffOrTarget(m);
            bool forecast = !off && IsUnconfirmedForecast(m);
            calledOff |= off;
            forecastsOnly &= off || forecast;
            reported |= !off && !forecast && m.Time.Range is { } r && m.Source.Published.Date >= r.End;
        }

        return forecastsOnly || (calledOff && !reported);
    }

    /// <summary>
    /// <see cref="PlanCues.IsCalledOff"/> or <see cref="PlanCues.IsTarget"/>: both read only the sentence and where the date
    /// starts in it, so the answer is kept with the sentence string across builds, per date offset. Thread-safe.
    /// </summary>
    private static bool PlanCalledOffOrTarget(EventMention m)
    {
        int at = m.Time.Start - m.QuoteStart;
        Dictionary<int, bool> known = PlanCache.GetValue(m.Quote, static _ => []);
        lock (known)
        {
            if (known.TryGetValue(at, out bool off))
            {
                return off;
            }
        }

        bool result = PlanCues.IsCalledOff(m) || PlanCues.IsTarget(m);
        lock (known)
        {
            known[at] = result;
        }

        return result;
    }

    /// <summary>Answers of <see cref="PlanCalledOffOrTarget"/> per sentence string, by the date's offset in it.</summary>
    private static readonly ConditionalWeakTable<string, Dictionary<int, bool>> PlanCache = new();

    /// <summary>
    /// An article's opening paragraphs on its news day tell one happening from several sides (the finding, the owner's
    /// statement, the police's reaction), often in different words. A statement that stands alone on its day (one article,
    /// within the first <see cref="LedeWindow"/> body sentences of an article published on the day or just after) joins the
    /// event its own article leads with on that day. Events other outlets also report stay apart, so distinct happenings of
    /// one day (the fuel rationing and the canal chief's briefing of one Saturday) are not merged.
    /// </summary>
    private static List<Cluster> JoinArticleNews(List<Cluster> clusters)
    {
        var lede = new Dictionary<(string Path, LocalDate Day), (int Position, Cluster Event)>();
        foreach (Cluster c in clusters.Where(c => c.Range.Granularity >= Granularity.Day).OrderBy(c => c.Order))
        {
            foreach (EventMention m in c.Mentions)
            {
                if (m.BodyPosition is >= 0 and <= 1 && !m.Subordinate && IsFresh(m, c.Range, Salience.PegDays)
                    && (!lede.TryGetValue((m.Source.ArticlePath, c.Range.Start), out var had) || m.BodyPosition < had.Position))
                {
                    lede[(m.Source.ArticlePath, c.Range.Start)] = (m.BodyPosition, c);
                }
            }
        }

        var removed = new HashSet<Cluster>(ReferenceEqualityComparer.Instance);

        // A lede event only its own article reports ("Relief chief meets Syrian president in Damascus", the deck) joins the event of
        // the same day that other outlets report, when it holds a later opening sentence of the article ("Assad has agreed to open two
        // more crossings, Guterres said on Monday") and the two share the topic (same-date similarity). Unrelated news of one day
        // told in one opening (the fuel rationing above the canal chief's briefing) shares next to nothing and stays apart.
        var second = new Dictionary<(string Path, LocalDate Day), Cluster>();
        foreach (Cluster c in clusters.Where(c => c.Range.Granularity >= Granularity.Day && c.ArticleCount > 1).OrderBy(c => c.Order))
        {
            foreach (EventMention m in c.Mentions)
            {
                if (m.BodyPosition >= 0 && m.BodyPosition < LedeWindow && !m.Subordinate && IsFresh(m, c.Range, Salience.PegDays)
                    && lede.TryGetValue((m.Source.ArticlePath, c.Range.Start), out var news) && !ReferenceEquals(news.Event, c)
                    && news.Event.ArticleCount == 1 && news.Position < m.BodyPosition && news.Event.Centroid.Cosine(c.Centroid) >= SameDateThreshold)
                {
                    second.TryAdd((m.Source.ArticlePath, c.Range.Start), c);
                }
            }
        }

        foreach (((string path, LocalDate day), Cluster target) in second.OrderBy(kv => kv.Value.Order).ThenBy(kv => kv.Key.Path, StringComparer.Ordinal))
        {
            Cluster lone = lede[(path, day)].Event;
            if (!removed.Contains(lone) && !removed.Contains(target))
            {
                target.Join(lone);
                removed.Add(lone);
                lede[(path, day)] = (lede[(path, day)].Position, target);
            }
        }

        foreach (Cluster c in clusters.Where(c => c.Range.Granularity >= Granularity.Day).OrderBy(c => c.Order))
        {
            string path = c.Mentions[0].Source.ArticlePath;
            if (c.Mentions.Any(m => m.Source.ArticlePath != path || m.BodyPosition < 0 || m.BodyPosition >= LedeWindow || !IsFresh(m, c.Range, Salience.PegDays))
                || !lede.TryGetValue((path, c.Range.Start), out var news) || ReferenceEquals(news.Event, c) || removed.Contains(news.Event))
            {
                continue;
            }

            news.Event.Join(c);
            removed.Add(c);
        }

        return removed.Count == 0 ? clusters : clusters.Where(c => !removed.Contains(c)).ToList();
    }

    /// <summary>
    /// A statement whose date sits in a subordinate clause ("two days after the FDIC took over the bank, which had collapsed
    /// on Friday", "deployed after clashes outside it on Wednesday night") tells that day's happening only in passing: the
    /// sentence's own news is another. An event made only of such statements is a fragment of a happening of its day, not
    /// a happening of its own, when another event of the day is reported by more articles and either shares the topic
    /// with it (same-date similarity) or holds the sentence next to it in its article (the passage goes on about the same
    /// happening). It joins that event (the most similar; else the one holding the nearest neighbouring sentence). An event
    /// with one statement in a main clause, or as widely reported as every other event of its day, stays as it is.
    /// </summary>
    private List<Cluster> JoinFragments(List<Cluster> clusters)
    {
        var removed = new HashSet<Cluster>(ReferenceEqualityComparer.Instance);
        foreach (IGrouping<LocalDate, Cluster> day in clusters.Where(c => c.Range.Granularity >= Granularity.Day).GroupBy(c => c.Range.Start))
        {
            var events = day.OrderBy(c => c.Order).ToList();
            if (events.Count < 2)
            {
                continue;
            }

            foreach (Cluster f in events.Where(c => c.Mentions.Count > 0 && c.Mentions.TrueForAll(m => m.Subordinate)).ToList())
            {
                int articles = f.ArticleCount;
                Cluster? best = null;
                double bestScore = double.MinValue;
                Cluster? near = null;
                int nearGap = int.MaxValue;
                foreach (Cluster t in events)
                {
                    if (ReferenceEquals(t, f) || removed.Contains(t) || t.ArticleCount <= articles)
                    {
                        continue;
                    }

                    double s = f.Mentions.Max(m => t.Similarity(Vector(m), NamesOf(m)));
                    if (s >= SameDateThreshold && (s > bestScore || (s == bestScore && t.Order < best!.Order)))
                    {
                        (best, bestScore) = (t, s);
                    }

                    int gap = f.Mentions.Where(m => m.BodyPosition >= 0)
                        .SelectMany(m => t.Mentions.Where(x => x.BodyPosition >= 0 && x.Source.ArticlePath == m.Source.ArticlePath && x.BodyPosition != m.BodyPosition)
                            .Select(x => Math.Abs(x.BodyPosition - m.BodyPosition)))
                        .DefaultIfEmpty(int.MaxValue).Min();
                    if (gap <= 1 && (gap < nearGap || (gap == nearGap && t.Order < near!.Order)))
                    {
                        (near, nearGap) = (t, gap);
                    }
                }

                if ((best ?? near) is { } target)
                {
                    target.Join(f);
                    removed.Add(f);
                }
            }
        }

        return removed.Count == 0 ? clusters : clusters.Where(c => !removed.Contains(c)).ToList();
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

                // An article that states both days ("four boys came out on Sunday; four more followed the next day") tells two
                // happenings apart: the sources do not disagree, the story repeats itself a day later.
                if (ShareAnArticle(a, b))
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
                keep.Absorb(drop);
                removed.Add(drop);
                if (ReferenceEquals(drop, a))
                {
                    break;
                }
            }
        }

        return clusters.Where(c => !removed.Contains(c)).ToList();
    }

    /// <summary>Whether one article has statements in both events.</summary>
    private static bool ShareAnArticle(Cluster a, Cluster b)
    {
        var articles = new HashSet<string>(a.Mentions.Select(m => m.Source.ArticlePath), StringComparer.Ordinal);
        return b.Mentions.Any(m => articles.Contains(m.Source.ArticlePath));
    }

    /// <summary>A caption supports an event reported in body text on its date; otherwise it is left out.</summary>
    private void AttachCaptions(List<Cluster> clusters, List<EventMention> captions)
    {
        var byDay = clusters.Where(c => c.Range.Granularity >= Granularity.Day).ToLookup(c => c.Range.Start);

        // Support does not change an event's similarity: each caption's event is found on its own, on all cores, and
        // attached in caption order.
        var bestOf = new Cluster?[captions.Count];
        ForEachIndex(captions.Count, i =>
        {
            EventMention m = captions[i];
            DateRange r = m.Time.Range!.Value;
            SparseVector v = Vector(m);
            NameKeys names = NamesOf(m);
            bestOf[i] = byDay[r.Start]
                .Where(c => r.Granularity >= Granularity.Day)
                .Select(c => (c, s: c.Similarity(v, names)))
                .Where(x => x.s >= SameDateThreshold)
                .OrderByDescending(x => x.s)
                .ThenBy(x => x.c.Key, StringComparer.Ordinal)
                .Select(x => x.c)
                .FirstOrDefault();
        });
        for (int i = 0; i < captions.Count; i++)
        {
            EventMention m = captions[i];
            Cluster? best = bestOf[i];
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
        PegMemo news = PegFacts(c);
        bool background = IsBackground(c.Mentions, range);
        var signals = new SalienceSignals(
            Pegs: news.PegArticles,
            Burst: news.Burst,
            Latest: news.Pegs.Where(m => m.Source.Published.Date == _span.Last).Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count(),
            Background: background);
        return e with { Salience = Salience.Raw(DatedAtItsPrecision(c.Mentions, c.Range), c.Range, pubCount, signals), Background = background };
    }

    /// <summary>
    /// The news signals of an event's statements that depend on them, its range and the site's topic alone: the statements
    /// that are news pegs (<see cref="IsNewsPeg"/>), their distinct articles, and the burst. Kept with the first statement
    /// across builds for the same statements in the same order (see <see cref="CitationMemo"/>).
    /// </summary>
    private sealed record PegMemo(EventMention[] Mentions, DateRange Range, string Topic, List<EventMention> Pegs, int PegArticles, int Burst);

    private static readonly ConditionalWeakTable<EventMention, PegMemo> PegCache = new();

    /// <summary>The <see cref="PegMemo"/> of an event: an earlier build's when it matches. Thread-safe.</summary>
    private PegMemo PegFacts(Cluster c)
    {
        if (c.Mentions.Count > 0 && PegCache.TryGetValue(c.Mentions[0], out PegMemo? known) && known.Range == c.Range
            && string.Equals(known.Topic, _topicKey, StringComparison.Ordinal) && SameInstances(known.Mentions, c.Mentions))
        {
            return known;
        }

        var pegs = c.Mentions.Where(m => IsNewsPeg(m, c.Range)).ToList();
        var memo = new PegMemo(
            [.. c.Mentions],
            c.Range,
            _topicKey,
            pegs,
            pegs.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count(),
            c.Mentions.Where(m => IsFresh(m, c.Range, Salience.BurstDays)).Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count());
        if (c.Mentions.Count > 0)
        {
            PegCache.AddOrUpdate(c.Mentions[0], memo);
        }

        return memo;
    }

    /// <summary>
    /// The mentions that report a day's event as news of its days: those that give the day, a moment of it, or its week ("over
    /// the weekend"). "Murray told police in 2009" or "the concerts scheduled for July" recall a happening in its month or year:
    /// they stay its citations but are not counted as reports of the day (they made Timeline17 MJ_bbc's remembered days key).
    /// </summary>
    private static IReadOnlyList<EventMention> DatedAtItsPrecision(List<EventMention> mentions, DateRange range)
    {
        if (range.Granularity < Granularity.Day)
        {
            return mentions;
        }

        var precise = mentions.Where(m => m.Time.Range is not { } r || r.Granularity >= Granularity.Week).ToList();
        return precise.Count == 0 ? mentions : precise;
    }

    /// <summary>
    /// The story's span from its publication dates: the first to the newest publication day. (A percentile start would cut
    /// a long story's own beginning: Timeline17 MJ_bbc publishes a tenth of its articles only after two months.)
    /// </summary>
    private static (LocalDate First, LocalDate Last) StorySpan(Dictionary<LocalDate, int> pubCount) =>
        pubCount.Count == 0 ? (LocalDate.MinIsoValue, LocalDate.MinIsoValue) : (pubCount.Keys.Min(), pubCount.Keys.Max());

    /// <summary>
    /// Whether an event is background: it ended more than <see cref="Salience.BackgroundDays"/> before the story's span began,
    /// and it is not the story itself (the lede of two articles, or stated by more than half of them: a recollection exactly half
    /// the outlets add for their own readers, such as their cities' marches of a year before, is still background).
    /// </summary>
    private bool IsBackground(IReadOnlyList<EventMention> mentions, DateRange range)
    {
        if (_articleCount == 0 || range.End >= _span.First.PlusDays(-Salience.BackgroundDays))
        {
            return false;
        }

        int ledes = mentions.Where(m => m.BodyPosition == 0 && !m.Subordinate).Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count();
        int articles = mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count();
        return ledes < 2 && 2 * articles <= _articleCount;
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
        if (SentenceIds(sentence) is not { } sentenceIds)
        {
            return title.Any(t => sentence.Contains(t, StringComparer.Ordinal));
        }

        // As term numbers: a title term no sentence of the site has cannot be one of this sentence's.
        if (!_titleIds.TryGetValue(m.Source.Title, out int[]? titleIds))
        {
            titleIds = _titleIds.GetOrAdd(m.Source.Title, [.. title.Select(t => _termIds.GetValueOrDefault(t, -1)).Where(id => id >= 0)]);
        }

        foreach (int id in titleIds)
        {
            if (Array.BinarySearch(sentenceIds, id) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The numbers of a sentence's terms, ascending, once per distinct sentence; null if one has none (then compare strings).</summary>
    private int[]? SentenceIds(List<string> sentence)
    {
        if (!_sentenceIds.TryGetValue(sentence, out int[]? ids))
        {
            ids = new int[sentence.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                if ((ids[i] = _termIds.GetValueOrDefault(sentence[i], -1)) < 0)
                {
                    ids = null;
                    break;
                }
            }

            if (ids is not null)
            {
                Array.Sort(ids);
            }

            ids = _sentenceIds.GetOrAdd(sentence, ids);
        }

        return ids;
    }

    private List<string> TitleTerms(string title)
    {
        return _titleTerms.TryGetValue(title, out List<string>? terms)
            ? terms
            : _titleTerms.GetOrAdd(title, Terms.Of(title).Where(t => !_topicTerms.Contains(t)).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>An event from its citations: date as given, headline from the most representative statement, id from its anchor.</summary>
    internal TimelineEvent MakeEvent(IReadOnlyList<EventMention> citations, DateRange range, TimexMod mod, string value, IReadOnlyList<DateConflict> conflicts)
    {
        var statements = citations.Where(m => !m.IsCaption).ToList();
        if (statements.Count == 0)
        {
            statements = citations.ToList();
        }

        if (t_dense is null || t_dense.Length < _termIds.Count)
        {
            t_dense = new double[_termIds.Count];
            t_marks = new int[_termIds.Count];
        }

        double[] dense = t_dense;
        SparseVector centroid = SparseVector.Centroid(statements.Select(Vector), dense, t_marks!);

        // The most representative statement: highest score, then earliest published, then path and position.
        centroid.Spread(dense, clear: false);
        EventMention lead = statements[0];
        double leadScore = HeadlineScore(lead, centroid, dense, range);
        for (int i = 1; i < statements.Count; i++)
        {
            EventMention m = statements[i];
            double s = HeadlineScore(m, centroid, dense, range);
            if (s > leadScore || (s == leadScore && LeadsBefore(m, lead)))
            {
                (lead, leadScore) = (m, s);
            }
        }

        centroid.Spread(dense, clear: true);
        CitationMemo facts = CitationFacts(citations, value);
        string headline = lead.Headline.Length > 0 ? lead.Headline : lead.Quote;
        return new TimelineEvent(facts.Id, value, mod, range, headline, facts.Sources)
        {
            Slug = Slug(value, headline),
            Participants = facts.Participants,
            Conflicts = conflicts,
            Outlets = facts.Outlets,
        };
    }

    /// <summary>
    /// What an event takes from its citations alone, whatever the rest of the site: their order, merged participants, outlets
    /// and the id (from the value and the first source). Kept with the first citation across builds, for the same citations
    /// in the same order (the same statement instances: see <see cref="Scored"/>), so a rebuild redoes it only for the events
    /// whose citations changed.
    /// </summary>
    private sealed record CitationMemo(EventMention[] Citations, List<EventMention> Sources, IReadOnlyList<string> Participants, int Outlets, string Value, string Id);

    private static readonly ConditionalWeakTable<EventMention, CitationMemo> CitationCache = new();

    /// <summary>The <see cref="CitationMemo"/> of <paramref name="citations"/> with <paramref name="value"/>: an earlier build's when it matches. Thread-safe.</summary>
    private static CitationMemo CitationFacts(IReadOnlyList<EventMention> citations, string value)
    {
        if (citations.Count > 0 && CitationCache.TryGetValue(citations[0], out CitationMemo? known) && SameInstances(known.Citations, citations))
        {
            if (string.Equals(known.Value, value, StringComparison.Ordinal))
            {
                return known;
            }

            known = known with { Value = value, Id = MakeId(value, known.Sources) };
            CitationCache.AddOrUpdate(citations[0], known);
            return known;
        }

        List<EventMention> sources = CitationOrder(citations);
        var memo = new CitationMemo([.. citations], sources, Participants.Merge(sources.Select(m => m.Participants)), Salience.Outlets(sources), value, MakeId(value, sources));
        if (citations.Count > 0)
        {
            CitationCache.AddOrUpdate(citations[0], memo);
        }

        return memo;
    }

    /// <summary>Whether two lists hold the same instances in the same order.</summary>
    private static bool SameInstances(EventMention[] known, IReadOnlyList<EventMention> list)
    {
        if (known.Length != list.Count)
        {
            return false;
        }

        for (int i = 0; i < known.Length; i++)
        {
            if (!ReferenceEquals(known[i], list[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Citations in the order an event lists them: statements before captions, then earliest published, article path, position
    /// and date offset, ties in their given order (the stable order of the LINQ sort it replaces, without its key arrays).
    /// </summary>
    private static List<EventMention> CitationOrder(IReadOnlyList<EventMention> citations)
    {
        var keys = new CitationKey[citations.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            EventMention m = citations[i];
            keys[i] = new CitationKey(m, m.Source.Published.Published.ToInstant(), i);
        }

        Array.Sort(keys); // a total order (the position breaks every tie): the same result whatever the algorithm
        var sources = new List<EventMention>(keys.Length);
        foreach (CitationKey k in keys)
        {
            sources.Add(k.Mention);
        }

        return sources;
    }

    private readonly record struct CitationKey(EventMention Mention, Instant Published, int Position) : IComparable<CitationKey>
    {
        public int CompareTo(CitationKey other) => Compare(this, other);

        private static int Compare(in CitationKey a, in CitationKey b)
        {
            EventMention x = a.Mention, y = b.Mention;
            int c = x.IsCaption.CompareTo(y.IsCaption);
            c = c != 0 ? c : a.Published.CompareTo(b.Published);
            c = c != 0 ? c : string.CompareOrdinal(x.Source.ArticlePath, y.Source.ArticlePath);
            c = c != 0 ? c : x.QuoteStart.CompareTo(y.QuoteStart);
            c = c != 0 ? c : x.Time.Start.CompareTo(y.Time.Start);
            return c != 0 ? c : a.Position.CompareTo(b.Position);
        }
    }

    /// <summary>The tie-break of the headline statement: earlier published, then article path, then position.</summary>
    private static bool LeadsBefore(EventMention a, EventMention b)
    {
        int c = a.Source.Published.Published.ToInstant().CompareTo(b.Source.Published.Published.ToInstant());
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Source.ArticlePath, b.Source.ArticlePath);
        }

        return c < 0 || (c == 0 && a.QuoteStart < b.QuoteStart);
    }

    /// <summary><paramref name="dense"/> holds <paramref name="centroid"/> spread out (see <see cref="MakeEvent"/>).</summary>
    private double HeadlineScore(EventMention m, SparseVector centroid, double[] dense, DateRange range)
    {
        double s = centroid.CosineDense(dense, Vector(m));
        s += m.Time.Range == range ? 0.3 : 0;
        s += m.Subordinate ? 0 : 0.2;
        s += m.BodyPosition is >= 0 and < 3 ? 0.15 : 0;
        s += m.Headline.Length is > 30 and <= Clauses.MaxHeadline ? 0.1 : 0;
        return s;
    }

    /// <summary>
    /// "{date}-{hash}": the hash of the anchor citation (the earliest-published one: article path, sentence text and
    /// expression value), so the id survives rebuilds, reordering and unrelated new articles. <paramref name="sources"/> is
    /// in citation order (captions last, then earliest published, path, position), so the anchor is its first entry.
    /// </summary>
    private static string MakeId(string value, IReadOnlyList<EventMention> sources)
    {
        EventMention anchor = sources[0];
        // path, "\n", the sentence with each run of white space one space (none at the ends), "\n", value: hashed as UTF-8.
        string path = anchor.Source.ArticlePath, quote = anchor.Quote, time = anchor.Time.Value;
        int most = path.Length + quote.Length + time.Length + 2;
        char[]? rented = most > 1024 ? System.Buffers.ArrayPool<char>.Shared.Rent(most) : null;
        Span<char> key = rented ?? stackalloc char[most];
        path.CopyTo(key);
        int n = path.Length;
        key[n++] = '\n';
        bool word = false, gap = false;
        foreach (char c in quote)
        {
            if (char.IsWhiteSpace(c))
            {
                gap = word;
                continue;
            }

            if (gap)
            {
                key[n++] = ' ';
                gap = false;
            }

            key[n++] = c;
            word = true;
        }

        key[n++] = '\n';
        time.CopyTo(key[n..]);
        n += time.Length;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        byte[] utf8 = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(n));
        int bytes = Encoding.UTF8.GetBytes(key[..n], utf8);
        SHA256.HashData(utf8.AsSpan(0, bytes), hash);
        System.Buffers.ArrayPool<byte>.Shared.Return(utf8);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return value.ToLowerInvariant() + "-" + Convert.ToHexStringLower(hash[..4]);
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
            .Where(e => e.Salience >= KeySalience && !e.Background)
            .OrderByDescending(e => e.Salience)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(_options.MaxKeyEvents)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
        return events.Select(e => e with { Key = key.Contains(e.Id) }).ToList();
    }

    /// <summary>Name keys of a list of participants: per participant its full key and its last name's key ("~…").</summary>
    private sealed class NameKeys
    {
        /// <summary>One number per distinct key, for the whole process (keys are compared as numbers in the hot loops).</summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> KeyIds = new(StringComparer.Ordinal);

        private NameKeys(string[] full, string[] last, string[] distinct)
        {
            (Full, Last, Distinct) = (full, last, distinct);
            FullIds = Array.ConvertAll(full, IdOf);
            LastIds = Array.ConvertAll(last, IdOf);
            DistinctIds = Array.ConvertAll(distinct, IdOf);
        }

        public string[] Full { get; }

        public string[] Last { get; }

        /// <summary>Every key once (a mention counts once per key in a cluster).</summary>
        public string[] Distinct { get; }

        /// <summary>The numbers of <see cref="Full"/>, <see cref="Last"/> and <see cref="Distinct"/> (one key, one number).</summary>
        public int[] FullIds { get; }

        public int[] LastIds { get; }

        public int[] DistinctIds { get; }

        public static NameKeys Of(IReadOnlyList<string> participants)
        {
            string[] full = new string[participants.Count];
            string[] last = new string[participants.Count];
            for (int i = 0; i < participants.Count; i++)
            {
                string n = participants[i];
                full[i] = NameKey(n);
                int sp = n.LastIndexOf(' ');
                last[i] = "~" + NameKey(sp < 0 ? n : n[(sp + 1)..]);
            }

            return new NameKeys(full, last, [.. full.Concat(last).Distinct(StringComparer.Ordinal)]);
        }

        private static int _lastId;

        private static int IdOf(string key) => KeyIds.GetOrAdd(key, static _ => Interlocked.Increment(ref _lastId));

        private static string NameKey(string n) => n.Replace("al-", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant();
    }

    /// <summary>
    /// The clusters of one build and how to find the ones a mention may join: by exact date value (its bucket), and,
    /// for the finer events inside a coarse mention's period, through postings of (term or name, month) so that only
    /// events sharing a term or a name within the period are compared.
    /// </summary>
    private sealed class ClusterIndex(int termCount)
    {
        private readonly Dictionary<(DateRange, TimexMod), List<Cluster>> _same = [];
        /// <summary>Per feature, its (month, events) postings in ascending month order.</summary>
        private readonly Dictionary<int, List<(int Month, List<Cluster> Events)>> _postings = [];
        private readonly Dictionary<int, List<Cluster>> _byMonth = [];
        private readonly Dictionary<int, List<Cluster>> _byYear = [];
        private readonly List<Cluster> _wide = [];
        private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
        private readonly List<int> _features = [];
        private readonly List<Cluster> _found = [];
        private int[] _lightIds = new int[64];
        private double[] _lightWeights = new double[64];
        private long[] _viaPostings = new long[16];
        private bool[] _whole = new bool[16];
        private int _stamp;

        public List<Cluster> Clusters { get; } = [];

        public IEnumerable<Cluster> Same(DateRange key, TimexMod mod) =>
            _same.TryGetValue((key, mod), out List<Cluster>? list) ? list : [];

        public IEnumerable<List<Cluster>> DayBuckets() => _same.Where(kv => kv.Key.Item1.Granularity == Granularity.Day).Select(kv => kv.Value);

        public Cluster Create(DateRange key, TimexMod mod, string value)
        {
            var c = new Cluster(key, mod, value, Clusters.Count);
            Clusters.Add(c);
            if (!_same.TryGetValue((key, mod), out List<Cluster>? list))
            {
                _same[(key, mod)] = list = [];
            }

            list.Add(c);
            if (MonthIndex(key.Start) == MonthIndex(key.End))
            {
                if (!_byMonth.TryGetValue(MonthIndex(key.Start), out List<Cluster>? inMonth))
                {
                    _byMonth[MonthIndex(key.Start)] = inMonth = [];
                }

                inMonth.Add(c);
            }
            else if (key.Start.Year == key.End.Year)
            {
                if (!_byYear.TryGetValue(key.Start.Year, out List<Cluster>? inYear))
                {
                    _byYear[key.Start.Year] = inYear = [];
                }

                inYear.Add(c);
            }
            else
            {
                _wide.Add(c);
            }

            return c;
        }

        public void Add(Cluster c, EventMention m, SparseVector v, NameKeys names, bool movable)
        {
            c.Add(m, v, names, movable);
            ReadOnlySpan<int> ids = v.Ids;
            foreach (int id in ids)
            {
                if (c.MarkPosted(id))
                {
                    Post(c, id);
                }
            }

            foreach (string key in names.Distinct)
            {
                if (!_nameIds.TryGetValue(key, out int nameId))
                {
                    _nameIds[key] = nameId = _nameIds.Count;
                }

                if (c.MarkPosted(termCount + nameId))
                {
                    Post(c, termCount + nameId);
                }
            }
        }

        /// <summary>
        /// Events posted in <paramref name="period"/>'s months that may reach <paramref name="threshold"/> similarity
        /// with a mention: those sharing a name, or a term outside the mention's lightest terms whose weight together
        /// is below the threshold (sharing only those, the cosine cannot reach it: prefix filtering). Each once.
        /// </summary>
        /// <remarks>The list is reused by the next call.</remarks>
        public List<Cluster> Finer(DateRange period, SparseVector v, NameKeys names, double threshold)
        {
            _features.Clear();
            ReadOnlySpan<int> ids = v.Ids;
            ReadOnlySpan<double> weights = v.Weights;
            if (_lightIds.Length < ids.Length)
            {
                _lightIds = new int[ids.Length * 2];
                _lightWeights = new double[ids.Length * 2];
            }

            // Lightest first, ties by id: an insertion sort of the entries (ids ascending, so stable on weight is enough).
            int n = ids.Length;
            for (int i = 0; i < n; i++)
            {
                int j = i;
                double w = weights[i];
                while (j > 0 && _lightWeights[j - 1] > w)
                {
                    _lightWeights[j] = _lightWeights[j - 1];
                    _lightIds[j] = _lightIds[j - 1];
                    j--;
                }

                (_lightWeights[j], _lightIds[j]) = (w, ids[i]);
            }

            double bound = threshold * threshold * v.Norm * v.Norm;
            double light = 0;
            for (int i = 0; i < n; i++)
            {
                double w = _lightWeights[i];
                light += w * w;
                if (light >= bound)
                {
                    _features.Add(_lightIds[i]);
                }
            }

            foreach (string key in names.Distinct)
            {
                if (_nameIds.TryGetValue(key, out int nameId))
                {
                    _features.Add(termCount + nameId);
                }
            }

            // Events within one month: walk the postings, or, when they are longer than the period's list of events
            // (every event shares a common term), the period's events: the same candidates either way, whichever is
            // less work. Events spanning months (quarters, years) and years (decades) are few: all of the period's.
            List<Cluster> result = _found;
            result.Clear();
            int stamp = ++_stamp;
            int first = MonthIndex(period.Start);
            int last = MonthIndex(period.End);
            if (last - first > 1200)
            {
                foreach ((int month, List<Cluster> all) in _byMonth)
                {
                    if (month >= first && month <= last)
                    {
                        Collect(all, stamp, result);
                    }
                }
            }
            else
            {
                int span = last - first + 1;
                if (_viaPostings.Length < span)
                {
                    _viaPostings = new long[span * 2];
                    _whole = new bool[span * 2];
                }

                Array.Clear(_viaPostings, 0, span);
                Array.Clear(_whole, 0, span);
                foreach (int f in _features)
                {
                    if (_postings.TryGetValue(f, out List<(int Month, List<Cluster> Events)>? months))
                    {
                        for (int k = FirstAtOrAfter(months, first); k < months.Count && months[k].Month <= last; k++)
                        {
                            _viaPostings[months[k].Month - first] += months[k].Events.Count;
                        }
                    }
                }

                for (int month = first; month <= last; month++)
                {
                    if (_byMonth.TryGetValue(month, out List<Cluster>? all) && all.Count <= _viaPostings[month - first])
                    {
                        Collect(all, stamp, result);
                        _whole[month - first] = true;
                    }
                }

                // (A month with postings always has its list of events: only events within one month are posted.)
                foreach (int f in _features)
                {
                    if (_postings.TryGetValue(f, out List<(int Month, List<Cluster> Events)>? months))
                    {
                        for (int k = FirstAtOrAfter(months, first); k < months.Count && months[k].Month <= last; k++)
                        {
                            if (!_whole[months[k].Month - first])
                            {
                                Collect(months[k].Events, stamp, result);
                            }
                        }
                    }
                }
            }

            foreach ((int year, List<Cluster> all) in _byYear)
            {
                if (year >= period.Start.Year && year <= period.End.Year)
                {
                    Collect(all, stamp, result);
                }
            }

            Collect(_wide, stamp, result);
            return result;
        }

        /// <summary>The position of the first posting at or after <paramref name="month"/> (postings ascend by month).</summary>
        private static int FirstAtOrAfter(List<(int Month, List<Cluster> Events)> months, int month)
        {
            int lo = 0, hi = months.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (months[mid].Month < month)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private static void Collect(List<Cluster> list, int stamp, List<Cluster> result)
        {
            foreach (Cluster c in list)
            {
                if (c.Stamp != stamp && c.Mentions.Count > 0)
                {
                    c.Stamp = stamp;
                    result.Add(c);
                }
            }
        }

        /// <summary>Postings only for events within one month (the others are found through their year or the wide list).</summary>
        private void Post(Cluster c, int feature)
        {
            int month = MonthIndex(c.Range.Start);
            if (month != MonthIndex(c.Range.End))
            {
                return;
            }

            if (!_postings.TryGetValue(feature, out List<(int Month, List<Cluster> Events)>? months))
            {
                _postings[feature] = months = [];
            }

            int k = FirstAtOrAfter(months, month);
            if (k == months.Count || months[k].Month != month)
            {
                months.Insert(k, (month, []));
            }

            months[k].Events.Add(c);
        }

        private static int MonthIndex(LocalDate d) => ((d.Year + 10000) * 12) + d.Month - 1;
    }

    /// <summary>A growing event: its statements (with their vectors), captions that support it, date conflicts.</summary>
    private sealed class Cluster(DateRange range, TimexMod mod, string value, int order)
    {
        // The centroid is kept as a running sum of unit vectors with its squared norm, so adding or removing a mention
        // and comparing against the cluster all cost O(terms of the mention), whatever the cluster's size.
        private readonly IdMap<double> _sum = new();
        private readonly IdMap<int> _names = new();
        private readonly Dictionary<string, Granularity> _finest = new(StringComparer.Ordinal);
        private readonly List<SparseVector> _vectors = [];
        private readonly List<NameKeys> _nameKeys = [];
        private readonly List<bool> _movable = [];
        private readonly IdMap<bool> _posted = new();
        private double _sumSquares;
        private SparseVector? _centroid;
        private int _articleCount = -1;

        public DateRange Range { get; } = range;

        public TimexMod Mod { get; } = mod;

        public string Value { get; } = value;

        /// <summary>Creation order: the deterministic tie-break between equally similar events.</summary>
        public int Order { get; } = order;

        /// <summary>Scratch mark for <see cref="ClusterIndex.Finer"/> (returns each event once).</summary>
        public int Stamp { get; set; }

        /// <summary>How many times the statements changed: a similarity computed at one version holds until the next.</summary>
        public int Version { get; private set; }

        public List<EventMention> Mentions { get; } = [];

        public List<EventMention> Support { get; } = [];

        public List<DateConflict> Conflicts { get; } = [];

        public string Key => Value + "|" + (Mentions.Count > 0 ? Mentions[0].Source.ArticlePath + "#" + Mentions[0].QuoteStart.ToString(CultureInfo.InvariantCulture) : "");

        /// <summary>Distinct articles of the statements (counted again only after the statements change).</summary>
        public int ArticleCount => _articleCount >= 0 ? _articleCount : _articleCount = Mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count();

        public SparseVector Centroid => _centroid ??= CentroidOfSum();

        public SparseVector VectorAt(int i) => _vectors[i];

        public NameKeys NamesAt(int i) => _nameKeys[i];

        public bool IsMovable(int i) => _movable[i];

        public bool MarkPosted(int feature)
        {
            _posted.GetOrAdd(feature, out bool added);
            return added;
        }

        public void Add(EventMention m, SparseVector v, NameKeys names, bool movable = false)
        {
            Mentions.Add(m);
            _vectors.Add(v);
            _nameKeys.Add(names);
            _movable.Add(movable);
            Accumulate(v, 1);
            foreach (int k in names.DistinctIds)
            {
                _names.GetOrAdd(k, out _)++;
            }

            Granularity g = m.Time.Range?.Granularity ?? Granularity.None;
            if (!_finest.TryGetValue(m.StoryId, out Granularity had) || g > had)
            {
                _finest[m.StoryId] = g;
            }

            _centroid = null;
            _articleCount = -1;
            Version++;
        }

        /// <summary>Takes statement <paramref name="i"/> out (it moves to another event of its day).</summary>
        public void RemoveAt(int i, SparseVector v, NameKeys names)
        {
            Mentions.RemoveAt(i);
            _vectors.RemoveAt(i);
            _nameKeys.RemoveAt(i);
            _movable.RemoveAt(i);
            Accumulate(v, -1);
            foreach (int k in names.DistinctIds)
            {
                _names.GetOrAdd(k, out _)--;
            }

            _finest.Clear();
            foreach (EventMention m in Mentions)
            {
                Granularity g = m.Time.Range?.Granularity ?? Granularity.None;
                if (!_finest.TryGetValue(m.StoryId, out Granularity had) || g > had)
                {
                    _finest[m.StoryId] = g;
                }
            }

            _centroid = null;
            _articleCount = -1;
            Version++;
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
        public double Similarity(SparseVector v, NameKeys names) => Score(v, names, without: false);

        /// <summary><see cref="Similarity"/> of one of this event's own statements to the rest of the event.</summary>
        public double SimilarityWithout(SparseVector v, NameKeys names) => Score(v, names, without: true);

        /// <summary>Whether story <paramref name="storyId"/> already dates this event more precisely than <paramref name="r"/>.</summary>
        public bool HasFinerFromStory(string storyId, DateRange r) =>
            _finest.TryGetValue(storyId, out Granularity g) && g > r.Granularity;

        /// <summary>Takes over another event reported on a different day: its citations join, its date becomes a conflict.</summary>
        public void Absorb(Cluster other)
        {
            var mine = Mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var theirs = other.Mentions.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (Conflicts.Count == 0)
            {
                Conflicts.Add(new DateConflict(Value, mine, $"{mine.Count} source(s) date this {Value}"));
            }

            Conflicts.Add(new DateConflict(other.Value, theirs, $"{theirs.Count} source(s) date this {other.Value} instead of {Value}"));
            Conflicts.AddRange(other.Conflicts.Where(c => c.Value != Value));
            Join(other);
        }

        /// <summary>Takes over another event of the same day: its statements and captions join, nothing is in conflict.</summary>
        public void Join(Cluster other)
        {
            for (int i = 0; i < other.Mentions.Count; i++)
            {
                Add(other.Mentions[i], other._vectors[i], other._nameKeys[i]);
            }

            Support.AddRange(other.Support);
        }

        private void Accumulate(SparseVector v, int sign)
        {
            if (v.Norm == 0)
            {
                return;
            }

            ReadOnlySpan<int> ids = v.Ids;
            ReadOnlySpan<double> weights = v.Weights;
            for (int i = 0; i < ids.Length; i++)
            {
                ref double sum = ref _sum.GetOrAdd(ids[i], out _);
                double old = sum;
                double now = old + (sign * weights[i] / v.Norm);
                sum = now;
                _sumSquares += (now * now) - (old * old);
            }
        }

        /// <summary>The running sum as a vector, without the entries that cancelled out (a statement moved away).</summary>
        private SparseVector CentroidOfSum()
        {
            int[] ids = new int[_sum.Count];
            double[] weights = new double[_sum.Count];
            int all = _sum.CopyTo(ids, weights);
            int n = 0;
            for (int i = 0; i < all; i++)
            {
                if (Math.Abs(weights[i]) > 1e-12)
                {
                    (ids[n], weights[n]) = (ids[i], weights[i]);
                    n++;
                }
            }

            return SparseVector.FromPairs(ids, weights, n);
        }

        private double Score(SparseVector v, NameKeys names, bool without)
        {
            double s = 0;
            if (v.Norm > 0)
            {
                double dot = 0;
                ReadOnlySpan<int> ids = v.Ids;
                ReadOnlySpan<double> weights = v.Weights;
                for (int i = 0; i < ids.Length; i++)
                {
                    if (_sum.TryGetValue(ids[i], out double c))
                    {
                        dot += weights[i] * c;
                    }
                }

                double squares = _sumSquares;
                if (without)
                {
                    // The rest of the event: the sum less this statement's unit vector u = v/|v| (v·u = |v|, u·u = 1).
                    squares = _sumSquares - (2 * dot / v.Norm) + 1;
                    dot -= v.Norm;
                }

                if (squares > 1e-12)
                {
                    s = dot / (v.Norm * Math.Sqrt(squares));
                }
            }

            int present = without ? 2 : 1;
            int shared = 0;
            int[] full = names.FullIds;
            int[] last = names.LastIds;
            for (int i = 0; i < full.Length; i++)
            {
                if (_names.GetValueOrDefault(full[i]) >= present || _names.GetValueOrDefault(last[i]) >= present)
                {
                    shared++;
                }
            }

            return s + (0.03 * Math.Min(shared, 3));
        }
    }
}
