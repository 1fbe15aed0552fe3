using System.Text;
using Scriban;
using Scriban.Runtime;
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

    public IReadOnlyList<SiteFile> Render(SiteModel model)
    {
        var page = new PageRenderer(this, model);
        PageData data = page.Data;
        SiteLinks links = page.Links;
        var files = new List<SiteFile>();
        var pages = new List<SitemapEntry>();
        var pagePaths = new HashSet<string>(StringComparer.Ordinal);

        void AddPage(string directory, string layout, string title, ScriptObject extra, NodaTime.LocalDate? lastModified)
        {
            string path = directory.Length == 0 ? "index.html" : directory + "index.html";
            files.Add(page.Render(path, layout, directory, title, extra));
            pages.Add(new SitemapEntry(directory, lastModified));
            pagePaths.Add(directory);
        }

        NodaTime.LocalDate? latest = Latest(model.Articles.Select(r => r.Article.Published.Date));
        ScriptObject index = data.Index(items => page.RenderEach("", "index", model.Config.Title, "event-item", "e", items));
        AddPage("", "index", model.Config.Title, new ScriptObject { ["index"] = index }, latest);

        IReadOnlyList<TimelineEvent> events = model.Chronology.Events;
        for (int i = 0; i < events.Count; i++)
        {
            TimelineEvent e = events[i];
            ScriptObject item = data.Event(e, i > 0 ? events[i - 1] : null, i + 1 < events.Count ? events[i + 1] : null);
            string title = $"{PageData.Shorten(e.Headline, 90)} ({PageData.When(e)})";
            item["sources_html"] = page.RenderEach(links.EventPath(e), "event", title, "event-source", "s", ((ScriptArray)item["sources"]!).Cast<ScriptObject>().ToList());
            AddPage(links.EventPath(e), "event", title, new ScriptObject { ["event"] = item },
                Latest(e.Sources.Select(m => m.Source.Published.Date)));
        }

        foreach (ArticleReport report in model.Articles)
        {
            if (links.ArticlePath(report.Article.Path) is { } articlePath && !pagePaths.Contains(articlePath))
            {
                AddPage(articlePath, "article", report.Article.Title, new ScriptObject { ["article"] = data.Article(report) }, report.Article.Published.Date);
            }
        }

        ScriptArray sources = data.Sources();
        var sourceRows = page.RenderEach("sources/", "sources", "Sources", "source-row", "s", sources.Cast<ScriptObject>().ToList());
        AddPage("sources/", "sources", "Sources", new ScriptObject { ["sources"] = sources, ["source_rows"] = sourceRows }, latest);
        AddPage("methodology/", "methodology", "How this timeline is made", new ScriptObject { ["figures"] = data.Figures() }, null);
        files.Add(page.Render("404.html", "404", "404.html", "Page not found", []));

        files.AddRange(_assets.Files);
        files.Add(EventsJson.Write(model));
        files.Add(TimelineJsJson.Write(model, links));
        files.Add(EventsCalendar.Write(model, links));
        files.Add(AtomFeed.Write(model, links));
        files.Add(Sitemap.Write(links, pages));
        files.Add(Sitemap.WriteRobots(links));
        files.Add(Sitemap.WriteHeaders(links));
        return files;
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

        public PageRenderer(SiteRenderer renderer, SiteModel model)
        {
            _renderer = renderer;
            _model = model;
            Links = SiteLinks.For(model);
            Data = new PageData(model, Links);
            SiteLinks links = Links;
            _asset = DynamicCustomFunction.Create(new Func<string, string>(name => links.Url(renderer._assets.PathOf(name))));
            _url = DynamicCustomFunction.Create(new Func<string, string>(links.Url));
        }

        public SiteLinks Links { get; }

        public PageData Data { get; }

        public SiteFile Render(string outputPath, string layout, string pagePath, string title, ScriptObject extra)
        {
            ScriptObject globals = Globals(layout, pagePath, title);
            foreach ((string key, object? value) in extra)
            {
                globals[key] = value;
            }

            HtmlTemplateContext context = _renderer._templates.NewContext();
            context.PushGlobal(globals);
            string html = _renderer._templates.Layout(layout).Render(context);
            return new SiteFile(outputPath, Encoding.UTF8.GetBytes(html));
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

            Template template = _renderer._templates.Partial(partial)
                ?? throw new ThemeException([$"Partial '{partial}' not found; looked in: {string.Join(", ", _renderer._templates.Files.SearchFolders(ThemeFileKind.Partial))}"]);
            ScriptObject globals = Globals(layout, pagePath, title);
            HtmlTemplateContext context = _renderer._templates.NewContext();
            context.PushGlobal(globals);
            var html = new StringBuilder();
            foreach (ScriptObject item in items)
            {
                globals[variable] = item;
                html.Append('\n').Append(template.Render(context)).Append('\n');
            }

            return new RawHtml(html.ToString());
        }

        private ScriptObject Globals(string layout, string pagePath, string title)
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
                ["event_count"] = model.Chronology.Events.Count,
                ["article_count"] = model.Articles.Count,
            };
            var page = new ScriptObject
            {
                ["title"] = title,
                ["layout"] = layout,
                ["canonical"] = links.AbsoluteOrRooted(pagePath),
                ["is_home"] = pagePath.Length == 0,
            };

            var globals = new ScriptObject { ["site"] = site, ["page"] = page };
            globals.SetValue("asset", _asset, readOnly: true);
            globals.SetValue("url", _url, readOnly: true);
            return globals;
        }
    }

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
