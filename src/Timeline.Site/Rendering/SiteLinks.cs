using Timeline.Core.Events;
using Timeline.Core.Text;

namespace Timeline.Site.Rendering;

/// <summary>
/// Every URL of a site: the base path from site.yml <c>base_url</c> ("/" or "/timeline/"), the absolute base when
/// <c>base_url</c> names a host (needed by the sitemap and the feed), and the stable, sanitised, unique slugs of
/// event and article pages ("events/2026-01-28-al-sharaa-visits-moscow/").
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
public sealed class SiteLinks
{
    private readonly Dictionary<TimelineEvent, string> _events;
    private readonly Dictionary<string, string> _articles;

    private SiteLinks(string basePath, Uri? absoluteBase, Dictionary<TimelineEvent, string> events, Dictionary<string, string> articles)
    {
        BasePath = basePath;
        AbsoluteBase = absoluteBase;
        _events = events;
        _articles = articles;
    }

    /// <summary>The root path every link starts with; begins and ends with '/'.</summary>
    public string BasePath { get; }

    /// <summary>The absolute base URL ("https://example.org/timeline/") when site.yml gives one, else null.</summary>
    public Uri? AbsoluteBase { get; }

    /// <summary>Builds the links of a site: slugs in chronological (events) and input (articles) order.</summary>
    public static SiteLinks For(SiteModel model)
    {
        (string basePath, Uri? absolute) = ParseBase(model.Config.BaseUrl);

        var events = model.Chronology.Events;
        IReadOnlyList<string> eventSlugs = Slugs.MakeUnique(events.Select(e =>
            Slugs.Sanitize(e.Slug.Length > 0 ? e.Slug : e.Id, $"{e.Date}-event")));
        var eventMap = new Dictionary<TimelineEvent, string>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < events.Count; i++)
        {
            eventMap[events[i]] = eventSlugs[i];
        }

        var articles = model.Articles.Select(r => r.Article).ToList();
        IReadOnlyList<string> articleSlugs = Slugs.MakeUnique(articles.Select(BaseSlug));
        var articleMap = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++)
        {
            articleMap.TryAdd(articles[i].Path, articleSlugs[i]);
        }

        return new SiteLinks(basePath, absolute, eventMap, articleMap);
    }

    /// <summary>The site-relative path of an event page ("events/SLUG/").</summary>
    public string EventPath(TimelineEvent e) => $"events/{EventSlug(e)}/";

    /// <summary>The sanitised, unique slug of an event.</summary>
    public string EventSlug(TimelineEvent e) =>
        _events.TryGetValue(e, out string? slug) ? slug : Slugs.Sanitize(e.Slug.Length > 0 ? e.Slug : e.Id, "event");

    /// <summary>The site-relative path of an article page ("articles/SLUG/"), or null for an article not in the site.</summary>
    public string? ArticlePath(string articlePath) =>
        _articles.TryGetValue(articlePath, out string? slug) ? $"articles/{slug}/" : null;

    /// <summary>The slug of an article's page (its path is "articles/SLUG/"), or null for an article not in the site.</summary>
    internal string? ArticleSlug(string articlePath) => _articles.GetValueOrDefault(articlePath);

    /// <summary>The link to an article's page (<c>Url(ArticlePath(articlePath))</c>), or null for an article not in the site.</summary>
    internal string? ArticleUrl(string articlePath) =>
        _articles.TryGetValue(articlePath, out string? slug) ? string.Concat(BasePath, "articles/", slug, "/") : null;

    /// <summary>A link to a site-relative path ("events/x/" → "/timeline/events/x/").</summary>
    public string Url(string relative) => BasePath + relative.TrimStart('/');

    /// <summary>An absolute URL for a site-relative path when the base is absolute, else the rooted path.</summary>
    public string AbsoluteOrRooted(string relative) =>
        AbsoluteBase is null ? Url(relative) : new Uri(AbsoluteBase, relative.TrimStart('/')).AbsoluteUri;

    /// <summary>
    /// Normalises site.yml <c>base_url</c>: "", "/" → "/"; "timeline" or "/timeline" → "/timeline/";
    /// "https://example.org/t" → ("/t/", absolute). Dot segments are resolved, so the base never climbs out of the root.
    /// </summary>
    public static (string BasePath, Uri? Absolute) ParseBase(string? baseUrl)
    {
        string raw = (baseUrl ?? "").Trim();
        if (Uri.TryCreate(raw, UriKind.Absolute, out Uri? abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
        {
            var builder = new UriBuilder(abs) { Query = "", Fragment = "" };
            if (!builder.Path.EndsWith('/'))
            {
                builder.Path += "/";
            }

            Uri normalised = builder.Uri;
            return (normalised.AbsolutePath, normalised);
        }

        string path = raw.Replace('\\', '/');
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal))
        {
            path = "/";
        }

        var resolved = new Uri(new Uri("http://base.invalid/"), path.Trim('/').Length == 0 ? "/" : "/" + path.Trim('/') + "/");
        return (resolved.AbsolutePath, null);
    }

    /// <summary>
    /// An article's slug before it is made unique: from its date, title and file name alone, so made once per article
    /// object (the in-memory cache keeps articles from build to build) instead of once per build.
    /// </summary>
    private static string BaseSlug(Article a) => BaseSlugs.GetValue(a, MakeBaseSlug);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Article, string> BaseSlugs = new();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Article, string>.CreateValueCallback MakeBaseSlug = a =>
        Slugs.Sanitize($"{DateText.Iso(a.Published.Date)}-{TitleWords(a.Title)}", Path.GetFileNameWithoutExtension(a.Path));

    private static string TitleWords(string title) =>
        string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8));
}
