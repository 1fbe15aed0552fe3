using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Timeline.Site.Tests.Rendering;

/// <summary>The pages of the test site, checked as parsed HTML: structure, content, precision, links under the base path.</summary>
public sealed class SitePagesTest
{
    private const string BasePath = "/sub/";

    private static readonly IReadOnlyDictionary<string, string> Site = TestSite.Render(BasePath);

    public static TheoryData<string> Pages => new(Site.Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    [Fact]
    public void EveryPageKindIsBuilt()
    {
        Assert.Contains("index.html", Site.Keys);
        Assert.Contains("404.html", Site.Keys);
        Assert.Contains("sources/index.html", Site.Keys);
        Assert.Contains("methodology/index.html", Site.Keys);
        Assert.Equal(7, Site.Keys.Count(k => k.StartsWith("events/", StringComparison.Ordinal)));
        Assert.Equal(2, Site.Keys.Count(k => k.StartsWith("articles/", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void PageIsWellFormedHtml5WithLandmarks(string path)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message + " at " + ((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position);
        IHtmlDocument doc = parser.ParseDocument(Site[path]);

        Assert.Empty(errors);
        Assert.Equal("html", doc.Doctype?.Name);
        Assert.False(string.IsNullOrWhiteSpace(doc.DocumentElement.GetAttribute("lang")));
        Assert.Single(doc.QuerySelectorAll("main#main"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.NotNull(doc.QuerySelector("header.site-header nav[aria-label]"));
        Assert.NotNull(doc.QuerySelector("footer"));
        IElement skip = doc.QuerySelector("body > a.skip-link")!;
        Assert.Equal("#main", skip.GetAttribute("href"));
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // No external requests: every script and stylesheet is a local asset.
        Assert.All(doc.QuerySelectorAll("script[src], link[rel=stylesheet]"), e =>
            Assert.StartsWith(BasePath + "assets/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryInternalLinkRespectsTheBaseAndResolves(string path)
    {
        IHtmlDocument doc = new HtmlParser().ParseDocument(Site[path]);
        foreach (string href in doc.QuerySelectorAll("a[href], link[href], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
        {
            if (href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith('#'))
            {
                continue;
            }

            Assert.StartsWith(BasePath, href, StringComparison.Ordinal);
            string target = href[BasePath.Length..].Split('#')[0];
            string file = target.Length == 0 || target.EndsWith('/') ? target + "index.html" : target;
            Assert.True(Site.ContainsKey(file), $"{path}: link {href} has no file {file}");
        }
    }

    [Fact]
    public void IndexGroupsByYearAndMonthAtTruePrecision()
    {
        IHtmlDocument doc = new HtmlParser().ParseDocument(Site["index.html"]);
        Assert.Equal(["2010", "2011", "2025", "2026"], doc.QuerySelectorAll("section.year > h3").Select(h => h.TextContent));
        Assert.Equal(["October 2025", "January 2026"], doc.QuerySelectorAll("section.month > h4").Select(h => h.TextContent));
        var dates = doc.QuerySelectorAll("li.event .when").Select(e => e.TextContent.Trim()).ToList();
        // Within a month the key events come first; background events follow in their <details>.
        Assert.Equal(["the 2010s", "2011", "October 2025", "early January 2026", "24 January 2026", "28 January 2026", "week of 19 January 2026"], dates);
        Assert.Equal("2025-10", doc.QuerySelector("li.event time[datetime='2025-10']")?.GetAttribute("datetime"));
    }

    [Fact]
    public void KeyEventsAreProminentAndBackgroundEventsAreInDetails()
    {
        IHtmlDocument doc = new HtmlParser().ParseDocument(Site["index.html"]);
        Assert.All(doc.QuerySelectorAll("li.event.key"), li => Assert.Null(li.Closest("details")));
        Assert.All(doc.QuerySelectorAll("li.event.background"), li => Assert.NotNull(li.Closest("details")));
        Assert.Equal(3, doc.QuerySelectorAll("li.event.key").Length);
        // Badges: source count, and the conflict marker.
        IElement early = doc.QuerySelector("#e-2026-01-fighting-breaks-out")!;
        Assert.Equal("1 source", early.QuerySelector(".badge.sources")?.TextContent);
        Assert.NotNull(early.QuerySelector(".badge.conflict"));
    }

    [Fact]
    public void IndexAxisHasALinkedLabelledMarkPerEvent()
    {
        IHtmlDocument doc = new HtmlParser().ParseDocument(Site["index.html"]);
        IElement svg = doc.QuerySelector("svg.axis")!;
        Assert.Equal("group", svg.GetAttribute("role"));
        Assert.NotNull(doc.GetElementById(svg.GetAttribute("aria-labelledby")!));
        var marks = svg.QuerySelectorAll("a").ToList();
        Assert.Equal(7, marks.Count);
        Assert.All(marks, a => Assert.False(string.IsNullOrWhiteSpace(a.GetAttribute("aria-label"))));
        Assert.Equal(3, svg.QuerySelectorAll("circle.mark-key").Length);
        // Key marks are drawn larger.
        Assert.True(double.Parse(svg.QuerySelector("circle.mark-key")!.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture) >
                    double.Parse(svg.QuerySelector("circle.mark-bg")!.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(marks, a => a.GetAttribute("aria-label")!.StartsWith("24 January 2026: The four-day truce expires", StringComparison.Ordinal));
    }

    [Fact]
    public void EventPageShowsEachSourceWithHighlightedExpressionAndResolution()
    {
        IHtmlDocument doc = new HtmlParser().ParseDocument(Site["events/2026-01-24-truce-expires/index.html"]);
        Assert.Equal("The four-day truce expires", doc.QuerySelector("h1")?.TextContent);
        Assert.Equal("Saturday 24 January 2026", doc.QuerySelector(".when time")?.TextContent);
        Assert.Equal("Saturday", doc.QuerySelector("blockquote mark")?.TextContent);
        Assert.Contains("“Saturday”, in an article published Wed 28 Jan 2026 → Sat 24 Jan 2026", doc.QuerySelector(".resolution")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Associated Press", doc.QuerySelector("figcaption")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["SDF"], doc.QuerySelectorAll(".participants-list li").Select(li => li.TextContent));
    }

    [Fact]
    public void ConflictsAreListedOnTheEventPage()
    {
        IHtmlDocument doc = new HtmlParser().ParseDocument(Site["events/2026-01-fighting-breaks-out/index.html"]);
        Assert.Contains("one source says 5 January", doc.QuerySelector("section.conflicts")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticlePageHighlightsEveryExpressionAndSummarisesCleaning()
    {
        string path = Site.Keys.Single(k => k.StartsWith("articles/2026-01-28-", StringComparison.Ordinal));
        IHtmlDocument doc = new HtmlParser().ParseDocument(Site[path]);
        Assert.Equal(["Saturday", "October 2025", "early this month", "2011", "the week of Jan. 19, 2026", "the 2010s"],
            doc.QuerySelectorAll(".story-text mark").Select(m => m.TextContent));
        Assert.Equal(" [Sat 24 Jan 2026]", doc.QuerySelector(".story-text .resolved")?.TextContent);
        Assert.Equal(["navigation: 2 (60 characters)", "script or style: 1 (120 characters)"], doc.QuerySelectorAll("ul.removed li").Select(li => li.TextContent));
        Assert.Equal(["caption: 1"], doc.QuerySelectorAll("ul.excluded li").Select(li => li.TextContent));
        Assert.Equal(6, doc.QuerySelectorAll(".story-text p").Length);
    }
}
