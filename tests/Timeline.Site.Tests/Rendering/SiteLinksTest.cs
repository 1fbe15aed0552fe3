using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

public sealed class SiteLinksTest
{
    [Theory]
    // Empty and root mean the host's root.
    [InlineData("", "/", null)]
    [InlineData("/", "/", null)]
    // A sub-path gains its slashes.
    [InlineData("timeline", "/timeline/", null)]
    [InlineData("/timeline", "/timeline/", null)]
    [InlineData("/a/b/", "/a/b/", null)]
    // Dot segments cannot climb out of the root.
    [InlineData("/../../x", "/x/", null)]
    // An absolute base gives the path and the absolute URL (needed by the sitemap and feed).
    [InlineData("https://example.org/t", "/t/", "https://example.org/t/")]
    [InlineData("http://example.org", "/", "http://example.org/")]
    // A scheme that is not http(s) is not an absolute base.
    [InlineData("//evil.example/x", "/", null)]
    public void ParseBaseNormalises(string input, string path, string? absolute)
    {
        (string basePath, Uri? abs) = SiteLinks.ParseBase(input);
        Assert.Equal(path, basePath);
        Assert.Equal(absolute, abs?.AbsoluteUri);
    }

    [Fact]
    public void JavascriptBaseBecomesARootedPath()
    {
        (string basePath, Uri? abs) = SiteLinks.ParseBase("javascript:alert(1)");
        Assert.StartsWith("/", basePath, StringComparison.Ordinal);
        Assert.Null(abs);
    }

    [Fact]
    public void EventUrlsComeFromDateAndSlugUnderTheBase()
    {
        var model = TestSite.Model("/sub/");
        SiteLinks links = SiteLinks.For(model);
        var truce = model.Chronology.Events.Single(e => e.Date == "2026-01-24");
        Assert.Equal("/sub/events/2026-01-24-truce-expires/", links.Url(links.EventPath(truce)));
    }

    [Fact]
    public void DuplicateEventSlugsAreMadeUnique()
    {
        var model = TestSite.Model();
        var events = model.Chronology.Events.Select(e => e with { Slug = "same" }).ToList();
        SiteLinks links = SiteLinks.For(model with { Chronology = model.Chronology with { Events = events } });
        Assert.Equal(events.Count, events.Select(links.EventSlug).Distinct().Count());
    }
}
