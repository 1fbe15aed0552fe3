using System.Text;
using Timeline.Site.Pipeline;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Pipeline;

public sealed class SiteWriterTest : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-writer-" + Guid.NewGuid().ToString("N"));

    private string Output => Path.Combine(_root, "output");

    [Fact]
    public void WritesEveryFileUnderTheOutputFolder()
    {
        SiteWriter.Write(Output, [File("index.html", "home"), File("events/a/index.html", "a")]);

        Assert.Equal("home", System.IO.File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal("a", System.IO.File.ReadAllText(Path.Combine(Output, "events", "a", "index.html")));
    }

    [Fact]
    public void ReplacesThePreviousSiteWhole()
    {
        // A page that the new build no longer produces must not survive (stale pages would keep old events online).
        SiteWriter.Write(Output, [File("index.html", "v1"), File("old.html", "gone soon")]);
        SiteWriter.Write(Output, [File("index.html", "v2")]);

        Assert.Equal("v2", System.IO.File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.False(System.IO.File.Exists(Path.Combine(Output, "old.html")));
    }

    [Fact]
    public void FailedWriteLeavesThePreviousSiteIntact()
    {
        // A path escaping the output folder aborts the write after other files were staged.
        SiteWriter.Write(Output, [File("index.html", "v1")]);

        Assert.Throws<InvalidOperationException>(() => SiteWriter.Write(Output, [File("index.html", "v2"), File("../escape.html", "x")]));

        Assert.Equal("v1", System.IO.File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.False(System.IO.File.Exists(Path.Combine(_root, "escape.html")));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static SiteFile File(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));
}
