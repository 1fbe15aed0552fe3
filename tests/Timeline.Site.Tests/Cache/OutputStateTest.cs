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

    private static SiteFile Page(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));
}
