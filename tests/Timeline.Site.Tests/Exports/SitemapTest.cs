using System.Text.Json;
using System.Xml.Linq;
using Timeline.Site.Exports;
using Timeline.Site.Tests.Rendering;

namespace Timeline.Site.Tests.Exports;

public sealed class SitemapTest
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void ListsEveryPageButThe404WithAbsoluteUrls()
    {
        var site = ExportsFixture.Site;
        var locs = XDocument.Parse(site[Sitemap.FileName]).Descendants(Ns + "loc").Select(l => l.Value).ToList();
        var pages = site.Keys.Where(k => k.EndsWith("index.html", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages.Count, locs.Count);
        Assert.All(locs, l => Assert.StartsWith(ExportsFixture.Base, l, StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => l.Contains("404", StringComparison.Ordinal));
        Assert.Contains(ExportsFixture.Base + "events/2026-01-24-truce-expires/", locs);
    }

    [Fact]
    public void LastModIsThePublicationDate()
    {
        var url = XDocument.Parse(ExportsFixture.Site[Sitemap.FileName]).Descendants(Ns + "url")
            .Single(u => u.Element(Ns + "loc")!.Value.EndsWith("events/2026-01-24-truce-expires/", StringComparison.Ordinal));
        Assert.Equal("2026-01-28", url.Element(Ns + "lastmod")!.Value);
    }

    [Fact]
    public void RobotsNamesTheSitemapOnlyWhenItIsAbsolute()
    {
        Assert.Contains("Sitemap: https://example.org/timeline/sitemap.xml", ExportsFixture.Site["robots.txt"], StringComparison.Ordinal);
        Assert.DoesNotContain("Sitemap:", ExportsFixture.RootedSite["robots.txt"], StringComparison.Ordinal);
    }

    [Fact]
    public void FingerprintedAssetsAreCachedLong() =>
        Assert.Equal("/timeline/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n", ExportsFixture.Site["_headers"]);

    [Fact]
    public void EventsJsonKeepsItsSchemaAndTheLiteralPayload()
    {
        string json = ExportsFixture.Site[EventsJson.FileName];
        Assert.DoesNotContain("<script", json, StringComparison.Ordinal);
        JsonElement e = JsonDocument.Parse(json).RootElement.GetProperty("events").EnumerateArray().Single(x => x.GetProperty("date").GetString() == "2026-01-28");
        Assert.Equal(TestSite.Payload, e.GetProperty("headline").GetString());
        // The schema only grows: every documented field stays, later fields (salience, participants…) may follow.
        Assert.Superset(
            new HashSet<string> { "id", "date", "headline", "key", "sources" },
            e.EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Superset(
            new HashSet<string> { "file", "outlet", "published", "quote", "expression", "value" },
            e.GetProperty("sources")[0].EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Equal("2026-01-29T00:30:00+08:00", e.GetProperty("sources")[0].GetProperty("published").GetString());
    }
}
