using Timeline.Core.Diagnostics;
using Timeline.Site.Pipeline;

namespace Timeline.EndToEnd.Tests;

/// <summary>One broken article never stops the others from building, unless --strict; a failed build keeps the old site.</summary>
public sealed class BrokenInputTest : IDisposable
{
    private const string BrokenName = "zz_broken.md";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "timeline-broken-" + Guid.NewGuid().ToString("N"));

    public BrokenInputTest()
    {
        CopyDirectory(RepoPaths.Input, Input);
        File.WriteAllText(
            Path.Combine(Input, "articles", BrokenName),
            "---\ntitle: A broken article\nsource: Nowhere\npublished: 2024-13-45\n---\nSomething happened on Monday.\n");
    }

    private string Input => Path.Combine(_root, "input");

    private string Output => Path.Combine(_root, "output");

    [Fact]
    public void OtherArticlesStillBuildAndTheErrorNamesFileLineAndColumn()
    {
        BuildResult result = new SiteBuilder().Build(new BuildOptions(Input, Output) { ThemesDir = RepoPaths.Themes });

        Assert.True(result.Succeeded);
        Assert.Equal(5, result.ArticlesRead);
        Diagnostic error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal($"articles/{BrokenName}", error.File);
        Assert.Equal(4, error.Line);
        Assert.Equal(12, error.Column); // the value after "published: "
        Assert.Contains("2024-13-45", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, "events.json")));
    }

    [Fact]
    public void StrictBuildFailsAndLeavesThePreviousSiteUntouched()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "index.html"), "previous site");

        BuildResult result = new SiteBuilder().Build(new BuildOptions(Input, Output) { ThemesDir = RepoPaths.Themes, Strict = true });

        Assert.False(result.Succeeded);
        Assert.Equal("previous site", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(Output).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
