using Timeline.Site.Pipeline;
using Timeline.Site.Tests.Preview;

namespace Timeline.Site.Tests.Cache;

/// <summary>
/// Pages reused by the key of their inputs (see <c>RenderMemo</c>): a paged site's year pages (keyed by their events'
/// item digests) and article pages (keyed by a digest of their report remembered per article). A preview builder's
/// rebuild after each change must write exactly the site a fresh full build writes, and render only the pages whose
/// bytes change.
/// </summary>
public sealed class RenderKeysTest
{
    /// <summary>One change per rebuild, in order.</summary>
    public static TheoryData<string> ChangeSequences => new()
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
    [MemberData(nameof(ChangeSequences))]
    public void A_paged_site_rebuilt_after_each_change_equals_a_full_build_and_renders_only_changed_pages(string changes)
    {
        using var site = new TempSite();
        // Paged from the first event: the sample's events spread over several years' pages.
        BuildOptions options = site.Options with { PagedIndexAbove = 0 };
        var builder = new SiteBuilder();
        Assert.True(builder.Build(options).Succeeded);
        Assert.True(Directory.Exists(Path.Combine(site.Output, "years")), "the index is paged");
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
                case "title":
                    string text = File.ReadAllText(edited);
                    File.WriteAllText(edited, text.Replace("title: ", "title: Updated: ", StringComparison.Ordinal));
                    builder.InputChanged(edited);
                    break;
                default:
                    File.WriteAllText(edited, WithSentence(original, "Russian and Syrian officials signed a wheat agreement in Damascus on August 20, 2019."));
                    builder.InputChanged(edited);
                    BuildResult first = builder.Build(options);
                    Assert.True(first.Succeeded);
                    before = Tree(site.Output);
                    File.WriteAllText(edited, WithSentence(original, "Russian and Syrian officials signed a wheat agreement in Damascus on August 20, 2021."));
                    builder.InputChanged(edited);
                    break;
            }

            BuildResult rebuilt = builder.Build(options);

            Assert.True(rebuilt.Succeeded);
            Dictionary<string, string> full = FullBuild(site, options);
            Assert.Equal(full, Tree(site.Output));
            // Rendered: every page whose bytes differ from the last build, the index and the sources list (rendered
            // every time), and no other.
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

    /// <summary>An article's text with <paramref name="sentence"/> as the second line of its body (where cleaning keeps it).</summary>
    private static string WithSentence(string article, string sentence)
    {
        var lines = article.Split('\n').ToList();
        int body = lines.IndexOf("---", 1) + 1;
        lines.Insert(body + 1, sentence);
        return string.Join('\n', lines);
    }

    private static Dictionary<string, string> FullBuild(TempSite site, BuildOptions options)
    {
        string full = Path.Combine(site.Root, "full-" + Guid.NewGuid().ToString("N"));
        Assert.True(new SiteBuilder().Build(options with { OutputDir = full, NoCache = true }).Succeeded);
        return Tree(full);
    }

    private static Dictionary<string, string> Tree(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
