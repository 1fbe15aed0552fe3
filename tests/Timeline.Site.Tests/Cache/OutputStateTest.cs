using System.Text;
using Timeline.Site.Cache;
using Timeline.Site.Pipeline;
using Timeline.Site.Rendering;
using Timeline.Site.Tests.Preview;

namespace Timeline.Site.Tests.Cache;

/// <summary>Rewriting only what changed, for a builder's later builds (preview).</summary>
public sealed class OutputStateTest : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-output-" + Guid.NewGuid().ToString("N"));

    private string Output => Path.Combine(_root, "output");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_later_write_writes_changed_files_and_deletes_vanished_ones()
    {
        var state = new OutputState();
        int first = state.Write(Output, [Page("index.html", "v1"), Page("events/a/index.html", "a"), Page("events/b/index.html", "b")]);

        int second = state.Write(Output, [Page("index.html", "v2"), Page("events/a/index.html", "a"), Page("events/c/index.html", "c")]);

        Assert.Equal((3, 2), (first, second));
        Assert.Equal("v2", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal("c", File.ReadAllText(Path.Combine(Output, "events", "c", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(Output, "events", "b")));
        Assert.Equal(["a", "c"], Directory.GetDirectories(Path.Combine(Output, "events")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_vanished_page_already_deleted_by_someone_else_is_no_error()
    {
        // Another process (a second `timeline build`, a clean-up script) removed the folder of a page this state wrote.
        var state = new OutputState();
        state.Write(Output, [Page("index.html", "v1"), Page("events/b/index.html", "b")]);
        Directory.Delete(Path.Combine(Output, "events"), recursive: true);

        int written = state.Write(Output, [Page("index.html", "v2")]);

        Assert.Equal(1, written);
        Assert.Equal("v2", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.False(Directory.Exists(Path.Combine(Output, "events")));
    }

    [Fact]
    public void A_file_changed_on_disk_since_is_rewritten()
    {
        var state = new OutputState();
        state.Write(Output, [Page("index.html", "v1"), Page("other.html", "o")]);
        File.WriteAllText(Path.Combine(Output, "index.html"), "edited by hand, longer");

        int written = state.Write(Output, [Page("index.html", "v1"), Page("other.html", "o")]);

        Assert.Equal(1, written);
        Assert.Equal("v1", File.ReadAllText(Path.Combine(Output, "index.html")));
    }

    [Fact]
    public void A_deleted_output_folder_is_written_whole()
    {
        var state = new OutputState();
        state.Write(Output, [Page("index.html", "v1"), Page("other.html", "o")]);
        Directory.Delete(Output, recursive: true);

        int written = state.Write(Output, [Page("index.html", "v1"), Page("other.html", "o")]);

        Assert.Equal(2, written);
        Assert.True(File.Exists(Path.Combine(Output, "other.html")));
    }

    [Fact]
    public void A_preview_rebuild_after_one_new_article_writes_only_the_pages_it_changes()
    {
        using var site = new TempSite();
        var builder = new SiteBuilder();
        BuildResult first = builder.Build(site.Options);
        site.AddArticle("005_new.txt", "A summit was held on April 9, 2026.");

        BuildResult second = builder.Build(site.Options);

        Assert.Equal(first.Files.Count, first.FilesWritten);
        Assert.InRange(second.FilesWritten, 1, second.Files.Count - 1);
        Assert.Equal(second.Files.Count, Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Length);
        foreach (SiteFile file in second.Files)
        {
            Assert.Equal(file.Content, File.ReadAllBytes(Path.Combine(site.Output, file.Path)));
        }
    }

    [Fact]
    public void A_new_build_with_the_cache_folder_renders_and_writes_only_what_changed_and_equals_a_full_build()
    {
        // `timeline build` in a new process: the output state comes from the cache folder, not from memory.
        using var site = new TempSite();
        Assert.True(new SiteBuilder().Build(site.Options).Succeeded);
        site.AddArticle("005_new.txt", "A summit was held on April 9, 2026.");

        BuildResult incremental = new SiteBuilder().Build(site.Options);
        string full = Path.Combine(site.Root, "full");
        BuildResult whole = new SiteBuilder().Build(site.Options with { OutputDir = full, NoCache = true });

        Assert.InRange(incremental.FilesWritten, 1, incremental.Files.Count - 1);
        Assert.True(incremental.PagesReused > 0, "unchanged article pages are not rendered again");
        Assert.Equal(whole.FilesWritten, whole.Files.Count);
        Assert.Equal(Tree(full), Tree(site.Output));
    }

    [Fact]
    public void A_theme_change_renders_every_page_again()
    {
        // The theme is part of every page's fingerprint: a changed footer must reach pages whose data did not change.
        using var site = new TempSite();
        Assert.True(new SiteBuilder().Build(site.Options).Succeeded);
        string footer = Path.Combine(site.Themes, "default", "partials", "footer.sbnhtml");
        File.WriteAllText(footer, File.ReadAllText(footer).Replace("<footer class=\"site-footer\">", "<footer class=\"site-footer\"><p>Edited footer</p>", StringComparison.Ordinal));

        BuildResult second = new SiteBuilder().Build(site.Options);

        Assert.Equal(0, second.PagesReused);
        Assert.All(Directory.GetFiles(site.Output, "index.html", SearchOption.AllDirectories), f => Assert.Contains("Edited footer", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void A_build_that_fails_while_rendering_leaves_the_output_and_its_folder_untouched()
    {
        // Pages are rendered into a staging folder: an error in the article layout (rendered after other pages) must not show.
        using var site = new TempSite();
        Assert.True(new SiteBuilder().Build(site.Options).Succeeded);
        Dictionary<string, string> before = Tree(site.Output);
        File.WriteAllText(site.Layout("article.sbnhtml"), "{{ article.title | no_such_function }}");

        Assert.ThrowsAny<Scriban.Syntax.ScriptRuntimeException>(() => new SiteBuilder().Build(site.Options));

        Assert.Equal(before, Tree(site.Output));
        Assert.DoesNotContain(Directory.GetDirectories(site.Root), d => Path.GetFileName(d).Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void A_corrupt_state_file_means_every_page_is_rendered_and_compared_with_the_disk()
    {
        // Without a usable state nothing is reused unseen: every page is rendered again, and a file is written only if
        // its bytes differ from what the folder holds (here one page edited by hand since).
        using var site = new TempSite();
        Assert.True(new SiteBuilder().Build(site.Options).Succeeded);
        Dictionary<string, string> built = Tree(site.Output);
        foreach (string state in Directory.GetFiles(Path.Combine(site.CacheDir, "output")))
        {
            File.WriteAllText(state, "garbage\tnot a state");
        }

        File.WriteAllText(Path.Combine(site.Output, "methodology", "index.html"), "edited by hand");

        BuildResult second = new SiteBuilder().Build(site.Options);

        Assert.Equal(0, second.PagesReused);
        Assert.Equal(1, second.FilesWritten);
        Assert.Equal(built, Tree(site.Output));
    }

    [Fact]
    public void A_no_cache_build_over_an_existing_site_writes_only_changed_files_and_deletes_strays()
    {
        // No state at all (--no-cache keeps none): the folder's files are compared byte by byte; a file no build makes goes.
        var first = new OutputState();
        first.Write(Output, [Page("index.html", "v1"), Page("events/a/index.html", "a"), Page("events/b/index.html", "b")]);
        DateTime untouched = File.GetLastWriteTimeUtc(Path.Combine(Output, "events", "a", "index.html"));
        File.WriteAllText(Path.Combine(Output, "stray.html"), "left by someone");

        int written = new OutputState().Write(Output, [Page("index.html", "v2"), Page("events/a/index.html", "a"), Page("events/c/index.html", "c")]);

        Assert.Equal(2, written);
        Assert.Equal(untouched, File.GetLastWriteTimeUtc(Path.Combine(Output, "events", "a", "index.html")));
        Assert.Equal(
            new Dictionary<string, string> { ["index.html"] = "v2", ["events/a/index.html"] = "a", ["events/c/index.html"] = "c" },
            Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Output, f), File.ReadAllText));
        Assert.False(Directory.Exists(Path.Combine(Output, "events", "b")));
    }

    [Fact]
    public void A_commit_cut_short_after_its_journal_leaves_the_old_site_and_the_next_build_finishes_it()
    {
        // The process dies at the commit point (journal written, nothing renamed yet): the old site is still whole,
        // and the next build of the folder first finishes the interrupted commit, then makes its own.
        var state = new OutputState();
        state.Write(Output, [Page("index.html", "v1"), Page("events/a/index.html", "a"), Page("events/b/index.html", "b")]);
        OutputSession.BeforeApply = s => !s.StartsWith(_root, StringComparison.Ordinal); // only this test's commits stop
        try
        {
            new OutputState().Write(Output, [Page("index.html", "v2"), Page("events/a/index.html", "a2"), Page("events/c/index.html", "c")]);
        }
        finally
        {
            OutputSession.BeforeApply = null;
        }

        Assert.Equal(["a", "b"], Directory.GetDirectories(Path.Combine(Output, "events")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("v1", File.ReadAllText(Path.Combine(Output, "index.html")));

        Assert.Equal(1, OutputSession.Recover(Path.GetFullPath(Output)));

        Assert.Equal("v2", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal("a2", File.ReadAllText(Path.Combine(Output, "events", "a", "index.html")));
        Assert.Equal(["a", "c"], Directory.GetDirectories(Path.Combine(Output, "events")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_commit_killed_half_way_through_its_renames_is_finished_by_the_next_write()
    {
        // Some renames done, the rest not (simulated by carrying out the first line of the journal by hand):
        // the next write finishes the old commit before comparing, so it ends with exactly its own files.
        var state = new OutputState();
        state.Write(Output, [Page("index.html", "v1"), Page("events/a/index.html", "a")]);
        string? staging = null;
        OutputSession.BeforeApply = s =>
        {
            if (!s.StartsWith(_root, StringComparison.Ordinal))
            {
                return true;
            }

            staging = s;
            return false;
        };
        try
        {
            new OutputState().Write(Output, [Page("index.html", "v2"), Page("events/a/index.html", "a2")]);
        }
        finally
        {
            OutputSession.BeforeApply = null;
        }

        string[] first = File.ReadAllLines(Path.Combine(staging!, OutputSession.JournalName))[0].Split('\t');
        File.Move(Path.Combine(staging!, first[1]), Path.Combine(Output, first[2]), overwrite: true);

        int written = new OutputState().Write(Output, [Page("index.html", "v3"), Page("events/a/index.html", "a2")]);

        Assert.Equal(1, written);
        Assert.Equal(("v3", "a2"), (File.ReadAllText(Path.Combine(Output, "index.html")), File.ReadAllText(Path.Combine(Output, "events", "a", "index.html"))));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    private static Dictionary<string, string> Tree(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static SiteFile Page(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));
}
