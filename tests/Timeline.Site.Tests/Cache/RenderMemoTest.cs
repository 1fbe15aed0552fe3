using Timeline.Site.Pipeline;
using Timeline.Site.Tests.Preview;

namespace Timeline.Site.Tests.Cache;

/// <summary>
/// A preview builder keeps what it rendered (page digests, export fragments) across rebuilds: whatever changed, a
/// rebuild must write exactly the site a fresh full build writes.
/// </summary>
public sealed class RenderMemoTest
{
    [Fact]
    public void A_rebuild_after_an_article_edit_equals_a_full_build_and_reuses_the_rest()
    {
        // The edit adds a dated sentence: new events and citations, so event pages, article pages and every export change.
        using var site = new TempSite();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options).Succeeded);
        site.AppendToArticle(site.Articles[1], "Officials met again in Damascus on February 3, 2026, to sign a grain deal.");

        BuildResult rebuilt = builder.Build(site.Options);

        Assert.True(rebuilt.PagesReused > 0, "pages whose data did not change are reused");
        Assert.InRange(rebuilt.FilesWritten, 1, rebuilt.Files.Count - 1);
        Assert.Equal(FullBuild(site), Tree(site.Output));
    }

    [Fact]
    public void A_rebuild_after_a_partial_changes_renders_the_pages_that_use_it_again()
    {
        // Story and source digests are of page data, not markup: a changed partial must still reach every event page.
        using var site = new TempSite();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options).Succeeded);
        string partial = Path.Combine(site.Themes, "default", "partials", "event-source.sbnhtml");
        File.WriteAllText(partial, File.ReadAllText(partial).Replace("<li class=\"source\">", "<li class=\"source edited\">", StringComparison.Ordinal));

        BuildResult rebuilt = builder.Build(site.Options);

        string[] eventPages = Directory.GetFiles(Path.Combine(site.Output, "events"), "index.html", SearchOption.AllDirectories);
        Assert.NotEmpty(eventPages);
        Assert.All(eventPages, f => Assert.Contains("class=\"source edited\"", File.ReadAllText(f), StringComparison.Ordinal));
        Assert.Equal(0, rebuilt.PagesReused);
        Assert.Equal(FullBuild(site), Tree(site.Output));
    }

    [Fact]
    public void A_rebuild_after_a_site_setting_changes_rewrites_the_exports()
    {
        // The feed's entry ids are made from the site title: a remembered entry of the old title must not be reused.
        using var site = new TempSite();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options).Succeeded);
        string config = Path.Combine(site.Input, "site.yml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("title: Syria and Russia after Assad", "title: Syria and Moscow", StringComparison.Ordinal));
        string feedBefore = File.ReadAllText(Path.Combine(site.Output, "feed.xml"));

        builder.Build(site.Options);

        Assert.NotEqual(feedBefore, File.ReadAllText(Path.Combine(site.Output, "feed.xml")));
        Assert.Equal(FullBuild(site), Tree(site.Output));
    }

    [Fact]
    public void A_rebuild_with_nothing_changed_reuses_every_fingerprinted_page_and_writes_nothing()
    {
        using var site = new TempSite();
        var builder = new SiteBuilder();
        BuildResult first = builder.Build(site.Options);

        BuildResult second = builder.Build(site.Options);

        Assert.Equal(0, second.FilesWritten);
        // Every page but the index and the sources list (rendered every time) is reused.
        int pages = first.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        Assert.Equal(pages - 2, second.PagesReused);
    }

    /// <summary>One change per rebuild, in order: each changes some pages' data and leaves others as they were.</summary>
    public static TheoryData<string> ChangeSequences => new()
    {
        // A dated sentence in an old article: a new event between two others (their previous/next links change), citations.
        "edit",
        // A new article: its page, a new event between two others, new citations on the events it shares.
        "new",
        // An edit, then the edit undone: pages go back to what the first build made (keys seen two builds ago).
        "edit,undo",
        // Several builds in a row, each reusing pages keyed by the build before (not only by the first build).
        "new,edit,new2",
    };

    [Theory]
    [MemberData(nameof(ChangeSequences))]
    public void A_rebuild_renders_exactly_the_pages_whose_bytes_differ_and_equals_a_full_build(string changes)
    {
        using var site = new TempSite();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(site.Options).Succeeded);
        string edited = site.Articles[1];
        string original = File.ReadAllText(edited);
        foreach (string change in changes.Split(','))
        {
            Dictionary<string, string> before = Tree(site.Output);
            switch (change)
            {
                case "edit":
                    File.WriteAllText(edited, WithSentence(original, "Russian and Syrian officials signed a wheat agreement in Damascus on August 20, 2025."));
                    builder.InputChanged(edited);
                    break;
                case "undo":
                    File.WriteAllText(edited, original);
                    builder.InputChanged(edited);
                    break;
                case "new":
                    File.WriteAllText(Path.Combine(site.Input, "articles", "005_new.txt"), WithSentence(File.ReadAllText(site.Articles[0]), "Russian and Syrian officials signed a wheat agreement in Damascus on March 3, 2025."));
                    break;
                default:
                    File.WriteAllText(Path.Combine(site.Input, "articles", "006_new.txt"), WithSentence(File.ReadAllText(site.Articles[2]), "Russian and Syrian officials opened a trade office in Latakia on November 12, 2025."));
                    break;
            }

            BuildResult rebuilt = builder.Build(site.Options);

            Assert.True(rebuilt.Succeeded);
            Dictionary<string, string> full = FullBuild(site);
            Assert.Equal(full, Tree(site.Output));
            // The pages rendered are those not reused: every page whose bytes differ from the last build (a page not
            // rendered keeps its old bytes, which the comparison above would catch), the index and the sources list
            // (rendered every time), and no other.
            var differ = full.Keys
                .Where(p => p.EndsWith(".html", StringComparison.Ordinal))
                .Where(p => !before.TryGetValue(p, out string? old) || old != full[p])
                .Union(["index.html", Path.Combine("sources", "index.html")])
                .ToList();
            int pages = full.Keys.Count(p => p.EndsWith(".html", StringComparison.Ordinal));
            Assert.True(differ.Count < pages, $"{change}: some pages are unchanged");
            Assert.Equal(differ.Count, pages - rebuilt.PagesReused);
        }
    }

    /// <summary>An article's text with <paramref name="sentence"/> as the second line of its body (where cleaning keeps it).</summary>
    private static string WithSentence(string article, string sentence)
    {
        var lines = article.Split('\n').ToList();
        int body = lines.IndexOf("---", 1) + 1;
        lines.Insert(body + 1, sentence);
        return string.Join('\n', lines);
    }

    private static Dictionary<string, string> FullBuild(TempSite site)
    {
        string full = Path.Combine(site.Root, "full-" + Guid.NewGuid().ToString("N"));
        Assert.True(new SiteBuilder().Build(site.Options with { OutputDir = full, NoCache = true }).Succeeded);
        return Tree(full);
    }

    private static Dictionary<string, string> Tree(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
