using Timeline.Site.Pipeline;

namespace Timeline.Site.Tests.Rendering;

public sealed class DeterminismTest
{
    [Fact]
    public void RebuildingTheSampleSiteIsByteIdentical()
    {
        using var first = new TempDir();
        using var second = new TempDir();
        var builder = new SiteBuilder();
        Assert.True(builder.Build(new BuildOptions(TestSite.SampleInput, first.Path) { ThemesDir = TestSite.ThemesDir }).Succeeded);
        Assert.True(builder.Build(new BuildOptions(TestSite.SampleInput, second.Path) { ThemesDir = TestSite.ThemesDir }).Succeeded);

        var a = Files(first.Path);
        var b = Files(second.Path);
        Assert.Equal(a, b);
        Assert.Contains("index.html", a);
        Assert.Contains("timeline.json", a);
        foreach (string file in a)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, file))), $"{file} differs between builds");
        }
    }

    [Fact]
    public void RenderingTheSameModelTwiceIsByteIdentical()
    {
        var one = new Timeline.Site.Rendering.SiteRenderer(TestSite.ThemeDir).Render(TestSite.Model());
        var two = new Timeline.Site.Rendering.SiteRenderer(TestSite.ThemeDir).Render(TestSite.Model());
        Assert.Equal(one.Select(f => f.Path), two.Select(f => f.Path));
        Assert.All(one.Zip(two), p => Assert.True(p.First.Content.AsSpan().SequenceEqual(p.Second.Content), p.First.Path));
    }

    private static List<string> Files(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();
}
