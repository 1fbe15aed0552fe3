using System.Text;
using Scriban.Syntax;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

public sealed class ThemeFilesTest
{
    [Theory]
    // Traversal, absolute paths, backslashes and hidden files are not theme names.
    [InlineData("../layouts/index")]
    [InlineData("partials/../../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\index")]
    [InlineData(".hidden")]
    [InlineData("")]
    // The extension is added by the lookup, never given.
    [InlineData("head.sbnhtml")]
    public void PartialNamesOutsideTheAllowListAreNotFound(string name)
    {
        Assert.False(ThemeFiles.IsValidName(name, ThemeFileKind.Partial));
        Assert.Null(ThemeFiles.ForTheme(TestSite.ThemeDir).Find(ThemeFileKind.Partial, name));
    }

    [Fact]
    public void SiteOverridesWinInHugoOrder()
    {
        using var site = new TempDir();
        // A site-local copy of the theme overrides one partial …
        site.Write("themes/default/partials/footer.sbnhtml", "<footer>LOCAL THEME FOOTER</footer></body></html>");
        // … and input/layouts overrides beat it.
        site.Write("layouts/partials/footer.sbnhtml", "<footer>SITE FOOTER</footer></body></html>");
        site.Write("themes/default/layouts/404.sbnhtml", "{{ include 'head' }}<main id=\"main\"><h1>LOCAL 404</h1></main>{{ include 'footer' }}");

        var files = ThemeFiles.Locate(TestSite.ThemeDir, site.Path, "default");
        Assert.Equal(Path.Combine(site.Path, "layouts", "partials", "footer.sbnhtml"), files.Find(ThemeFileKind.Partial, "footer"));

        var rendered = new SiteRenderer(files).Render(TestSite.Model()).ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Content));
        Assert.Contains("SITE FOOTER", rendered["index.html"], StringComparison.Ordinal);
        Assert.DoesNotContain("LOCAL THEME FOOTER", rendered["index.html"], StringComparison.Ordinal);
        Assert.Contains("LOCAL 404", rendered["404.html"], StringComparison.Ordinal);
        // Everything not overridden still comes from the theme.
        Assert.Contains("The story at a glance", rendered["index.html"], StringComparison.Ordinal);
    }

    [Fact]
    public void IncludeOfAPathOutsideThePartialsFails()
    {
        using var site = new TempDir();
        site.Write("secret.sbnhtml", "SECRET");
        site.Write("layouts/404.sbnhtml", "{{ include '../../secret' }}");
        var renderer = new SiteRenderer(ThemeFiles.Locate(TestSite.ThemeDir, site.Path, "default"));
        var error = Assert.Throws<ScriptRuntimeException>(() => renderer.Render(TestSite.Model()));
        Assert.Contains("not a theme partial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AParseErrorNamesFileLineAndColumn()
    {
        using var site = new TempDir();
        string path = site.Write("layouts/404.sbnhtml", "<h1>\n{{ if }}</h1>");
        var error = Assert.Throws<ThemeException>(() => new SiteRenderer(ThemeFiles.Locate(TestSite.ThemeDir, site.Path, "default")));
        Assert.Contains(path + "(2,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssetsAreFingerprintedByContent()
    {
        var rendered = new SiteRenderer(TestSite.ThemeDir).Render(TestSite.Model());
        SiteFile css = Assert.Single(rendered, f => f.Path.StartsWith("assets/style.", StringComparison.Ordinal));
        Assert.Equal("assets/" + ThemeAssets.Fingerprinted("style.css", css.Content), css.Path);
        Assert.Matches("^assets/style\\.[0-9a-f]{10}\\.css$", css.Path);
        string index = Encoding.UTF8.GetString(rendered.Single(f => f.Path == "index.html").Content);
        Assert.Contains($"href=\"/{css.Path}\"", index, StringComparison.Ordinal);
    }
}
