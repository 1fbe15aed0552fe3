using System.Text.Json;
using Timeline.Site.Pipeline;
using Timeline.Site.Tests.Preview;

namespace Timeline.Site.Tests.Cache;

/// <summary>Corrections apply only when events are merged: editing input/corrections.yml re-processes no article.</summary>
public sealed class CorrectionsCacheTest : IDisposable
{
    private readonly TempSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Editing_corrections_reuses_every_article_and_still_applies_the_correction()
    {
        BuildResult first = new SiteBuilder().Build(_site.Options);
        string id = FirstEventId();

        File.WriteAllText(Path.Combine(_site.Input, "corrections.yml"), $"- id: {id}\n  hide: true\n");
        BuildResult second = new SiteBuilder().Build(_site.Options);

        Assert.True(second.Succeeded, second.Summary);
        Assert.Equal((0, first.ArticlesProcessed), (second.ArticlesProcessed, second.ArticlesReused));
        Assert.DoesNotContain(id, EventIds()); // the correction took effect although nothing was re-extracted
    }

    private string FirstEventId() => EventIds().First();

    private List<string> EventIds()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_site.Output, "events.json")));
        return doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
    }
}
