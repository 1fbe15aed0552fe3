using System.Text;
using Scriban;
using Scriban.Runtime;
using Timeline.Core;
using Timeline.Core.Events;
using Timeline.Site.Exports;

namespace Timeline.Site.Rendering;

/// <summary>
/// Renders a <see cref="SiteModel"/> with a theme into site files: the timeline index, one page per event and per
/// article, the sources index, the methodology page, 404.html, the fingerprinted assets and every export
/// (events.json, timeline.json, events.ics, feed.xml, sitemap.xml, robots.txt).
/// Templates and assets are read and parsed once, when the renderer is made (once per build).
/// </summary>
/// <remarks>A renderer can render several models; each page gets its own template context.</remarks>
public sealed class SiteRenderer
{
    /// <summary>The layouts every theme provides (a site may override any of them).</summary>
    public static readonly IReadOnlyList<string> RequiredLayouts = ["index", "event", "article", "sources", "methodology", "404"];

    /// <summary>
    /// Above this many events the index is paged: it lists the key events, and one page per year
    /// (<c>years/YYYY/</c>, same layout) lists every event of the year. Below it, one page lists everything.
    /// </summary>
    public int PagedIndexAbove { get; init; } = DefaultPagedIndexAbove;

    /// <summary>The default of <see cref="PagedIndexAbove"/>.</summary>
    public const int DefaultPagedIndexAbove = 1000;

    private readonly ThemeTemplates _templates;
    private readonly ThemeAssets _assets;

    /// <summary>A renderer for a theme folder alone.</summary>
    public SiteRenderer(string themeDir)
        : this(ThemeFiles.ForTheme(themeDir))
    {
    }

    /// <summary>A renderer for a theme folder with the overrides of <paramref name="siteDir"/> (see <see cref="ThemeFiles"/>).</summary>
    public SiteRenderer(string themeDir, string? siteDir, string? themeName)
        : this(ThemeFiles.Locate(themeDir, siteDir, themeName))
    {
    }

    /// <summary>A renderer for a theme lookup; parses every template and reads every asset now.</summary>
    public SiteRenderer(ThemeFiles files)
    {
        _templates = new ThemeTemplates(files);
        var missing = RequiredLayouts.Where(l => !_templates.HasLayout(l)).ToList();
        if (missing.Count > 0)
        {
            throw new ThemeException(missing.Select(l => $"Layout '{l}' not found; looked in: {string.Join(", ", files.SearchFolders(ThemeFileKind.Layout))}").ToList());
        }

        _assets = ThemeAssets.Load(files);
    }

    public IReadOnlyList<SiteFile> Render(SiteModel model) => Render(model, MemoryOutput.Instance, null);

    /// <summary>
    /// Renders every file of <paramref name="model"/> into <paramref name="output"/>, pages in parallel; a page whose
    /// fingerprint <paramref name="output"/> already holds is not rendered again. Returns the files in a fixed order
    /// (index, events, articles, sources, methodology, 404, assets, exports).
    /// </summary>
    internal IReadOnlyList<SiteFile> Render(SiteModel model, ISiteOutput output, IProgress<Pipeline.BuildProgress>? progress)
    {
        var page = new PageRenderer(this, model);
        PageData data = page.Data;
        SiteLinks links = page.Links;
        RenderMemo? memo = output.Memo;
        memo?.Begin($"{EngineVersion.Value}|{typeof(SiteRenderer).Assembly.ManifestModule.ModuleVersionId:N}|{links.BasePath}|{links.AbsoluteBase}|{model.Config.Title}|{model.Config.Topic}|{model.Config.Description}|{model.Config.Language}");
        // Every event's digest (see EventDigest) and item digest (see PageData.ItemDigest), made once when first needed:
        // by the exports, and the event and year pages' keys.
        var eventKeys = new Lazy<(UInt128[] Digests, UInt128[] Items)>(() => EventKeys(model, links));
        var eventDigests = new Lazy<UInt128[]>(() => eventKeys.Value.Digests);
        var jobs = new List<Func<SiteFile>>();
        var pages = new List<SitemapEntry>();
        var pagePaths = new HashSet<string>(StringComparer.Ordinal);

        // A page: its data is made when the job runs (in parallel); fingerprinted pages whose data the output already
        // rendered are reused; finish adds markup rendered from that data (so it is part of the fingerprint's input).
        // The data is first made for the fingerprint only (extra(false): costly parts known by digest, lists' markup
        // deferred), and made again in full (extra(true)) only when the page is rendered and that data was incomplete.
        // A page with inputs (see PageData.ArticleInputs) whose key is as the last committed build had it is not even made:
        // its data, so its fingerprint, would be the same, and the output hands back the page written from it.
        void AddPage(string directory, string layout, string title, Func<bool, ScriptObject> extra, NodaTime.LocalDate? lastModified, bool fingerprinted = true, Action<ScriptObject>? finish = null, Func<PageFingerprint, bool>? inputs = null)
        {
            string path = directory.Length == 0 ? "index.html" : directory + "index.html";
            jobs.Add(() =>
            {
                bool keyed = memo is not null && fingerprinted && inputs is not null;
                UInt128? inputKey = keyed ? page.InputKey(layout, directory, title, inputs!) : null;
                if (inputKey is { } known && memo!.TryGetPage(path, known, out string knownFingerprint) && output.Reuse(path, knownFingerprint) is { } same)
                {
                    memo.PutPage(path, known, knownFingerprint);
                    return same;
                }

                ScriptObject values = extra(!fingerprinted);
                string? fingerprint = fingerprinted ? page.Fingerprint(layout, directory, title, values) : null;
                // Keyed once the data was made (parts of the key, such as a story's digest, are known only then).
                if (keyed && fingerprint is not null && (inputKey ?? page.InputKey(layout, directory, title, inputs!)) is { } key)
                {
                    memo!.PutPage(path, key, fingerprint);
                }

                if (fingerprint is not null && output.Reuse(path, fingerprint) is { } reused)
                {
                    return reused;
                }

                if (fingerprinted && !PageData.IsComplete(values))
                {
                    values = extra(true);
                }

                finish?.Invoke(values);
                return output.Add(page.Render(path, layout, directory, title, values, fingerprint));
            });
            pages.Add(new SitemapEntry(directory, lastModified));
            pagePaths.Add(directory);
        }

        bool paged = model.Chronology.Events.Count > PagedIndexAbove;
        Func<int, string>? yearUrl = paged ? year => links.Url(YearPath(year)) : null;
        NodaTime.LocalDate? latest = Latest(model.Articles.Select(r => r.Article.Published.Date));
        // The index and the sources list change with every article: rendered every time, their long lists in parallel.
        AddPage("", "index", model.Config.Title, _ => new ScriptObject { ["index"] = data.Index(items => page.RenderEach("", "index", model.Config.Title, "event-item", "e", items), yearUrl: yearUrl) }, latest, fingerprinted: false);
        if (paged)
        {
            // A large site: the index lists key events; each year's page lists all of that year's events (keyed by their items).
            var years = new SortedDictionary<int, List<int>>();
            for (int i = 0; i < model.Chronology.Events.Count; i++)
            {
                int year = model.Chronology.Events[i].Range.Start.Year;
                if (!years.TryGetValue(year, out List<int>? indexes))
                {
                    years[year] = indexes = [];
                }

                indexes.Add(i);
            }

            foreach ((int year, List<int> indexes) in years)
            {
                string directory = YearPath(year);
                string title = $"{year.ToString(System.Globalization.CultureInfo.InvariantCulture)} — {model.Config.Title}";
                AddPage(directory, "index", title, full => new ScriptObject { ["index"] = data.Index(items => full ? page.RenderEach(directory, "index", title, "event-item", "e", items) : RawHtml.Deferred, year) }, latest, inputs: key => PageData.YearInputs(indexes, eventKeys.Value.Items, key));
            }
        }

        IReadOnlyList<TimelineEvent> events = model.Chronology.Events;
        for (int i = 0; i < events.Count; i++)
        {
            TimelineEvent e = events[i];
            int index = i;
            TimelineEvent? previous = i > 0 ? events[i - 1] : null;
            TimelineEvent? next = i + 1 < events.Count ? events[i + 1] : null;
            string title = $"{PageData.Shorten(e.Headline, 90)} ({PageData.When(e)})";
            string eventPath = links.EventPath(e);
            AddPage(
                eventPath,
                "event",
                title,
                full => new ScriptObject { ["event"] = data.Event(e, previous, next, full) },
                Latest(e.Sources.Select(m => m.Source.Published.Date)),
                finish: values =>
                {
                    var item = (ScriptObject)values["event"]!;
                    item["sources_html"] = page.RenderEach(eventPath, "event", title, "event-source", "s", ((ScriptArray)item["sources"]!).Cast<ScriptObject>().ToList());
                },
                inputs: key => data.EventInputs(e, eventKeys.Value.Items[index], previous, next, key));
        }

        foreach (ArticleReport report in model.Articles)
        {
            if (links.ArticlePath(report.Article.Path) is { } articlePath && !pagePaths.Contains(articlePath))
            {
                AddPage(articlePath, "article", report.Article.Title, full => new ScriptObject { ["article"] = data.Article(report, full) }, report.Article.Published.Date, inputs: key => data.ArticleInputs(report, key));
            }
        }

        // The sources page lists every article: rendered every time, straight to its file, its rows made a few chunks at a
        // time as the page is written (a large site's list is never in memory whole, as text or as bytes).
        jobs.Add(() =>
        {
            ScriptArray sources = data.Sources();
            object sourceRows = page.StreamEach("sources/", "sources", "Sources", "source-row", "s", sources.Cast<ScriptObject>().ToList());
            var values = new ScriptObject { ["sources"] = sources, ["source_rows"] = sourceRows };
            return output.Add("sources/index.html", stream => page.RenderTo(stream, "sources", "sources/", "Sources", values));
        });
        pages.Add(new SitemapEntry("sources/", latest));
        pagePaths.Add("sources/");
        AddPage("methodology/", "methodology", "How this timeline is made", _ => new ScriptObject { ["figures"] = data.Figures() }, null);
        jobs.Add(() =>
        {
            string? fingerprint = page.Fingerprint("404", "404.html", "Page not found", []);
            return (fingerprint is null ? null : output.Reuse("404.html", fingerprint))
                ?? output.Add(page.Render("404.html", "404", "404.html", "Page not found", [], fingerprint));
        });

        foreach (SiteFile asset in _assets.Files)
        {
            jobs.Add(() => output.Add(asset));
        }

        // Exports are joined from per-event fragments; those of events unchanged since the last build are read back from its files.
        // Each is written straight to the output as it is joined: never a whole export in memory.
        var exports = new ExportContext(model, links, memo, eventDigests) { Previous = output.OpenPrevious };
        jobs.Add(() => output.Add(EventsJson.FileName, stream => EventsJson.Write(exports, stream)));
        jobs.Add(() => output.Add(TimelineJsJson.FileName, stream => TimelineJsJson.Write(exports, stream)));
        jobs.Add(() => output.Add(EventsCalendar.FileName, stream => EventsCalendar.Write(exports, stream)));
        jobs.Add(() => output.Add(AtomFeed.FileName, stream => AtomFeed.Write(exports, stream)));
        jobs.Add(() => output.Add(Sitemap.Write(links, pages)));
        jobs.Add(() => output.Add(Sitemap.WriteRobots(links)));
        jobs.Add(() => output.Add(Sitemap.WriteHeaders(links)));

        // The slow jobs (index, sources, exports) are spread between the page jobs by PLINQ's chunking; results keep job order.
        int done = 0;
        try
        {
            return jobs
                .AsParallel().AsOrdered()
                .WithDegreeOfParallelism(Environment.ProcessorCount)
                .Select(job =>
                {
                    SiteFile file = job();
                    progress?.Report(new Pipeline.BuildProgress("render", Interlocked.Increment(ref done), jobs.Count));
                    return file;
                })
                .ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first failure as if rendering were sequential: callers catch ThemeException, ScriptRuntimeException….
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>
    /// Renders the pages of one model: the globals every page shares (site settings, the <c>asset</c> and <c>url</c>
    /// functions) are made once; each page gets fresh globals and a fresh context over the theme's shared builtins.
    /// </summary>
    private sealed class PageRenderer
    {
        private readonly SiteRenderer _renderer;
        private readonly SiteModel _model;
        private readonly IScriptCustomFunction _asset;
        private readonly IScriptCustomFunction _url;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ScriptObject> _sites = new(StringComparer.Ordinal);

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, UInt128> _layoutKeys = new(StringComparer.Ordinal);

        // Engine, code and theme: what every page's fingerprint starts with.
        private readonly string _siteKey;

        public PageRenderer(SiteRenderer renderer, SiteModel model)
        {
            _renderer = renderer;
            _model = model;
            Links = SiteLinks.For(model);
            Data = new PageData(model, Links);
            SiteLinks links = Links;
            _asset = DynamicCustomFunction.Create(new Func<string, string>(name => links.Url(renderer._assets.PathOf(name))));
            _url = DynamicCustomFunction.Create(new Func<string, string>(links.Url));
            _siteKey = $"{EngineVersion.Value}|{typeof(SiteRenderer).Assembly.ManifestModule.ModuleVersionId:N}|{renderer._templates.Fingerprint}|{string.Join(",", renderer._assets.Files.Select(f => f.Path))}";
        }

        public SiteLinks Links { get; }

        public PageData Data { get; }

        /// <summary>
        /// The fingerprint of a page: engine, theme, the site-wide values its layout may read, and its own data
        /// (see <see cref="PageFingerprint"/>); null when the data holds a value that cannot be hashed.
        /// </summary>
        public string? Fingerprint(string layout, string pagePath, string title, ScriptObject extra) =>
            PageFingerprint.Of(_siteKey, layout, Site(layout), Page(layout, pagePath, title), extra);

        /// <summary>
        /// The key of everything a page's fingerprint is made from when its own data is made from what
        /// <paramref name="inputs"/> hashes: engine, code, theme, the layout's site values, links, the page's path and
        /// title; null when <paramref name="inputs"/> cannot key the data (a part not known yet).
        /// </summary>
        public UInt128? InputKey(string layout, string pagePath, string title, Func<PageFingerprint, bool> inputs)
        {
            using var key = new PageFingerprint();
            key.AddDigest(_layoutKeys.GetOrAdd(layout, MakeLayoutKey));
            key.AddText(pagePath);
            key.AddText(title);
            return inputs(key) ? key.Digest() : null;
        }

        private UInt128 MakeLayoutKey(string layout)
        {
            using var key = new PageFingerprint();
            key.AddText(_siteKey);
            key.AddText(layout);
            key.Add(Site(layout));
            key.AddText(Links.BasePath);
            key.AddText(Links.AbsoluteBase?.AbsoluteUri);
            key.AddText(Links.AbsoluteOrRooted(""));
            return key.Digest();
        }

        public SiteFile Render(string outputPath, string layout, string pagePath, string title, ScriptObject extra, string? fingerprint = null)
        {
            // The page is written into a pooled buffer and encoded once (Render's returned string is empty: see TextSink).
            using var text = new TextSink();
            RenderInto(text, layout, pagePath, title, extra);
            return new SiteFile(outputPath, text.ToUtf8()) { Fingerprint = fingerprint };
        }

        /// <summary>Renders a page straight to <paramref name="stream"/> as UTF-8, a buffer at a time (see <see cref="StreamOutput"/>): the same bytes <see cref="Render"/> makes.</summary>
        public void RenderTo(Stream stream, string layout, string pagePath, string title, ScriptObject extra)
        {
            using StreamWriter writer = StreamOutput.Writer(stream);
            RenderInto(new TextWriterOutput(writer), layout, pagePath, title, extra);
            writer.Flush();
        }

        private void RenderInto(IScriptOutput output, string layout, string pagePath, string title, ScriptObject extra)
        {
            ScriptObject globals = Globals(layout, pagePath, title);
            foreach ((string key, object? value) in extra)
            {
                globals[key] = value;
            }

            ThemeTemplates templates = _renderer._templates;
            Template template = templates.Layout(layout);
            HtmlTemplateContext context = templates.RentContext();
            context.PushGlobal(globals);
            context.PushOutput(output);
            template.Render(context);
            templates.ReturnContext(context);
        }

        /// <summary>
        /// Renders partial <paramref name="partial"/> once per item, with the item as <paramref name="variable"/> and the
        /// globals of the page it goes into; each item between newlines, as a template loop body on its own lines writes it. One render per item gives each its own loop
        /// budget, so a page may list any number of items while templates keep Scriban's default limits.
        /// </summary>
        public RawHtml RenderEach(string pagePath, string layout, string title, string partial, string variable, IReadOnlyList<ScriptObject> items)
        {
            if (items.Count == 0)
            {
                return RawHtml.Empty;
            }

            (int chunks, Func<int, string> renderChunk) = Chunks(pagePath, layout, title, partial, variable, items);
            if (chunks == 1)
            {
                return new RawHtml(renderChunk(0));
            }

            string[] parts = new string[chunks];
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c => parts[c] = renderChunk(c));
            return new RawHtml(string.Concat(parts));
        }

        /// <summary>
        /// The markup <see cref="RenderEach"/> makes, as <see cref="StreamedHtml"/>: its chunks are rendered when the page
        /// is written and let go once written (for a page rendered straight to its file, see <see cref="RenderTo"/>).
        /// </summary>
        public object StreamEach(string pagePath, string layout, string title, string partial, string variable, IReadOnlyList<ScriptObject> items)
        {
            if (items.Count == 0)
            {
                return RawHtml.Empty;
            }

            (int chunks, Func<int, string> renderChunk) = Chunks(pagePath, layout, title, partial, variable, items);
            return new StreamedHtml(chunks, renderChunk);
        }

        /// <summary>How many chunks <paramref name="items"/> are rendered in, and the renderer of one chunk's markup.</summary>
        private (int Chunks, Func<int, string> Render) Chunks(string pagePath, string layout, string title, string partial, string variable, IReadOnlyList<ScriptObject> items)
        {
            Template template = _renderer._templates.Partial(partial)
                ?? throw new ThemeException([$"Partial '{partial}' not found; looked in: {string.Join(", ", _renderer._templates.Files.SearchFolders(ThemeFileKind.Partial))}"]);

            // Long lists (the index at 10,000 events) in parallel chunks, each with its own context, joined in order.
            const int ChunkSize = 256;
            ThemeTemplates templates = _renderer._templates;
            string RenderChunk(int chunk)
            {
                // The items are written straight into one buffer (Render's returned string is empty: see TextSink).
                ScriptObject globals = Globals(layout, pagePath, title);
                HtmlTemplateContext context = templates.RentContext();
                using var text = new TextSink();
                context.PushGlobal(globals);
                context.PushOutput(text);
                for (int i = chunk * ChunkSize; i < Math.Min(items.Count, (chunk + 1) * ChunkSize); i++)
                {
                    globals[variable] = items[i];
                    text.Append('\n');
                    template.Render(context);
                    text.Append('\n');
                }

                templates.ReturnContext(context);
                return text.ToText();
            }

            return ((items.Count + ChunkSize - 1) / ChunkSize, RenderChunk);
        }

        private ScriptObject Globals(string layout, string pagePath, string title)
        {
            // Each render gets its own copy of the site object (a template may assign to its members).
            ScriptObject shared = Site(layout);
            var site = new ScriptObject(shared.Count);
            foreach (KeyValuePair<string, object?> member in shared)
            {
                site[member.Key] = member.Value;
            }

            var globals = new ScriptObject { ["site"] = site, ["page"] = Page(layout, pagePath, title) };
            globals.SetValue("asset", _asset, readOnly: true);
            globals.SetValue("url", _url, readOnly: true);
            return globals;
        }

        /// <summary>
        /// The <c>site</c> object of a layout, made once per layout and model: hashed into fingerprints as it is, and
        /// copied for each render (never given to a template itself). The counts change with every article, so they go
        /// only to layouts whose text may read them: otherwise every page would differ after each new article and none
        /// could be reused.
        /// </summary>
        private ScriptObject Site(string layout) => _sites.GetOrAdd(layout, MakeSite);

        private ScriptObject MakeSite(string layout)
        {
            SiteModel model = _model;
            SiteLinks links = Links;
            var site = new ScriptObject
            {
                ["title"] = model.Config.Title,
                ["topic"] = model.Config.Topic,
                ["description"] = model.Config.Description,
                ["language"] = string.IsNullOrWhiteSpace(model.Config.Language) ? "en" : model.Config.Language,
                ["base_path"] = links.BasePath,
                ["home_url"] = links.Url(""),
                ["sources_url"] = links.Url("sources/"),
                ["methodology_url"] = links.Url("methodology/"),
                ["events_json_url"] = links.Url(EventsJson.FileName),
                ["timeline_json_url"] = links.Url(TimelineJsJson.FileName),
                ["ics_url"] = links.Url(EventsCalendar.FileName),
                ["feed_url"] = links.Url(AtomFeed.FileName),
            };
            if (_renderer._templates.MayReadSiteValue(layout, "event_count"))
            {
                site["event_count"] = model.Chronology.Events.Count;
            }

            if (_renderer._templates.MayReadSiteValue(layout, "article_count"))
            {
                site["article_count"] = model.Articles.Count;
            }

            return site;
        }

        private ScriptObject Page(string layout, string pagePath, string title) => new()
        {
            ["title"] = title,
            ["layout"] = layout,
            ["canonical"] = Links.AbsoluteOrRooted(pagePath),
            ["is_home"] = pagePath.Length == 0,
        };
    }

    /// <summary>Every event's digest (see <see cref="EventDigest"/>) and item digest (see <see cref="PageData.ItemDigest"/>), in chronology order, computed in parallel.</summary>
    private static (UInt128[] Digests, UInt128[] Items) EventKeys(SiteModel model, SiteLinks links)
    {
        IReadOnlyList<TimelineEvent> events = model.Chronology.Events;
        var digests = new UInt128[events.Count];
        var items = new UInt128[events.Count];
        Parallel.For(0, events.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            digests[i] = EventDigest.Of(events[i], links);
            items[i] = PageData.ItemDigest(events[i], digests[i]);
        });
        return (digests, items);
    }

    /// <summary>The site-relative path of a year's page of a paged index ("years/2024/").</summary>
    public static string YearPath(int year) => $"years/{year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}/";

    private static NodaTime.LocalDate? Latest(IEnumerable<NodaTime.LocalDate> dates)
    {
        NodaTime.LocalDate? latest = null;
        foreach (NodaTime.LocalDate d in dates)
        {
            if (latest is null || d > latest)
            {
                latest = d;
            }
        }

        return latest;
    }
}
