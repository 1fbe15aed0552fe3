using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using Timeline.Core;
using Timeline.Core.Diagnostics;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using Timeline.Site.Cache;
using Timeline.Site.Corrections;
using Timeline.Site.Loading;
using Timeline.Site.Rendering;

namespace Timeline.Site.Pipeline;

/// <summary>
/// The build pipeline: Load → Clean → Tag → Extract per article (independent, run in parallel),
/// then Merge → Order → Render → Write for the whole site.
/// </summary>
public sealed class SiteBuilder
{
    private readonly ITemporalTagger _tagger;

    /// <summary>One article cache per cache folder, kept across builds (so a reused builder rebuilds from memory).</summary>
    private readonly ConcurrentDictionary<string, ArticleCache> _caches = new(StringComparer.Ordinal);

    /// <summary>What this builder last wrote to each output folder.</summary>
    private readonly ConcurrentDictionary<string, OutputState> _outputs = new(StringComparer.Ordinal);

    public SiteBuilder(ITemporalTagger? tagger = null) => _tagger = tagger ?? TemporalTagger.Default;

    /// <summary>
    /// Builds and, unless the build failed, writes the site to <see cref="BuildOptions.OutputDir"/>. Pages are rendered
    /// straight into a staging folder (so the site is never held in memory whole) and only pages whose data changed
    /// since the last write are rendered; nothing reaches the output folder before every file is made (see <see cref="OutputState"/>).
    /// </summary>
    public BuildResult Build(BuildOptions options)
    {
        Prepared prepared = Prepare(options);
        if (!prepared.Result.Succeeded)
        {
            return Finish(prepared, prepared.Renderer.Render(prepared.Model));
        }

        // One state per output folder for this builder; a new builder (a new `timeline build`) reads it from the cache folder.
        string output = Path.GetFullPath(options.OutputDir).TrimEnd(Path.DirectorySeparatorChar);
        string? stateFile = prepared.Cache?.Directory is { } cacheDir ? OutputState.StateFileFor(cacheDir, output) : null;
        OutputState state = _outputs.GetOrAdd($"{output}\n{stateFile}", _ => new OutputState(stateFile));
        lock (state)
        {
            using OutputSession session = state.Begin(output);
            // Only a builder's in-memory article cache hands the next build the same report objects, so only then is
            // what their pages were made from worth remembering (without a cache, the next build's reports are new).
            // A report whose article page is made is read after only for its article's metadata: its stories (their
            // text is most of a large site's memory), cleaning and extraction are let go as rendering goes on (the
            // events keep the mentions they cite; a cache keeps whole reports for the next build).
            ArticleReport[] reports = prepared.Reports;
            IReadOnlyList<SiteFile> files = prepared.Renderer.Render(prepared.Model, session, options.Progress, remember: prepared.Cache is not null, pageMade: i => reports[i] = AfterPage(reports[i]));
            prepared.Timings.Lap("render");
            options.Progress?.Report(new BuildProgress("write", 0, 0));
            int written = session.Commit();
            prepared.Timings.Lap("write");
            return Finish(prepared, files) with { FilesWritten = written, PagesReused = session.Reused };
        }
    }

    /// <summary>
    /// Tells the builder that <paramref name="file"/> changed (a file watcher saw it): the next build reads and hashes it
    /// even if its size and last-write time look unchanged (see <see cref="ArticleCache.TryGetUnchanged"/>).
    /// </summary>
    public void InputChanged(string file)
    {
        string full = Path.GetFullPath(file);
        foreach (ArticleCache cache in _caches.Values)
        {
            cache.Forget(full);
        }
    }

    /// <summary>Runs every stage but writes nothing.</summary>
    public BuildResult Render(BuildOptions options)
    {
        Prepared prepared = Prepare(options);
        return Finish(prepared, prepared.Renderer.Render(prepared.Model));
    }

    private BuildResult Finish(Prepared prepared, IReadOnlyList<SiteFile> files)
    {
        if (prepared.Timings.Laps.Count == 3)
        {
            prepared.Timings.Lap("render");
        }

        prepared.Cache?.Prune();
        return prepared.Result with { Files = files, StageTimings = prepared.Timings.Laps };
    }

    /// <summary>Load → Merge, the renderer, and the result without files.</summary>
    private Prepared Prepare(BuildOptions options)
    {
        var timings = new StageTimer(options.MemoryProbe);
        var diagnostics = new List<Diagnostic>();
        options.Progress?.Report(new BuildProgress("load", 0, 0));
        (SiteConfig config, IReadOnlyList<Diagnostic> configDiagnostics) = SiteConfigLoader.Load(options.InputDir);
        diagnostics.AddRange(configDiagnostics);
        int loadDiagnosticsAt = diagnostics.Count;

        (IReadOnlyList<EventCorrection> corrections, IReadOnlyList<Diagnostic> correctionDiagnostics) = CorrectionsLoader.Load(options.InputDir);
        diagnostics.AddRange(correctionDiagnostics);
        var eventOptions = new EventOptions(config.Topic) { Corrections = corrections, SiteZone = config.TimeZone };
        timings.Lap("load");
        ArticleCache? cache = CacheFor(options);
        // The cache key's settings: what extraction reads. Corrections apply after merging, so editing them never re-tags.
        string settings = $"{config.TimeZone.Id}\n{eventOptions.ExtractionKey}";
        var counters = new ArticleCounters(0, options.Progress);
        // Strings and term lists repeated across articles are kept once (for this stage only: the pool itself is let go after it).
        SharedValues? shared = new();
        // Each article is processed as soon as it is loaded and its raw text dropped: a large input is never in memory whole.
        // With a cache, a file whose stamp has not changed since this builder read it is not even read (see ArticleCache.TryGetUnchanged).
        (IReadOnlyList<Processed> processed, IReadOnlyList<Diagnostic> loadDiagnostics) = ArticleLoader.LoadDirectory(
            options.InputDir,
            config,
            article => ProcessCached(article, eventOptions, cache, settings, counters, shared),
            cache is null ? null : new UnchangedArticles(cache, settings, counters));
        shared = null;
        diagnostics.InsertRange(loadDiagnosticsAt, loadDiagnostics);
        ArticleReport[] reports = [.. processed.Select(p => p.Report)];
        int reused = processed.Count(p => p.Reused);
        // From here on only reports: ForPages lightens them after the merge.
        processed = [];
        timings.Lap("articles");
        CompactAfterLargeStage(reports.Length - reused);
        options.Progress?.Report(new BuildProgress("merge", 0, 0));
        diagnostics.AddRange(reports.SelectMany(r => r.Cleaned.Diagnostics));

        Chronology chronology = EventPipeline.Build(reports.SelectMany(r => r.Events), eventOptions);
        diagnostics.AddRange(chronology.Diagnostics);
        int eventMentions = reports.Sum(r => r.Events.Sum(e => e.Mentions.Count));
        ForPages(reports);
        timings.Lap("merge");
        CompactAfterLargeStage(reports.Length - reused);
        options.Progress?.Report(new BuildProgress("render", 0, chronology.Events.Count));
        var model = new SiteModel(config, chronology, reports, diagnostics);
        string themeDir = ResolveTheme(options, config.Theme);
        var renderer = new SiteRenderer(themeDir, options.InputDir, config.Theme) { PagedIndexAbove = options.PagedIndexAbove ?? SiteRenderer.DefaultPagedIndexAbove };

        bool failed = options.Strict && diagnostics.Any(d => d.Severity == Severity.Error);
        var result = new BuildResult(
            !failed,
            reports.Length,
            reports.Sum(r => r.Stories.Count),
            reports.Sum(r => r.Stories.Sum(s => s.Mentions.Count)),
            eventMentions,
            chronology.Events.Count,
            chronology.Excluded.Count,
            diagnostics,
            [])
        {
            ArticlesProcessed = reports.Length - reused,
            ArticlesReused = reused,
        };
        return new Prepared(model, renderer, cache, timings, result, reports);
    }

    /// <summary>
    /// After merging, each report keeps of its extraction only what its article page shows: the statements left out
    /// (reasons). Its mentions, anchored statements and story terms were read by the merge, and the events keep the
    /// mentions they cite; without a cache (which keeps whole reports for the next build) the rest is let go before
    /// rendering: ~3 KB per article.
    /// </summary>
    private static void ForPages(ArticleReport[] reports)
    {
        for (int i = 0; i < reports.Length; i++)
        {
            ArticleReport r = reports[i];
            reports[i] = r with { Events = [.. r.Events.Select(e => new StoryEvents(e.StoryId, [], e.Excluded))] };
        }
    }

    /// <summary>A report as the rest of the build reads it once its article page is made: the article's metadata alone.</summary>
    private static ArticleReport AfterPage(ArticleReport report) =>
        report with { Cleaned = report.Cleaned with { Stories = [], Removed = [], Diagnostics = [] }, Stories = [], Events = [] };

    /// <summary>Load → Merge's result: the model (whose articles are <paramref name="Reports"/>), the renderer, the cache, the timings and the result without files.</summary>
    private sealed record Prepared(SiteModel Model, SiteRenderer Renderer, ArticleCache? Cache, StageTimer Timings, BuildResult Result, ArticleReport[] Reports);

    /// <summary>
    /// The cached result of the per-article stages, or a fresh one (then cached); either way without the article's raw
    /// text, which nothing after extraction reads (pages show the cleaned stories), so a large site does not keep it.
    /// </summary>
    private Processed ProcessCached(Article article, EventOptions eventOptions, ArticleCache? cache, string settings, ArticleCounters counters, SharedValues? shared)
    {
        string? key = cache?.KeyFor(article, settings);
        if (key is not null && cache!.TryGet(key, article, out ArticleReport cached))
        {
            return new(counters.Count(WithoutRawText(cached), reused: true), true, key);
        }

        ArticleReport report = Compact(WithoutRawText(Process(article, eventOptions)), shared);
        if (key is not null)
        {
            cache!.Put(key, report);
        }

        return new(counters.Count(report, reused: false), false, key);
    }

    /// <summary>One article's result in a build: its report, whether it came from the cache, and its cache key (null without a cache).</summary>
    private readonly record struct Processed(ArticleReport Report, bool Reused, string? Key);

    /// <summary>The loader's view of the cache's file stamps: an unchanged file's report is reused without reading the file.</summary>
    private sealed class UnchangedArticles(ArticleCache cache, string settings, ArticleCounters counters) : IUnchangedFiles<Processed>
    {
        public bool TryReuse(string file, FileStamp stamp, out Article article, out Processed item, out IReadOnlyList<Diagnostic> diagnostics)
        {
            if (cache.TryGetUnchanged(file, stamp, settings, out ArticleReport report, out diagnostics))
            {
                article = report.Article;
                item = new Processed(counters.Count(report, reused: true), true, null);
                return true;
            }

            (article, item) = (null!, default);
            return false;
        }

        public void Loaded(string file, FileStamp stamp, Processed item, IReadOnlyList<Diagnostic> diagnostics)
        {
            if (item.Key is not null)
            {
                cache.RememberUnchanged(file, stamp, settings, item.Key, item.Report, diagnostics);
            }
        }
    }

    /// <summary>The report with its article's body, raw body and body map dropped (the article keeps its metadata and content hash).</summary>
    internal static ArticleReport WithoutRawText(ArticleReport report)
    {
        Article light = report.Article with { Body = "", RawBody = null, BodyMap = null };
        return report with { Article = light, Cleaned = report.Cleaned with { Article = light } };
    }

    /// <summary>
    /// A freshly processed report as a large site keeps it until rendering (and the cache for later builds): each story's
    /// terms in an array of their exact number (a list grown term by term holds up to twice the room), and a mention's
    /// clause or headline that is its whole sentence as the sentence's string, story texts as UTF-8. With <paramref name="shared"/>, the strings
    /// and term lists of mentions and stories that other reports of the build repeat (wire copies, follow-ups) become one
    /// instance each. Same values, less memory.
    /// </summary>
    internal static ArticleReport Compact(ArticleReport report, SharedValues? shared = null)
    {
        var events = new StoryEvents[report.Events.Count];
        for (int i = 0; i < events.Length; i++)
        {
            StoryEvents s = report.Events[i];
            events[i] = s with
            {
                Terms = shared?.Share(s.Terms) ?? (s.Terms is string[] ? s.Terms : [.. s.Terms]),
                Mentions = Compact(s.Mentions, shared),
                Anchored = Compact(s.Anchored, shared),
                Excluded = s.Excluded.Select(x => Compact(x.Mention, shared) is var m && ReferenceEquals(m, x.Mention) ? x : x with { Mention = m }).ToArray(),
            };
        }

        // Story texts as UTF-8 (the cleaned article and its tagged stories share each story, so both get the compact one).
        var stories = new TaggedStory[report.Stories.Count];
        for (int i = 0; i < stories.Length; i++)
        {
            TaggedStory t = report.Stories[i];
            stories[i] = t.Story.HasCompactText ? t : t with { Story = t.Story.WithCompactText() };
        }

        var cleaned = report.Cleaned.Stories.Count == stories.Length && report.Cleaned.Stories.Select((s, i) => ReferenceEquals(s, report.Stories[i].Story)).All(x => x)
            ? report.Cleaned with { Stories = [.. stories.Select(t => t.Story)] }
            : report.Cleaned with { Stories = [.. report.Cleaned.Stories.Select(s => s.WithCompactText())] };
        return report with { Cleaned = cleaned, Stories = stories, Events = events };
    }

    private static EventMention[] Compact(IReadOnlyList<EventMention> mentions, SharedValues? shared)
    {
        var result = new EventMention[mentions.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Compact(mentions[i], shared);
        }

        return result;
    }

    private static EventMention Compact(EventMention m, SharedValues? shared)
    {
        if (shared is not null)
        {
            string quote = shared.Share(m.Quote);
            return m with
            {
                Quote = quote,
                Clause = string.Equals(m.Clause, m.Quote, StringComparison.Ordinal) ? quote : shared.Share(m.Clause),
                Headline = string.Equals(m.Headline, m.Quote, StringComparison.Ordinal) ? quote : shared.Share(m.Headline),
                Participants = shared.Share(m.Participants),
                QuoteTerms = shared.Share(m.QuoteTerms),
                ContextTerms = shared.Share(m.ContextTerms),
            };
        }

        bool clause = !ReferenceEquals(m.Clause, m.Quote) && string.Equals(m.Clause, m.Quote, StringComparison.Ordinal);
        bool headline = !ReferenceEquals(m.Headline, m.Quote) && string.Equals(m.Headline, m.Quote, StringComparison.Ordinal);
        return clause || headline ? m with { Clause = clause ? m.Quote : m.Clause, Headline = headline ? m.Quote : m.Headline } : m;
    }

    private ArticleCache? CacheFor(BuildOptions options)
    {
        if (options.NoCache)
        {
            return null;
        }

        string dir = Path.GetFullPath(options.CacheDir ?? ArticleCache.DefaultDirectoryFor(options.InputDir));
        return _caches.GetOrAdd(dir, d => new ArticleCache(d, $"{EngineVersion.Value}|{_tagger.GetType().FullName}|{_tagger.GetType().Assembly.ManifestModule.ModuleVersionId:N}"));
    }

    /// <summary>The per-article stages; pure, so their result can be cached by content hash.</summary>
    internal ArticleReport Process(Article article, EventOptions eventOptions)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(article);
        var source = SourceInfo.From(article);
        var tagged = cleaned.Stories
            .Select(story => new TaggedStory(source, story, _tagger.Tag(story.Text, DatelineZone.ForStory(article.Published, story.Dateline, eventOptions.SiteZone))))
            .ToList();
        var events = tagged.Select(t => EventPipeline.Extract(t, eventOptions)).ToList();
        return new ArticleReport(article, cleaned, tagged, events);
    }

    private static string ResolveTheme(BuildOptions options, string theme)
    {
        string[] candidates =
        [
            .. options.ThemesDir is null ? Array.Empty<string>() : [Path.Combine(options.ThemesDir, theme)],
            Path.Combine(options.InputDir, "themes", theme),
            Path.Combine(options.InputDir, "..", "themes", theme),
            Path.Combine(AppContext.BaseDirectory, "themes", theme),
        ];
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"Theme '{theme}' not found; looked in: {string.Join(", ", candidates)}");
    }

    /// <summary>Counts processed and reused articles from the parallel stage, and reports progress.</summary>
    private sealed class ArticleCounters(int total, IProgress<BuildProgress>? progress)
    {
        private int _processed;
        private int _reused;

        public int Processed => _processed;

        public int Reused => _reused;

        public ArticleReport Count(ArticleReport report, bool reused)
        {
            int done = reused ? Interlocked.Increment(ref _reused) + _processed : Interlocked.Increment(ref _processed) + _reused;
            progress?.Report(new BuildProgress("articles", done, total));
            return report;
        }
    }

    /// <summary>Articles processed (not reused) from which a build is large enough to compact the heap between stages.</summary>
    internal const int CompactFromArticles = 20_000;

    /// <summary>
    /// After a stage that processed <paramref name="processedArticles"/> articles, one full compacting collection when that is
    /// many: the stage's garbage (the shared-string pool, each article's working copies) is otherwise still in the heap while
    /// the next stage allocates its own, and the peak is the sum. Measured at 100,000 articles (see README, Performance); a
    /// rebuild that reuses its articles (preview) never pays it.
    /// </summary>
    private static void CompactAfterLargeStage(int processedArticles)
    {
        if (processedArticles >= CompactFromArticles)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>Times consecutive stages.</summary>
    private sealed class StageTimer(Bench.MemoryProbe? probe)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<StageTiming> _laps = [];
        private TimeSpan _cpu = Cpu();

        public IReadOnlyList<StageTiming> Laps => _laps;

        public void Lap(string stage)
        {
            TimeSpan cpu = Cpu();
            _laps.Add(new StageTiming(stage, _clock.Elapsed) { Cpu = cpu - _cpu });
            // A probe's full collection is not part of the next stage's time.
            probe?.Stage(stage);
            _cpu = probe is null ? cpu : Cpu();
            _clock.Restart();
        }

        private static TimeSpan Cpu()
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }
}
