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
        SiteLinks links = SiteLinks.For(model);
        var data = new PageData(model, links);
        var files = new List<SiteFile>();
        var pages = new List<SitemapEntry>();

        void AddPage(string directory, string layout, string title, ScriptObject extra, NodaTime.LocalDate? lastModified)
        {
            string path = directory.Length == 0 ? "index.html" : directory + "index.html";
            files.Add(RenderPage(path, layout, model, links, directory, title, extra));
            pages.Add(new SitemapEntry(directory, lastModified));
        }

        NodaTime.LocalDate? latest = Latest(model.Articles.Select(r => r.Article.Published.Date));
        AddPage("", "index", model.Config.Title, new ScriptObject { ["index"] = data.Index() }, latest);

        IReadOnlyList<TimelineEvent> events = model.Chronology.Events;
        for (int i = 0; i < events.Count; i++)
        {
            TimelineEvent e = events[i];
            var page = new ScriptObject { ["event"] = data.Event(e, i > 0 ? events[i - 1] : null, i + 1 < events.Count ? events[i + 1] : null) };
            AddPage(links.EventPath(e), "event", $"{PageData.Shorten(e.Headline, 90)} ({PageData.When(e)})", page,
                Latest(e.Sources.Select(m => m.Source.Published.Date)));
        }

        foreach (ArticleReport report in model.Articles)
        {
            if (links.ArticlePath(report.Article.Path) is { } articlePath && !pages.Any(p => p.Path == articlePath))
            {
                AddPage(articlePath, "article", report.Article.Title, new ScriptObject { ["article"] = data.Article(report) }, report.Article.Published.Date);
            }
        }

        AddPage("sources/", "sources", "Sources", new ScriptObject { ["sources"] = data.Sources() }, latest);
        AddPage("methodology/", "methodology", "How this timeline is made", new ScriptObject { ["figures"] = data.Figures() }, null);
        files.Add(RenderPage("404.html", "404", model, links, "404.html", "Page not found", []));

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

    private SiteFile RenderPage(string outputPath, string layout, SiteModel model, SiteLinks links, string pagePath, string title, ScriptObject extra)
    {
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
        globals.Import("asset", new Func<string, string>(name => links.Url(_assets.PathOf(name))));
        globals.Import("url", new Func<string, string>(links.Url));
        foreach ((string key, object? value) in extra)
        {
            globals[key] = value;
        }

        HtmlTemplateContext context = _templates.NewContext();
        context.PushGlobal(globals);
        Template template = _templates.Layout(layout);
        string html = template.Render(context);
        return new SiteFile(outputPath, Encoding.UTF8.GetBytes(html));
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
