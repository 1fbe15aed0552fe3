using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Timeline.Core.Events;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

/// <summary>
/// Sites far larger than Scriban's loop limit (1000 iterations, counted across nested loops) render whole with the
/// default theme, which keeps that limit. The models are built in C# from the test site, so the tests stay fast.
/// </summary>
public sealed class LargeSiteTest
{
    [Fact]
    public void AMonthWithThreeThousandEventsRendersEveryEvent()
    {
        // Given 3,000 day events in January 2026 (1,200 key, 1,800 background) besides the test site's own events;
        // they cite no article, so no article page lists thousands of events (this test is about the index).
        SiteModel model = TestSite.Model();
        TimelineEvent template = model.Chronology.Events.Single(e => e.Id == "2026-01-24-truce-expires");
        var crowd = Enumerable.Range(0, 3000).Select(i => template with
        {
            Id = $"crowd-{i:D4}",
            Slug = $"2026-01-{i % 28 + 1:D2}-crowd-{i:D4}",
            Headline = $"Crowd event {i:D4}",
            Range = TestSite.Day(2026, 1, i % 28 + 1),
            Date = $"2026-01-{i % 28 + 1:D2}",
            Key = i % 5 < 2,
            Sources = [],
        });
        var events = model.Chronology.Events.Concat(crowd).OrderBy(e => e.Range.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        int januaryKey = events.Count(e => IsJanuaryDay(e) && e.Key);
        int januaryBackground = events.Count(e => IsJanuaryDay(e) && !e.Key);
        model = model with { Chronology = model.Chronology with { Events = events } };

        // When it is rendered with one index page (no paging: the loop limit is what is tested).
        var files = new SiteRenderer(TestSite.ThemeDir) { PagedIndexAbove = int.MaxValue }.Render(model).ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content), StringComparer.Ordinal);

        // Then the January section lists every key event and every background event, and the page is complete.
        string index = files["index.html"];
        IElement january = new HtmlParser().ParseDocument(index).QuerySelector("section#m-2026-01")!;
        Assert.Equal(januaryKey, january.QuerySelectorAll("ol.key-events > li.event").Length);
        Assert.Equal(januaryBackground, january.QuerySelectorAll("details.background-events li.event").Length);
        Assert.Equal($"{januaryBackground} background events", january.QuerySelector("details.background-events > summary")!.TextContent);
        Assert.Contains($"id=\"e-2026-01-{2999 % 28 + 1:D2}-crowd-2999\"", index, StringComparison.Ordinal);
        Assert.EndsWith("</html>", index.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(events.Count, files.Keys.Count(k => k.StartsWith("events/", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnIndexOfMoreEventsThanThePagingLimitListsKeyEventsAndEachYearPageListsAll()
    {
        // Given 3,000 day events in January 2026 (1,200 key) and the test site's events of other years.
        SiteModel model = TestSite.Model();
        TimelineEvent template = model.Chronology.Events.Single(e => e.Id == "2026-01-24-truce-expires");
        var crowd = Enumerable.Range(0, 3000).Select(i => template with
        {
            Id = $"crowd-{i:D4}",
            Slug = $"2026-01-{i % 28 + 1:D2}-crowd-{i:D4}",
            Headline = $"Crowd event {i:D4}",
            Range = TestSite.Day(2026, 1, i % 28 + 1),
            Date = $"2026-01-{i % 28 + 1:D2}",
            Key = i % 5 < 2,
            Sources = [],
        });
        var events = model.Chronology.Events.Concat(crowd).OrderBy(e => e.Range.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        int januaryKey = events.Count(e => IsJanuaryDay(e) && e.Key);
        int januaryBackground = events.Count(e => IsJanuaryDay(e) && !e.Key);
        model = model with { Chronology = model.Chronology with { Events = events } };

        // When it is rendered with the default paging limit.
        var files = new SiteRenderer(TestSite.ThemeDir).Render(model).ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content), StringComparer.Ordinal);

        // Then the index lists January's key events and links to the 2026 page for the background ones,
        IElement january = new HtmlParser().ParseDocument(files["index.html"]).QuerySelector("section#m-2026-01")!;
        Assert.Equal(januaryKey, january.QuerySelectorAll("ol.key-events > li.event").Length);
        Assert.Empty(january.QuerySelectorAll("details.background-events li.event"));
        Assert.Equal("/years/2026/", january.QuerySelector("p.more-events a")!.GetAttribute("href"));
        // and the 2026 page lists all of January, while each year with events has its page.
        IElement yearJanuary = new HtmlParser().ParseDocument(files["years/2026/index.html"]).QuerySelector("section#m-2026-01")!;
        Assert.Equal(januaryKey, yearJanuary.QuerySelectorAll("ol.key-events > li.event").Length);
        Assert.Equal(januaryBackground, yearJanuary.QuerySelectorAll("details.background-events li.event").Length);
        Assert.Equal(events.Select(e => $"years/{e.Range.Start.Year:D4}/index.html").Distinct().Order(StringComparer.Ordinal), files.Keys.Where(k => k.StartsWith("years/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ASiteWithOverAThousandArticlesListsEveryOneOnTheSourcesPage()
    {
        // Given 1,200 articles (copies of the test site's first article under other paths).
        SiteModel model = TestSite.Model();
        ArticleReport first = model.Articles[0];
        var copies = Enumerable.Range(0, 1200).Select(i => first with { Article = first.Article with { Path = $"articles/copy-{i:D4}.txt" } }).ToList();
        model = model with { Articles = copies };

        // When it is rendered.
        var files = new SiteRenderer(TestSite.ThemeDir).Render(model).ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content), StringComparer.Ordinal);

        // Then the sources table has one row per article, each linking to its article page.
        var rows = new HtmlParser().ParseDocument(files["sources/index.html"]).QuerySelectorAll("table.sources-table tbody tr");
        Assert.Equal(1200, rows.Length);
        Assert.All(rows, r => Assert.Contains(r.QuerySelector("a")!.GetAttribute("href")!.TrimStart('/') + "index.html", files.Keys));
    }

    [Fact]
    public void AnEventCitedOverAThousandTimesShowsEveryCitationOnItsPage()
    {
        // Given an event with 1,500 citations (a widely reported event in a large site).
        SiteModel model = TestSite.Model();
        TimelineEvent reported = model.Chronology.Events.Single(e => e.Id == "2026-01-24-truce-expires");
        var cited = reported with { Sources = Enumerable.Repeat(reported.Sources[0], 1500).ToList() };
        model = model with { Chronology = model.Chronology with { Events = model.Chronology.Events.Select(e => e == reported ? cited : e).ToList() } };

        // When it is rendered.
        var files = new SiteRenderer(TestSite.ThemeDir).Render(model).ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content), StringComparer.Ordinal);

        // Then its page quotes every citation.
        var doc = new HtmlParser().ParseDocument(files["events/2026-01-24-truce-expires/index.html"]);
        Assert.Equal(1500, doc.QuerySelectorAll("ol.sources > li.source blockquote").Length);
    }

    private static bool IsJanuaryDay(TimelineEvent e) =>
        e.Range.Granularity >= Timeline.Core.Temporal.Granularity.Month && e.Range.Start.Year == 2026 && e.Range.Start.Month == 1;
}
