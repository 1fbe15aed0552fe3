using Timeline.Core.Events;
using Timeline.Site.Loading;
using Timeline.Site.Pipeline;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Pipeline;

/// <summary>How a build keeps reports until rendering: same values, repeated strings and lists once, story texts as UTF-8.</summary>
public sealed class CompactReportTest
{
    private static readonly string Input = Path.Combine(Timeline.TestSupport.RepoRoot.Path, "input");

    [Fact]
    public void AWireCopyKeepsItsRepeatedStringsAndTermListsOnceWithTheSameValues()
    {
        // Given the same sample article processed twice (as a wire story republished by a second outlet would be)
        (SiteConfig config, _) = SiteConfigLoader.Load(Input);
        var options = new EventOptions(config.Topic) { SiteZone = config.TimeZone };
        var builder = new SiteBuilder();
        IReadOnlyList<ArticleReport> processed = ArticleLoader.LoadDirectory(Input, config, a => SiteBuilder.WithoutRawText(builder.Process(a, options))).Items;
        ArticleReport original = processed.First(r => r.Events.Sum(e => e.Mentions.Count) > 0);
        ArticleReport copy = SiteBuilder.WithoutRawText(builder.Process(ArticleLoader.LoadDirectory(Input, config, a => a).Items.First(a => a.Path == original.Article.Path), options));

        // When both are compacted with one pool
        var shared = new SharedValues();
        ArticleReport first = SiteBuilder.Compact(original, shared);
        ArticleReport second = SiteBuilder.Compact(copy, shared);

        // Then every mention reads the same as before, and the copy's strings and term lists are the first report's instances
        EventMention[] before = [.. original.Events.SelectMany(e => e.Mentions)];
        EventMention[] after = [.. first.Events.SelectMany(e => e.Mentions)];
        EventMention[] copied = [.. second.Events.SelectMany(e => e.Mentions)];
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(before.Length, copied.Length);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i].Quote, after[i].Quote);
            Assert.Equal(before[i].Headline, after[i].Headline);
            Assert.Equal(before[i].Clause, after[i].Clause);
            Assert.Equal(before[i].Participants, after[i].Participants);
            Assert.Equal(before[i].QuoteTerms, after[i].QuoteTerms);
            Assert.Equal(before[i].ContextTerms, after[i].ContextTerms);
            Assert.Same(after[i].Quote, copied[i].Quote);
            Assert.Same(after[i].Clause, copied[i].Clause);
            Assert.Same(after[i].Headline, copied[i].Headline);
            Assert.Same(after[i].QuoteTerms, copied[i].QuoteTerms);
            Assert.Same(after[i].Participants, copied[i].Participants);
        }

        Assert.Equal(original.Events.Select(e => e.Terms), first.Events.Select(e => e.Terms));
        Assert.Same(first.Events[0].Terms, second.Events[0].Terms);
    }

    [Fact]
    public void StoriesKeepTheirTextAsUtf8AndTheCleanedArticleSharesThem()
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(Input);
        var options = new EventOptions(config.Topic) { SiteZone = config.TimeZone };
        var builder = new SiteBuilder();
        foreach (ArticleReport report in ArticleLoader.LoadDirectory(Input, config, a => SiteBuilder.WithoutRawText(builder.Process(a, options))).Items)
        {
            ArticleReport compact = SiteBuilder.Compact(report);

            Assert.Equal(report.Stories.Select(t => t.Story.Text), compact.Stories.Select(t => t.Story.Text));
            Assert.All(compact.Stories, t => Assert.True(t.Story.HasCompactText));
            // The cleaned article and its tagged stories hold the same story objects, as before compacting.
            Assert.Equal(compact.Stories.Select(t => t.Story), compact.Cleaned.Stories, ReferenceEqualityComparer.Instance);
            Assert.Equal(report.Stories.Select(t => t.Mentions), compact.Stories.Select(t => t.Mentions), ReferenceEqualityComparer.Instance);
        }
    }
}
