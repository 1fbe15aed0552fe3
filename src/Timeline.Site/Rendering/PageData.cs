using System.Globalization;
using System.Runtime.CompilerServices;
using Scriban.Runtime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Site.Rendering;

/// <summary>
/// Turns the site model into the plain data templates see: script objects of strings, numbers, booleans, lists and
/// <see cref="RawHtml"/> built by <see cref="Highlighter"/> and <see cref="TimeAxis"/>. No .NET model object is
/// exposed to a template, so templates can only read what is listed here.
/// </summary>
/// <remarks>
/// Every per-article lookup (the events citing an article, its excluded sentences) is indexed once here, so a page
/// costs time in proportion to what it shows, never to the size of the site.
/// </remarks>
/// <param name="remember">
/// Whether the digests of what pages are made from are remembered for a later build (see <see cref="ArticleInputs"/>,
/// <see cref="EventInputs"/>). They are keyed by the report objects, which only a builder's in-memory article cache
/// keeps from build to build: without one, a large site's hundreds of thousands of entries would be kept for nothing.
/// </param>
internal sealed class PageData(SiteModel model, SiteLinks links, bool remember = true)
{
    // The indexes are made when a page first needs them (by the page jobs, in parallel with others), not before rendering starts.
    // Article path → the outlet of the first report of that path.
    private readonly Lazy<Dictionary<string, string>> _outlets = new(() => IndexOutlets(model.Articles));

    // Per article (as model.Articles lists them), how many stories and expressions it has: counted before any page is
    // made, since a report's stories may be let go once its page is made (see SiteRenderer.Render).
    private readonly (int Stories, int Mentions)[] _counts = CountStories(model.Articles);

    // Article path → (event, story) for every citation, in chronology then source order.
    private readonly Lazy<Dictionary<string, List<(TimelineEvent Event, string StoryId)>>> _citations = new(() => IndexCitations(model.Chronology.Events));

    private readonly Lazy<ILookup<string, ExcludedMention>> _excluded = new(() => model.Chronology.Excluded.ToLookup(x => x.Mention.Source.ArticlePath, StringComparer.Ordinal));

    // Per event, its link and date text: each event is a neighbour, a citation or an index item on many pages.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TimelineEvent, (string Url, string When)> _eventTexts = new(ReferenceEqualityComparer.Instance);

    public SiteModel Model => model;

    public SiteLinks Links => links;

    /// <summary>
    /// The index: the axis, events grouped by year and month, participants for the filter. Each group carries its
    /// key and background events both as lists and as markup made by <paramref name="renderItems"/> (the theme's
    /// event-item partial, one render per event), so the index template loops only over years and months: Scriban's
    /// loop limit counts the iterations of nested loops together.
    /// </summary>
    /// <param name="renderItems">Renders a group's events.</param>
    /// <param name="year">Null for the whole site's index; a year for that year's page of a paged index.</param>
    /// <param name="yearUrl">
    /// For a paged index (a large site), the URL of each year's page: the index then lists only key events (and the axis
    /// shows only them), and each group links to its year's page for the rest. Null lists every event.
    /// </param>
    public ScriptObject Index(Func<IReadOnlyList<ScriptObject>, RawHtml> renderItems, int? year = null, Func<int, string>? yearUrl = null)
    {
        ScriptObject Group(ScriptObject group, IEnumerable<TimelineEvent> groupEvents, int groupYear)
        {
            var key = new List<ScriptObject>();
            var background = new List<ScriptObject>();
            int backgroundCount = 0;
            foreach (TimelineEvent e in groupEvents)
            {
                if (e.Key)
                {
                    key.Add(IndexItem(e));
                }
                else if (yearUrl is null)
                {
                    background.Add(IndexItem(e));
                }

                backgroundCount += e.Key ? 0 : 1;
            }

            group["key_events"] = List(key);
            group["background_events"] = List(background);
            group["key_count"] = key.Count;
            group["background_count"] = backgroundCount;
            group["key_html"] = renderItems(key);
            group["background_html"] = renderItems(background);
            group["more_url"] = yearUrl is null || backgroundCount == 0 ? null : yearUrl(groupYear);
            return group;
        }

        IReadOnlyList<TimelineEvent> all = model.Chronology.Events;
        IReadOnlyList<TimelineEvent> events = year is { } only ? all.Where(e => e.Range.Start.Year == only).ToList() : all;
        IReadOnlyList<TimelineEvent> shown = yearUrl is null ? events : events.Where(e => e.Key).ToList();
        var marks = shown.Select(e => new AxisMark(e.Range, e.Key, links.Url(links.EventPath(e)), $"{When(e)}: {Shorten(e.Headline, 140)}")).ToList();
        string axisTitle = shown.Count == 0
            ? "No events yet"
            : $"The story at a glance: {shown.Count.ToString(CultureInfo.InvariantCulture)} {(yearUrl is null ? "" : "key ")}events, {When(shown[0])} to {When(shown[^1])}";

        var years = new ScriptArray();
        foreach (var yearEvents in events.GroupBy(e => e.Range.Start.Year).OrderBy(g => g.Key))
        {
            var coarse = yearEvents.Where(e => e.Range.Granularity < Granularity.Month).ToList();
            var months = new ScriptArray();
            foreach (var month in yearEvents.Where(e => e.Range.Granularity >= Granularity.Month).GroupBy(e => e.Range.Start.Month).OrderBy(g => g.Key))
            {
                var ym = new NodaTime.YearMonth(yearEvents.Key, month.Key);
                var monthEvents = month.ToList();
                months.Add(Group(new ScriptObject
                {
                    ["label"] = DateText.Month(ym),
                    ["id"] = $"m-{yearEvents.Key:D4}-{month.Key:D2}",
                    ["count"] = monthEvents.Count,
                }, monthEvents, yearEvents.Key));
            }

            var yearGroup = Group(new ScriptObject
            {
                ["label"] = yearEvents.Key.ToString(CultureInfo.InvariantCulture),
                ["id"] = $"y-{yearEvents.Key:D4}",
            }, coarse, yearEvents.Key);
            yearGroup["months"] = months;
            yearGroup["url"] = yearUrl?.Invoke(yearEvents.Key);
            yearGroup["count"] = yearEvents.Count();
            years.Add(yearGroup);
        }

        var participants = events
            .SelectMany(e => Participants(e).Distinct(StringComparer.Ordinal))
            .GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(60)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal);

        return new ScriptObject
        {
            ["axis"] = TimeAxis.Render(marks, axisTitle),
            ["years"] = years,
            ["participants"] = List(participants),
            ["event_count"] = events.Count,
            ["key_count"] = events.Count(e => e.Key),
            ["background_count"] = events.Count(e => !e.Key),
            ["scope"] = year?.ToString(CultureInfo.InvariantCulture),
            ["paged"] = yearUrl is not null,
            ["article_count"] = year is null ? model.Articles.Count : null,
        };
    }

    /// <summary>An event page: date, headline, participants, conflicts, every source with its highlighted quote.</summary>
    public ScriptObject Event(TimelineEvent e, TimelineEvent? previous, TimelineEvent? next, bool forRender = true)
    {
        var sources = new ScriptArray();
        foreach (EventMention m in e.Sources)
        {
            // What a source shows of its mention alone is known by digest after the first build; the link to its
            // article page depends on the site, so it is added every time.
            DigestedObject source = Local(remember, SourceDigests, m.Time, new SourceInputs(m.Source, m.Quote, m.QuoteStart, m.IsCaption), forRender, () => new DigestedObject
            {
                ["outlet"] = m.Source.Outlet,
                ["title"] = m.Source.Title,
                ["original_url"] = SafeHttpUrl(m.Source.Url),
                ["published"] = DateText.Published(m.Source.Published),
                ["published_iso"] = DateText.Iso(m.Source.Published.Date),
                ["quote_html"] = Highlighter.Quote(m),
                ["expression"] = m.Time.Text,
                ["value"] = m.Time.Value,
                ["resolution"] = DateText.Resolution(m.Time),
                ["explanation"] = $"“{m.Time.Text}”, in an article published {DateText.ShortDay(m.Source.Published.Date)} → {DateText.Resolution(m.Time)}",
                ["caption"] = m.IsCaption,
            });
            string? articlePath = links.ArticlePath(m.Source.ArticlePath);
            source["article_url"] = articlePath is null ? null : links.Url(articlePath);
            sources.Add(source);
        }

        var item = IndexItem(e);
        item["long_date"] = e.Range.Granularity >= Granularity.Day && e.Modifier == TimexMod.None ? DateText.LongDay(e.Range.Start) : When(e);
        item["precision"] = Precision(e.Range.Granularity);
        item["timex"] = e.Date + (e.Modifier.ToTimex() is { } mod ? " (" + mod + ")" : "");
        item["sources"] = sources;
        item["participant_list"] = List(Participants(e));
        item["happenings"] = Happenings(e);
        item["conflicts"] = List(e.Conflicts.Select(c => new ScriptObject
        {
            ["value"] = c.Value,
            ["note"] = c.Note,
            ["outlets"] = string.Join(", ", c.ArticlePaths.Select(OutletOf)),
        }));
        item["previous"] = previous is null ? null : Neighbour(previous);
        item["next"] = next is null ? null : Neighbour(next);
        return item;
    }

    /// <summary>An article page: cleaned stories with every expression marked, what cleaning removed, events cited.</summary>
    public ScriptObject Article(ArticleReport report, bool forRender = true)
    {
        Article a = report.Article;
        IReadOnlyList<(TimelineEvent Event, string StoryId)> storyEvents = _citations.Value.TryGetValue(a.Path, out var cited) ? cited : [];

        var stories = new ScriptArray();
        foreach (TaggedStory t in report.Stories)
        {
            Story s = t.Story;
            // The story's marked-up text is most of an article page's cost: known by digest after the first build.
            DigestedObject story = Local(remember, StoryDigests, t, t, forRender, () =>
            {
                Story told = t.Story;
                string heading = told.Sentences.FirstOrDefault(x => x.Kind == SentenceKind.Headline) is { } h
                    ? told.Text[h.Start..h.End].Trim()
                    : Shorten(told.Text.TrimStart(), 90);
                return new DigestedObject
                {
                    ["number"] = told.Index + 1,
                    ["anchor"] = "story-" + (told.Index + 1).ToString(CultureInfo.InvariantCulture),
                    ["heading"] = heading,
                    ["dateline"] = told.Dateline,
                    ["html"] = Highlighter.Paragraphs(told.Text, t.Mentions),
                    ["mention_count"] = t.Mentions.Count,
                };
            });
            story["events"] = List(storyEvents.Where(p => p.StoryId == s.Id).Select(p => p.Event).Distinct().Select(Neighbour));
            stories.Add(story);
        }

        var removed = report.Cleaned.Removed
            .GroupBy(r => r.Reason, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScriptObject
            {
                ["reason"] = g.Key,
                ["count"] = g.Count(),
                ["chars"] = g.Sum(r => r.End - r.Start),
            });

        var excluded = Excluded(report).Select(x => new ScriptObject { ["reason"] = x.Reason, ["count"] = x.Count });

        return new ScriptObject
        {
            ["title"] = a.Title,
            ["outlet"] = a.Source,
            ["author"] = a.Author,
            ["file"] = a.Path,
            ["published"] = DateText.Published(a.Published),
            ["published_iso"] = DateText.Iso(a.Published.Date),
            ["original_url"] = SafeHttpUrl(a.Url),
            ["stories"] = stories,
            ["story_count"] = report.Stories.Count,
            ["mention_count"] = report.Stories.Sum(t => t.Mentions.Count),
            ["removed"] = List(removed),
            ["removed_count"] = report.Cleaned.Removed.Count,
            ["removed_chars"] = report.Cleaned.Removed.Sum(r => r.End - r.Start),
            ["excluded"] = List(excluded),
            ["event_count"] = storyEvents.Select(p => p.Event).Distinct().Count(),
        };
    }

    /// <summary>
    /// Hashes into <paramref name="key"/> everything <see cref="Article"/> makes the page of <paramref name="report"/>
    /// from: the article's metadata, each story by the digest of what it shows (false, keying nothing, when a story's
    /// digest is not known yet), the events citing each story (link, headline, date), what cleaning removed and the
    /// statements left out. Equal keys mean equal data, so a page whose key is unchanged need not be made at all.
    /// </summary>
    /// <remarks>Must change whenever <see cref="Article"/>'s result may: a new input read there must be added here.</remarks>
    public bool ArticleInputs(ArticleReport report, PageFingerprint key)
    {
        if (OwnInputs(report, remember) is not { } own)
        {
            return false;
        }

        key.AddDigest(own);
        IReadOnlyList<(TimelineEvent Event, string StoryId)> cited = _citations.Value.TryGetValue(report.Article.Path, out var list) ? list : [];
        key.AddNumber(cited.Count);
        foreach ((TimelineEvent e, string storyId) in cited)
        {
            // Events are told apart by their page (a link is unique), as Distinct() tells them apart by value.
            (string url, string when) = TextOf(e);
            key.AddText(storyId);
            key.AddText(url);
            key.AddText(e.Headline);
            key.AddText(when);
        }

        foreach ((string reason, int count) in Excluded(report))
        {
            key.AddText(reason);
            key.AddNumber(count);
        }

        key.AddText(null);
        return true;
    }

    /// <summary>
    /// The digest of everything an event's index item (<see cref="IndexItem"/>: also the head of its page) is made of
    /// besides the site's links: the event as the exports see it (<paramref name="digest"/>, its <see cref="EventDigest"/>:
    /// date, headline, key flag, sources' articles and outlets, happenings, conflicts, its unique slug) and the
    /// participants each source names (an event without its own participants lists theirs). Made once per event and build.
    /// </summary>
    /// <remarks>Must change whenever <see cref="IndexItem"/>'s result may: a new input read there must be added here.</remarks>
    public static UInt128 ItemDigest(TimelineEvent e, UInt128 digest)
    {
        using var key = new PageFingerprint();
        key.AddDigest(digest);
        key.AddNumber(e.Sources.Count);
        foreach (EventMention m in e.Sources)
        {
            key.AddNumber(m.Participants.Count);
            foreach (string p in m.Participants)
            {
                key.AddText(p);
            }
        }

        return key.Digest();
    }

    /// <summary>
    /// Hashes into <paramref name="key"/> everything <see cref="Event"/> makes the page of <paramref name="e"/> from: the
    /// event's item (<paramref name="item"/>, its <see cref="ItemDigest"/>), per source the digest of what it shows and its article page,
    /// the outlets of conflicting articles, and the neighbours' links, headlines and dates. False,
    /// keying nothing, when a source's digest is not known yet.
    /// </summary>
    /// <remarks>Must change whenever <see cref="Event"/>'s result may: a new input read there must be added here.</remarks>
    public bool EventInputs(TimelineEvent e, UInt128 item, TimelineEvent? previous, TimelineEvent? next, PageFingerprint key)
    {
        key.AddDigest(item);
        key.AddNumber(e.Sources.Count);
        foreach (EventMention m in e.Sources)
        {
            if (!SourceDigests.TryGetValue(m.Time, out Known<SourceInputs>? known) || !known.Inputs.Equals(new SourceInputs(m.Source, m.Quote, m.QuoteStart, m.IsCaption)))
            {
                return false;
            }

            key.AddDigest(known.Digest);
            // The article page's slug: its path is "articles/SLUG/" (or none).
            key.AddText(links.ArticleSlug(m.Source.ArticlePath));
        }

        foreach (DateConflict c in e.Conflicts)
        {
            key.AddNumber(c.ArticlePaths.Count);
            foreach (string path in c.ArticlePaths)
            {
                key.AddText(OutletOf(path));
            }
        }

        foreach (TimelineEvent? neighbour in (ReadOnlySpan<TimelineEvent?>)[previous, next])
        {
            if (neighbour is null)
            {
                key.AddText(null);
                continue;
            }

            (string url, string when) = TextOf(neighbour);
            key.AddText(url);
            key.AddText(neighbour.Headline);
            key.AddText(when);
        }

        return true;
    }

    /// <summary>
    /// The digest of what an article page shows of its report alone: the article's metadata, each story by the digest
    /// of what it shows, and what cleaning removed; null while a story's digest is not known yet. Remembered per
    /// article object (the in-memory cache keeps it, its cleaned text and its stories from build to build), and made
    /// again when the report holds other cleaned text or stories.
    /// </summary>
    private static UInt128? OwnInputs(ArticleReport report, bool remember)
    {
        if (OwnDigests.TryGetValue(report.Article, out KnownOwn? own) && ReferenceEquals(own.Cleaned, report.Cleaned) && ReferenceEquals(own.Stories, report.Stories))
        {
            return own.Digest;
        }

        using var key = new PageFingerprint();
        Article a = report.Article;
        key.AddText(a.Title);
        key.AddText(a.Source);
        key.AddText(a.Author);
        key.AddText(a.Path);
        key.AddText(DateText.Published(a.Published));
        key.AddText(DateText.Iso(a.Published.Date));
        key.AddText(a.Url);
        key.AddNumber(report.Stories.Count);
        foreach (TaggedStory t in report.Stories)
        {
            // Known only once the story was made in full (by a build that rendered the page): the digest of its members.
            if (!StoryDigests.TryGetValue(t, out Known<TaggedStory>? known) || !known.Inputs.Equals(t))
            {
                return null;
            }

            key.AddDigest(known.Digest);
            key.AddText(t.Story.Id);
            key.AddNumber(t.Mentions.Count);
        }

        key.AddNumber(report.Cleaned.Removed.Count);
        foreach (var r in report.Cleaned.Removed)
        {
            key.AddText(r.Reason);
            key.AddNumber(r.End - r.Start);
        }

        UInt128 digest = key.Digest();
        if (remember)
        {
            OwnDigests.AddOrUpdate(report.Article, new KnownOwn(report.Cleaned, report.Stories, digest));
        }

        return digest;
    }

    /// <summary>The report parts an <see cref="OwnInputs"/> digest was made from (compared by reference: immutable records).</summary>
    private sealed record KnownOwn(CleanedArticle Cleaned, IReadOnlyList<TaggedStory> Stories, UInt128 Digest);

    private static readonly ConditionalWeakTable<Article, KnownOwn> OwnDigests = new();

    /// <summary>
    /// Hashes into <paramref name="key"/> everything <see cref="Index"/> makes the page of one year of a paged index
    /// from: the items of the year's events in order (<paramref name="items"/>, each event's <see cref="ItemDigest"/>,
    /// at <paramref name="indexes"/> into the chronology). The year, the page's links and titles are in the page's own key.
    /// </summary>
    /// <remarks>Must change whenever <see cref="Index"/>'s result for a year may: a new input read there must be added here.</remarks>
    public static bool YearInputs(IReadOnlyList<int> indexes, UInt128[] items, PageFingerprint key)
    {
        key.AddText("paged year");
        key.AddNumber(indexes.Count);
        foreach (int i in indexes)
        {
            key.AddDigest(items[i]);
        }

        return true;
    }

    /// <summary>The statements of an article left out of the timeline, counted by reason, most frequent first.</summary>
    /// <remarks>
    /// A statement left out both when extracted and when merged counts once (equal by value, as records compare). The
    /// set hashes a statement by a few of its members (equal statements have them equal), so telling them apart compares
    /// whole statements only when those members collide, not every statement's every member as its own hash would.
    /// </remarks>
    private List<(string Reason, int Count)> Excluded(ArticleReport report)
    {
        HashSet<ExcludedMention>? seen = null;
        Dictionary<string, int>? counts = null;
        void Count(ExcludedMention x)
        {
            seen ??= new HashSet<ExcludedMention>(ExcludedComparer.Instance);
            counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (seen.Add(x))
            {
                counts[x.Reason] = counts.GetValueOrDefault(x.Reason) + 1;
            }
        }

        foreach (StoryEvents se in report.Events)
        {
            foreach (ExcludedMention x in se.Excluded)
            {
                Count(x);
            }
        }

        foreach (ExcludedMention x in _excluded.Value[report.Article.Path])
        {
            Count(x);
        }

        if (counts is null)
        {
            return [];
        }

        var result = counts.Select(p => (p.Key, p.Value)).ToList();
        result.Sort((x, y) => x.Value != y.Value ? y.Value.CompareTo(x.Value) : string.CompareOrdinal(x.Key, y.Key));
        return result;
    }

    /// <summary>Record equality, with a hash of members that equal statements share (reason, quote position and length).</summary>
    private sealed class ExcludedComparer : IEqualityComparer<ExcludedMention>
    {
        public static readonly ExcludedComparer Instance = new();

        public bool Equals(ExcludedMention? x, ExcludedMention? y) => EqualityComparer<ExcludedMention>.Default.Equals(x, y);

        public int GetHashCode(ExcludedMention x) => HashCode.Combine(x.Reason.Length, x.Mention.QuoteStart, x.Mention.SentenceIndex, x.Mention.Quote.Length);
    }

    /// <summary>
    /// The members of a page object made from <paramref name="input"/> alone (an immutable record): for rendering, or
    /// the first time, made in full and their digest remembered per input object; otherwise only the digest (an
    /// incomplete object, enough for the page's fingerprint). Members added after this are hashed one by one. The digest
    /// is remembered only when <paramref name="remember"/> (it is part of the page's fingerprint either way).
    /// </summary>
    private static DigestedObject Local<TKey, TInputs>(bool remember, ConditionalWeakTable<TKey, Known<TInputs>> digests, TKey key, TInputs inputs, bool forRender, Func<DigestedObject> make)
        where TKey : class
        where TInputs : notnull
    {
        if (!forRender && digests.TryGetValue(key, out Known<TInputs>? known) && known.Inputs.Equals(inputs))
        {
            return new DigestedObject { Digest = known.Digest, Complete = false };
        }

        DigestedObject made = make();
        if (PageFingerprint.DigestOf(made) is { } digest)
        {
            if (remember)
            {
                digests.AddOrUpdate(key, new Known<TInputs>(inputs, digest));
            }

            made.Digest = digest;
            made.DigestedCount = made.Count;
        }

        return made;
    }

    /// <summary>The digest of what was made from an input object, and the other values it was made from.</summary>
    private sealed record Known<TInputs>(TInputs Inputs, UInt128 Digest);

    /// <summary>What an event page shows of one source besides its expression (the key): compared by value.</summary>
    private readonly record struct SourceInputs(SourceInfo Source, string Quote, int QuoteStart, bool Caption);

    /// <summary>Whether page data holds everything a template may read (no member known only by digest).</summary>
    public static bool IsComplete(object? value) => value switch
    {
        DigestedObject { Complete: false } => false,
        RawHtml html => !ReferenceEquals(html, RawHtml.Deferred),
        ScriptArray array => array.All(IsComplete),
        ScriptObject obj => obj.Values.All(IsComplete),
        _ => true,
    };

    // Keyed by immutable records that the in-memory article cache keeps from build to build (a merge makes new
    // mentions every build, but keeps their expressions).
    private static readonly ConditionalWeakTable<TaggedStory, Known<TaggedStory>> StoryDigests = new();

    private static readonly ConditionalWeakTable<TemporalMention, Known<SourceInputs>> SourceDigests = new();

    /// <summary>The sources index: every article, by publication date.</summary>
    public ScriptArray Sources()
    {
        // Sorted by (instant, path) through an index array: each article's instant made once.
        IReadOnlyList<ArticleReport> articles = model.Articles;
        var instants = new NodaTime.Instant[articles.Count];
        var order = new int[articles.Count];
        for (int i = 0; i < order.Length; i++)
        {
            instants[i] = articles[i].Article.Published.Published.ToInstant();
            order[i] = i;
        }

        // Stable as OrderBy/ThenBy: ties keep input order.
        Array.Sort(order, (x, y) =>
            instants[x] != instants[y] ? instants[x].CompareTo(instants[y])
            : string.CompareOrdinal(articles[x].Article.Path, articles[y].Article.Path) is var byPath and not 0 ? byPath
            : x.CompareTo(y));
        var rows = new ScriptArray(order.Length);
        foreach (int i in order)
        {
            ArticleReport r = articles[i];
            (int stories, int mentions) = _counts[i];
            rows.Add(new ScriptObject(8)
            {
                ["title"] = r.Article.Title,
                ["outlet"] = r.Article.Source,
                ["url"] = links.ArticleUrl(r.Article.Path),
                ["published"] = DateText.Published(r.Article.Published),
                ["published_iso"] = DateText.Iso(r.Article.Published.Date),
                ["story_count"] = stories,
                ["mention_count"] = mentions,
                ["event_count"] = CitingEventCount(r.Article.Path),
            });
        }

        return rows;
    }

    /// <summary>How many events cite the article at <paramref name="articlePath"/>.</summary>
    public int CitingEventCount(string articlePath)
    {
        if (!_citations.Value.TryGetValue(articlePath, out var cited))
        {
            return 0;
        }

        if (cited.Count == 1)
        {
            return 1;
        }

        var events = new HashSet<TimelineEvent>(cited.Count, EventComparer.Instance);
        foreach ((TimelineEvent e, _) in cited)
        {
            events.Add(e);
        }

        return events.Count;
    }

    /// <summary>Record equality (as Distinct() compares events), hashed by id alone: equal events have equal ids, and hashing every member of an event is most of the cost.</summary>
    private sealed class EventComparer : IEqualityComparer<TimelineEvent>
    {
        public static readonly EventComparer Instance = new();

        public bool Equals(TimelineEvent? x, TimelineEvent? y) => EqualityComparer<TimelineEvent>.Default.Equals(x, y);

        public int GetHashCode(TimelineEvent e) => string.GetHashCode(e.Id, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> IndexOutlets(IReadOnlyList<ArticleReport> reports)
    {
        var index = new Dictionary<string, string>(reports.Count, StringComparer.Ordinal);
        foreach (ArticleReport r in reports)
        {
            index.TryAdd(r.Article.Path, r.Article.Source);
        }

        return index;
    }

    private static (int Stories, int Mentions)[] CountStories(IReadOnlyList<ArticleReport> reports)
    {
        var counts = new (int Stories, int Mentions)[reports.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            int mentions = 0;
            foreach (TaggedStory t in reports[i].Stories)
            {
                mentions += t.Mentions.Count;
            }

            counts[i] = (reports[i].Stories.Count, mentions);
        }

        return counts;
    }

    /// <summary>Build figures for the methodology page.</summary>
    public ScriptObject Figures() => new()
    {
        ["articles"] = model.Articles.Count,
        ["stories"] = _counts.Sum(c => c.Stories),
        ["expressions"] = _counts.Sum(c => c.Mentions),
        ["mentions"] = model.Chronology.Events.Sum(e => e.Sources.Count),
        ["events"] = model.Chronology.Events.Count,
        ["key_events"] = model.Chronology.Events.Count(e => e.Key),
        ["excluded"] = model.Chronology.Excluded.Count,
    };

    /// <summary>How an event's date reads: "24 January 2026", "early January 2026", "2011".</summary>
    public static string When(TimelineEvent e) => DateText.Format(e.Date, e.Modifier, e.Range);

    /// <summary>The participants of an event: its own list, else those named in its sources, most cited first.</summary>
    public static IReadOnlyList<string> Participants(TimelineEvent e) => e.Participants.Count > 0
        ? e.Participants
        : e.Sources.SelectMany(m => m.Participants)
            .GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();

    /// <summary>How many different articles an event cites.</summary>
    public static int SourceCount(TimelineEvent e) => e.Sources.Select(m => m.Source.ArticlePath).Distinct(StringComparer.Ordinal).Count();

    /// <summary>An http(s) URL as given, or null for anything else (javascript:, data:, relative…).</summary>
    public static string? SafeHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>Cuts text at a word boundary to at most <paramref name="max"/> characters, adding an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        // The text's words joined by single spaces, made only as far as the cut needs (max + 1 characters): a
        // story's first line is cut from its whole text, which may be thousands of words long.
        var flat = new System.Text.StringBuilder(Math.Min(text.Length, max + 1));
        int i = 0;
        while (flat.Length <= max)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (flat.Length > 0)
            {
                flat.Append(' ');
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]) && flat.Length <= max)
            {
                flat.Append(text[i++]);
            }
        }

        if (flat.Length <= max)
        {
            return flat.ToString();
        }

        string head = flat.ToString();
        int cut = head.LastIndexOf(' ', max - 1);
        return head[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    private ScriptObject IndexItem(TimelineEvent e)
    {
        IReadOnlyList<string> participants = Participants(e);
        var outlets = e.Sources.Select(m => m.Source.Outlet).Distinct(StringComparer.Ordinal).ToList();
        int count = SourceCount(e);
        (string url, string when) = TextOf(e);
        var also = e.Happenings.Skip(1).Select(h => h.Headline).ToList();
        return new ScriptObject
        {
            ["id"] = e.Id,
            ["anchor"] = "e-" + links.EventSlug(e),
            ["url"] = url,
            ["headline"] = e.Headline,
            ["date_text"] = when,
            ["datetime"] = DateText.HtmlDateTime(e.Date, e.Range),
            ["key"] = e.Key,
            ["source_count"] = count,
            ["source_label"] = DateText.Count(count, "source"),
            ["outlets"] = string.Join(", ", outlets),
            ["participants"] = string.Join(", ", participants),
            ["participants_data"] = string.Join("|", participants),
            ["search_text"] = string.Join(' ', [e.Headline, .. also, .. participants, .. outlets, when]).ToLowerInvariant(),
            ["conflict"] = e.Conflicts.Count > 0,
            ["conflict_note"] = string.Join("; ", e.Conflicts.Select(c => c.Note)),
            ["also"] = List(also),
        };
    }

    /// <summary>A day's happenings for its page: the headline of each, whether it is key, and the outlets that report it.</summary>
    private static ScriptArray Happenings(TimelineEvent e) => List(e.Happenings.Select(h =>
    {
        var outlets = h.Sources.Select(m => m.Source.Outlet).Distinct(StringComparer.Ordinal).ToList();
        return new ScriptObject
        {
            ["id"] = h.Id,
            ["headline"] = h.Headline,
            ["key"] = h.Key,
            ["outlets"] = string.Join(", ", outlets),
            ["source_label"] = DateText.Count(outlets.Count, "outlet"),
        };
    }));

    private static Dictionary<string, List<(TimelineEvent Event, string StoryId)>> IndexCitations(IReadOnlyList<TimelineEvent> events)
    {
        var citations = new Dictionary<string, List<(TimelineEvent Event, string StoryId)>>(StringComparer.Ordinal);
        foreach (TimelineEvent e in events)
        {
            foreach (EventMention m in e.Sources)
            {
                if (!citations.TryGetValue(m.Source.ArticlePath, out var list))
                {
                    citations[m.Source.ArticlePath] = list = [];
                }

                list.Add((e, m.StoryId));
            }
        }

        return citations;
    }

    private ScriptObject Neighbour(TimelineEvent e)
    {
        (string url, string when) = TextOf(e);
        return new()
        {
            ["url"] = url,
            ["headline"] = e.Headline,
            ["date_text"] = when,
        };
    }

    /// <summary>An event's page link and date text, made once per build.</summary>
    private (string Url, string When) TextOf(TimelineEvent e) => _eventTexts.GetOrAdd(e, x => (links.Url(links.EventPath(x)), When(x)));

    private string OutletOf(string articlePath) =>
        _outlets.Value.TryGetValue(articlePath, out string? outlet) ? outlet : articlePath;

    private static string Precision(Granularity g) => g switch
    {
        >= Granularity.Day => "day",
        Granularity.None => "none",
        _ => g.ToString().ToLowerInvariant(),
    };

    private static ScriptArray List<T>(IEnumerable<T> items)
    {
        var array = new ScriptArray();
        foreach (T item in items)
        {
            array.Add(item);
        }

        return array;
    }
}
