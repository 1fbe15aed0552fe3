using Timeline.Site.Loading;
using Timeline.Site.Pipeline;
using Timeline.Site.Tests.Preview;

namespace Timeline.Site.Tests.Cache;

/// <summary>
/// A reused builder (as <c>timeline preview</c> keeps) skips files whose size and last-write time have not changed:
/// what it trusts, and every way an edit still gets through.
/// </summary>
public sealed class FileStampTest : IDisposable
{
    private static readonly DateTime LongAgo = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly TempSite _site = new();

    /// <summary>The article whose one dated sentence the tests edit.</summary>
    private readonly string _added;

    public FileStampTest()
    {
        _added = _site.Articles[3];
        _site.AppendToArticle(_added, "Syria and Russia signed a trade agreement in Damascus on April 9, 2026.");
        foreach (string article in _site.Articles)
        {
            // Written long before the build: the stamps are settled, so the builder may trust them.
            File.SetLastWriteTimeUtc(article, LongAgo);
        }
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_same_size_edit_with_a_new_write_time_is_reprocessed_by_the_same_builder()
    {
        var builder = new SiteBuilder();
        builder.Build(_site.Options);
        // One character changed: the size stays, the write time moves (as any editor's save does).
        Edit(_added, LongAgo.AddSeconds(1));

        BuildResult rebuilt = builder.Build(_site.Options);

        Assert.Equal((1, 4), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
        Assert.Equal((false, true), Dates());
    }

    [Fact]
    public void An_unchanged_stamp_is_trusted_by_the_same_builder_until_a_watcher_says_otherwise_and_never_by_a_new_build()
    {
        var builder = new SiteBuilder();
        builder.Build(_site.Options);
        // What the stamps cannot see: a same-size edit with the old write time put back (touch -r, rsync -t).
        Edit(_added, LongAgo);

        BuildResult trusted = builder.Build(_site.Options);
        (bool, bool) trustedDates = Dates();
        string elsewhere = Path.Combine(_site.Root, "output-2");
        BuildResult fresh = new SiteBuilder().Build(_site.Options with { OutputDir = elsewhere });
        (bool, bool) freshDates = Dates(elsewhere);
        builder.InputChanged(_added);
        builder.Build(_site.Options);

        // The file was not read: the old result stands (documented on ArticleCache.TryGetUnchanged).
        Assert.Equal((0, 5), (trusted.ArticlesProcessed, trusted.ArticlesReused));
        Assert.Equal((true, false), trustedDates);
        // A new `timeline build` reads and hashes every file; a watcher's word makes the same builder read it again.
        Assert.Equal((1, 4), (fresh.ArticlesProcessed, fresh.ArticlesReused));
        Assert.Equal((false, true), freshDates);
        Assert.Equal((false, true), Dates());
    }

    [Fact]
    public void A_stamp_taken_right_after_a_write_is_not_trusted()
    {
        // Written just now: on a file system with a coarse clock an edit in the same tick would keep this very stamp.
        File.SetLastWriteTimeUtc(_added, DateTime.UtcNow);
        DateTime written = File.GetLastWriteTimeUtc(_added);
        var builder = new SiteBuilder();
        builder.Build(_site.Options);
        Edit(_added, written);

        BuildResult rebuilt = builder.Build(_site.Options);

        Assert.Equal((1, 4), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
        Assert.Equal((false, true), Dates());
    }

    [Fact]
    public void A_settings_change_reprocesses_every_article_in_the_same_builder()
    {
        var builder = new SiteBuilder();
        builder.Build(_site.Options);
        string siteYml = Path.Combine(_site.Input, "site.yml");
        File.WriteAllText(siteYml, File.ReadAllText(siteYml).Replace("topic: Syria and Russia after Assad", "topic: Russian bases in Syria", StringComparison.Ordinal));

        BuildResult rebuilt = builder.Build(_site.Options);

        Assert.Equal((5, 0), (rebuilt.ArticlesProcessed, rebuilt.ArticlesReused));
    }

    [Fact]
    public void A_deleted_then_restored_file_is_read_again()
    {
        var builder = new SiteBuilder();
        builder.Build(_site.Options);
        string text = File.ReadAllText(_added);
        File.Delete(_added);
        BuildResult without = builder.Build(_site.Options);
        File.WriteAllText(_added, text.Replace("April 9", "April 8", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(_added, LongAgo);

        BuildResult restored = builder.Build(_site.Options);

        Assert.Equal((0, 4), (without.ArticlesProcessed, without.ArticlesReused));
        Assert.Equal((1, 4), (restored.ArticlesProcessed, restored.ArticlesReused));
        Assert.Equal((false, true), Dates());
    }

    [Fact]
    public void A_file_stamp_is_settled_only_some_time_after_the_write()
    {
        var stamp = new FileStamp(10, LongAgo);

        Assert.True(stamp.IsSettled(LongAgo + FileStamp.SettleTime));
        Assert.False(stamp.IsSettled(LongAgo + FileStamp.SettleTime - TimeSpan.FromTicks(1)));
        // A write time in the future (a skewed clock) is never settled.
        Assert.False(stamp.IsSettled(LongAgo.AddMinutes(-5)));
    }

    /// <summary>Changes "April 9" to "April 8" in place: same size; then sets the write time.</summary>
    private static void Edit(string path, DateTime writeTime)
    {
        string text = File.ReadAllText(path);
        string edited = text.Replace("April 9", "April 8", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        Assert.Equal(text.Length, edited.Length);
        File.WriteAllText(path, edited);
        File.SetLastWriteTimeUtc(path, writeTime);
    }

    /// <summary>Whether the site's events.json has an event on 2026-04-09, and one on 2026-04-08.</summary>
    private (bool April9, bool April8) Dates(string? output = null)
    {
        string json = File.ReadAllText(Path.Combine(output ?? _site.Output, "events.json"));
        return (json.Contains("\"2026-04-09", StringComparison.Ordinal), json.Contains("\"2026-04-08", StringComparison.Ordinal));
    }
}
