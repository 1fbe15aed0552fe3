using System.Text.Json;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Site.Cache;
using Timeline.Site.Loading;
using Timeline.Site.Pipeline;
using Timeline.Site.Rendering;
using Timeline.Site.Tests.Preview;

namespace Timeline.Site.Tests.Cache;

/// <summary>The article cache through the build: what is reused, what is re-processed, and that reuse changes nothing.</summary>
public sealed class ArticleCacheTest : IDisposable
{
    private readonly TempSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_second_build_reuses_every_article_and_writes_the_same_site()
    {
        BuildResult first = new SiteBuilder().Build(_site.Options);
        byte[] firstJson = File.ReadAllBytes(Path.Combine(_site.Output, "events.json"));
        byte[] firstIndex = File.ReadAllBytes(Path.Combine(_site.Output, "index.html"));

        // A new builder has an empty memory layer: everything comes from the files of the first build.
        BuildResult second = new SiteBuilder().Build(_site.Options);

        Assert.Equal((5, 0), (first.ArticlesProcessed, first.ArticlesReused));
        Assert.Equal((0, 5), (second.ArticlesProcessed, second.ArticlesReused));
        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(firstJson, File.ReadAllBytes(Path.Combine(_site.Output, "events.json")));
        Assert.Equal(firstIndex, File.ReadAllBytes(Path.Combine(_site.Output, "index.html")));
    }

    [Fact]
    public void A_report_read_back_from_disk_equals_the_one_stored()
    {
        IReadOnlyList<ArticleReport> reports = Reports();
        var writer = new ArticleCache(_site.CacheDir, "engine-1");
        foreach (ArticleReport report in reports)
        {
            writer.Put(writer.KeyFor(report.Article, "settings"), report);
        }

        var reader = new ArticleCache(_site.CacheDir, "engine-1");
        foreach (ArticleReport report in reports)
        {
            Assert.True(reader.TryGet(reader.KeyFor(report.Article, "settings"), report.Article, out ArticleReport read));
            Assert.Same(report.Article, read.Article);
            Assert.Same(report.Article, read.Cleaned.Article);
            Assert.Equal(JsonSerializer.Serialize(report, CacheJson.Options), JsonSerializer.Serialize(read, CacheJson.Options));

            // Objects the stages share are shared again after the read (not copies): same memory as a fresh build.
            for (int i = 0; i < report.Stories.Count; i++)
            {
                Assert.Equal(ReferenceEquals(report.Stories[i].Story, report.Cleaned.Stories[i]), ReferenceEquals(read.Stories[i].Story, read.Cleaned.Stories[i]));
            }
        }
    }

    [Fact]
    public void An_edited_article_is_reprocessed_alone()
    {
        var builder = new SiteBuilder();
        builder.Build(_site.Options);
        _site.AppendToArticle(_site.Articles[3], "Syria and Russia signed a trade agreement in Damascus on April 9, 2026.");

        BuildResult rebuilt = new SiteBuilder().Build(_site.Options);

        Assert.Equal((1, 4), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
        Assert.Contains("2026-04-09", File.ReadAllText(Path.Combine(_site.Output, "events.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_article_is_processed_alone_from_memory_and_from_disk()
    {
        var builder = new SiteBuilder();
        builder.Build(_site.Options);
        _site.AddArticle("005_new.txt", "A summit was held on April 9, 2026.");

        // Same builder: the memory layer (preview); then a fresh builder: the files (a new `timeline build`).
        BuildResult warm = builder.Build(_site.Options);
        _site.AddArticle("006_new.txt", "A treaty was signed on May 4, 2026.");
        BuildResult cold = new SiteBuilder().Build(_site.Options);

        Assert.Equal((1, 5), (warm.ArticlesProcessed, warm.ArticlesReused));
        Assert.Equal((1, 6), (cold.ArticlesProcessed, cold.ArticlesReused));
        string json = File.ReadAllText(Path.Combine(_site.Output, "events.json"));
        Assert.Contains("2026-04-09", json, StringComparison.Ordinal);
        Assert.Contains("2026-05-04", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_change_rerenders_without_retagging()
    {
        new SiteBuilder().Build(_site.Options);
        string layout = _site.Layout("index.sbnhtml");
        File.AppendAllText(layout, "<!-- template changed -->\n");

        BuildResult rebuilt = new SiteBuilder().Build(_site.Options);

        Assert.Equal((0, 5), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
        Assert.Contains("<!-- template changed -->", File.ReadAllText(Path.Combine(_site.Output, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_change_that_affects_extraction_reprocesses_every_article()
    {
        new SiteBuilder().Build(_site.Options);
        string siteYml = Path.Combine(_site.Input, "site.yml");
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("topic: Syria and Russia after Assad", "topic: Russian bases in Syria", StringComparison.Ordinal));

        BuildResult rebuilt = new SiteBuilder().Build(_site.Options);

        Assert.Equal((5, 0), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
    }

    [Fact]
    public void A_correction_applies_without_retagging()
    {
        new SiteBuilder().Build(_site.Options);
        string id = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_site.Output, "events.json"))).RootElement.GetProperty("events")[0].GetProperty("id").GetString()!;
        File.WriteAllText(Path.Combine(_site.Input, "corrections.yml"), $"corrections:\n  - id: {id}\n    hide: true\n");

        BuildResult rebuilt = new SiteBuilder().Build(_site.Options);

        Assert.Equal((0, 5), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
        Assert.DoesNotContain($"\"{id}\"", File.ReadAllText(Path.Combine(_site.Output, "events.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_engine_version_never_reads_the_entries_of_the_first()
    {
        ArticleReport report = Reports()[0];
        var v1 = new ArticleCache(_site.CacheDir, "engine-1");
        string key = v1.KeyFor(report.Article, "settings");
        v1.Put(key, report);

        var v2 = new ArticleCache(_site.CacheDir, "engine-2");

        Assert.NotEqual(key, v2.KeyFor(report.Article, "settings"));
        Assert.False(v2.TryGet(v2.KeyFor(report.Article, "settings"), report.Article, out _));
        Assert.False(v2.TryGet(key, report.Article, out _));
        Assert.True(new ArticleCache(_site.CacheDir, "engine-1").TryGet(key, report.Article, out _));
    }

    [Fact]
    public void Another_tagger_is_another_engine()
    {
        new SiteBuilder().Build(_site.Options);

        BuildResult rebuilt = new SiteBuilder(new WrappingTagger()).Build(_site.Options);

        Assert.Equal((5, 0), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
    }

    public static TheoryData<string, Func<byte[], byte[]>> Corruptions => new()
    {
        // A crash while writing (the writer renames a complete file into place, but a disk can still lose the tail).
        { "truncated", bytes => bytes[..(bytes.Length / 2)] },
        { "empty", _ => [] },
        { "garbage", _ => [0xFF, 0xFE, 0x00, 0x42, 0x13] },
        // Valid JSON of the wrong shape, and nulls where the stages need values.
        { "empty object", _ => "{}"u8.ToArray() },
        { "null report", bytes => System.Text.Encoding.UTF8.GetBytes(NullReport(bytes)) },
        { "wrong type", bytes => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("\"Index\":0", "\"Index\":\"zero\"", StringComparison.Ordinal)) },
        // Another entry's content under this key (a copied or renamed file).
        { "other key", bytes => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("\"Key\":\"", "\"Key\":\"0", StringComparison.Ordinal)) },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void A_corrupt_entry_is_rebuilt_not_a_crash(string name, Func<byte[], byte[]> corrupt)
    {
        new SiteBuilder().Build(_site.Options);
        string[] entries = Directory.GetFiles(_site.CacheDir, "*.json", SearchOption.AllDirectories);
        Assert.Equal(5, entries.Length);
        File.WriteAllBytes(entries[0], corrupt(File.ReadAllBytes(entries[0])));

        BuildResult rebuilt = new SiteBuilder().Build(_site.Options);
        BuildResult again = new SiteBuilder().Build(_site.Options);

        Assert.True(rebuilt.Succeeded, name);
        Assert.Equal((1, 4), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
        Assert.Equal((0, 5), (again.ArticlesProcessed, again.ArticlesReused));
    }

    [Fact]
    public void No_cache_processes_everything_and_writes_no_cache()
    {
        BuildResult result = new SiteBuilder().Build(_site.Options with { NoCache = true });

        Assert.Equal((5, 0), (result.ArticlesProcessed, result.ArticlesReused));
        Assert.False(Directory.Exists(_site.CacheDir));
    }

    [Fact]
    public void Entries_of_edited_articles_are_pruned()
    {
        new SiteBuilder().Build(_site.Options);
        _site.AppendToArticle(_site.Articles[0], "One more line.");
        _site.AppendToArticle(_site.Articles[1], "One more line.");

        new SiteBuilder().Build(_site.Options);

        Assert.Equal(5, Directory.GetFiles(_site.CacheDir, "*.json", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void The_default_folder_is_beside_the_input_folder()
    {
        Assert.Equal(Path.Combine(_site.Root, ".timeline-cache"), ArticleCache.DefaultDirectoryFor(_site.Input + "/"));
    }

    private static string NullReport(byte[] bytes)
    {
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        int at = text.IndexOf("\"Report\":", StringComparison.Ordinal);
        return text[..(at + 9)] + "null}";
    }

    /// <summary>The per-article stages' results for the sample, computed without any cache.</summary>
    private IReadOnlyList<ArticleReport> Reports()
    {
        (SiteConfig config, _) = SiteConfigLoader.Load(_site.Input);
        var options = new EventOptions(config.Topic);
        var builder = new SiteBuilder();
        return [.. ArticleLoader.LoadDirectory(_site.Input, config).Articles.Select(a => builder.Process(a, options))];
    }

    /// <summary>The default tagger under another type: what a tagger upgrade looks like to the cache.</summary>
    private sealed class WrappingTagger : ITemporalTagger
    {
        public IReadOnlyList<TemporalMention> Tag(string text, DocumentTime documentTime) => TemporalTagger.Default.Tag(text, documentTime);
    }
}
