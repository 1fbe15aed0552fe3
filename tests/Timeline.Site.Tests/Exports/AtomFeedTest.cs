using System.ServiceModel.Syndication;
using System.Xml;
using Timeline.Site.Exports;
using Timeline.Site.Tests.Rendering;

namespace Timeline.Site.Tests.Exports;

public sealed class AtomFeedTest
{
    private static SyndicationFeed Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public void ParsesWithAnEntryPerEventNewestFirst()
    {
        SyndicationFeed feed = Load(ExportsFixture.Site[AtomFeed.FileName]);
        Assert.Equal("Test timeline", feed.Title.Text);
        var items = feed.Items.ToList();
        Assert.Equal(7, items.Count);
        Assert.StartsWith("28 January 2026: ", items[0].Title.Text, StringComparison.Ordinal);
        Assert.StartsWith("the 2010s: ", items[^1].Title.Text, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://example.org/timeline/events/2026-01-24-truce-expires/"),
            items.Single(i => i.Title.Text.Contains("truce", StringComparison.Ordinal)).Links.Single().Uri);
    }

    [Fact]
    public void UpdatedTimesComeFromPublicationDates()
    {
        SyndicationFeed feed = Load(ExportsFixture.Site[AtomFeed.FileName]);
        // Latest publication: Thu 29 Jan 2026 00:30 in Manila = 28 Jan 16:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 1, 28, 16, 30, 0, TimeSpan.Zero), feed.LastUpdatedTime);
        // An event from the article of Wed 28 Jan 2026 (date only: midday Moscow time, 09:00 UTC).
        SyndicationItem truce = feed.Items.Single(i => i.Title.Text.Contains("truce", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 1, 28, 9, 0, 0, TimeSpan.Zero), truce.LastUpdatedTime);
    }

    [Fact]
    public void PayloadIsEscapedTextNeverMarkup()
    {
        string xml = ExportsFixture.Site[AtomFeed.FileName];
        Assert.DoesNotContain("<script", xml, StringComparison.Ordinal);
        SyndicationItem item = Load(xml).Items.First();
        Assert.Equal("28 January 2026: " + TestSite.Payload, item.Title.Text);
    }

    [Fact]
    public void WithoutAnAbsoluteBaseIdsAreStableUuidUrns()
    {
        SyndicationFeed feed = Load(ExportsFixture.RootedSite[AtomFeed.FileName]);
        Assert.StartsWith("urn:uuid:", feed.Id, StringComparison.Ordinal);
        Assert.All(feed.Items, i => Assert.StartsWith("urn:uuid:", i.Id, StringComparison.Ordinal));
        Assert.Equal(feed.Items.Count(), feed.Items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(feed.Items.Select(i => i.Id), Load(TestSite.Render()[AtomFeed.FileName]).Items.Select(i => i.Id));
    }
}
