using Timeline.Site.Pipeline;
using Timeline.Site.Tests.Preview;

namespace Timeline.Site.Tests.Cache;

/// <summary>
/// A preview builder keeps what it rendered (page digests, export fragments) across rebuilds, and reuses pages by the key
/// of their inputs (see <c>RenderMemo</c>: event and article pages, and a paged site's year pages keyed by their events'
/// item digests): whatever changed, a rebuild must write exactly the site a fresh full build writes, and render only the
/// pages whose bytes change.
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

    [Fact]
    public void A_no_cache_rebuild_after_an_edit_equals_a_full_build_and_reuses_unchanged_pages_by_fingerprint()
    {
        // Without an article cache a builder remembers no page inputs (the next build's reports are new objects), so
        // every page's data is made again; pages whose data is unchanged must still be reused by their fingerprint.
        using var site = new TempSite();
        BuildOptions options = site.Options with { NoCache = true };
        var builder = new SiteBuilder();
        BuildResult first = builder.Build(options);
        Assert.True(first.Succeeded);
        site.AppendToArticle(site.Articles[1], "Officials met again in Damascus on February 3, 2026, to sign a grain deal.");

        BuildResult rebuilt = builder.Build(options);

        Assert.True(rebuilt.PagesReused > 0, "pages whose data did not change are reused");
        Assert.InRange(rebuilt.FilesWritten, 1, rebuilt.Files.Count - 1);
        Assert.Equal(FullBuild(site), Tree(site.Output));
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
    public void A_rebuild_renders_exactly_the_pages_whose_bytes_differ_and_equals_a_full_build(string changes) =>
        RebuildAfterEachChange(changes, paged: false);

    /// <summary>One change per rebuild of a paged site, whose year pages are reused by their events' item digests.</summary>
    public static TheoryData<string> PagedChangeSequences => new()
    {
        // A dated sentence in an old article: a new event in one year's page, that article's page and citations change.
        "edit",
        // A new article: its page, a new event in its year, citations on the events it shares.
        "new",
        // An edit, then the edit undone: year and article pages go back to what the first build made.
        "edit,undo",
        // Builds in a row, each keyed by the build before; the last edit changes only an article's title.
        "new,edit,title",
        // A change of date moves an event from one year's page to another (both pages change, the rest stay).
        "year",
    };

    [Theory]
    [MemberData(nameof(PagedChangeSequences))]
    public void A_paged_site_rebuilt_after_each_change_equals_a_full_build_and_renders_only_changed_pages(string changes) =>
        RebuildAfterEachChange(changes, paged: true);

    [Fact]
    public void A_rebuild_with_nothing_changed_reuses_every_year_page()
    {
        using var site = new TempSite();
        BuildOptions options = site.Options with { PagedIndexAbove = 0 };
        var builder = new SiteBuilder();
        BuildResult first = builder.Build(options);
        int years = first.Files.Count(f => f.Path.StartsWith("years/", StringComparison.Ordinal));
        Assert.True(years > 1, "the sample's events span several years");

        BuildResult second = builder.Build(options);

        Assert.Equal(0, second.FilesWritten);
        int pages = first.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        Assert.Equal(pages - 2, second.PagesReused);
    }

    /// <summary>
    /// Builds the sample (paged from the first event when <paramref name="paged"/>, so its events spread over several years'
    /// pages), then after each change rebuilds with the same builder and checks the output against a fresh full build and
    /// that the pages rendered are exactly those not reused: every page whose bytes differ from the last build (a page not
    /// rendered keeps its old bytes, which the comparison would catch), the index and the sources list (rendered every
    /// time), and no other.
    /// </summary>
    private static void RebuildAfterEachChange(string changes, bool paged)
    {
        using var site = new TempSite();
        BuildOptions options = paged ? site.Options with { PagedIndexAbove = 0 } : site.Options;
        var builder = new SiteBuilder();
        Assert.True(builder.Build(options).Succeeded);
        Assert.Equal(paged, Directory.Exists(Path.Combine(site.Output, "years")));
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
                case "new2":
                    File.WriteAllText(Path.Combine(site.Input, "articles", "006_new.txt"), WithSentence(File.ReadAllText(site.Articles[2]), "Russian and Syrian officials opened a trade office in Latakia on November 12, 2025."));
                    break;
                case "title":
                    File.WriteAllText(edited, File.ReadAllText(edited).Replace("title: ", "title: Updated: ", StringComparison.Ordinal));
                    builder.InputChanged(edited);
                    break;
                case "year":
                    File.WriteAllText(edited, WithSentence(original, "Russian and Syrian officials signed a wheat agreement in Damascus on August 20, 2019."));
                    builder.InputChanged(edited);
                    Assert.True(builder.Build(options).Succeeded);
                    before = Tree(site.Output);
                    File.WriteAllText(edited, WithSentence(original, "Russian and Syrian officials signed a wheat agreement in Damascus on August 20, 2021."));
                    builder.InputChanged(edited);
                    break;
                default:
                    throw new ArgumentException($"unknown change '{change}'", nameof(changes));
            }

            BuildResult rebuilt = builder.Build(options);

            Assert.True(rebuilt.Succeeded);
            Dictionary<string, string> full = FullBuild(site, options);
            Assert.Equal(full, Tree(site.Output));
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

    private static Dictionary<string, string> FullBuild(TempSite site) => FullBuild(site, site.Options);

    private static Dictionary<string, string> FullBuild(TempSite site, BuildOptions options)
    {
        string full = Path.Combine(site.Root, "full-" + Guid.NewGuid().ToString("N"));
        Assert.True(new SiteBuilder().Build(options with { OutputDir = full, NoCache = true }).Succeeded);
        return Tree(full);
    }

    private static Dictionary<string, string> Tree(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
