using Timeline.Core.Diagnostics;
using Timeline.Site.Loading;

namespace Timeline.Site.Tests.Loading;

public class SiteConfigLoaderTest
{
    [Fact]
    public void ReadsTheSampleSiteFile()
    {
        using var input = new TempInput();
        File.Copy(TempInput.FixturePath("sample-site.yml"), Path.Combine(input.Dir, "site.yml"));

        (SiteConfig config, IReadOnlyList<Diagnostic> diagnostics) = SiteConfigLoader.Load(input.Dir);

        Assert.Empty(diagnostics);
        Assert.Equal("Syria and Russia after Assad", config.Title);
        Assert.Equal("Syria and Russia after Assad", config.Topic);
        Assert.StartsWith("How Syria's new rulers", config.Description, StringComparison.Ordinal);
        Assert.Equal("/", config.BaseUrl);
        Assert.Equal("Europe/Moscow", config.TimeZone.Id);
        Assert.Equal("default", config.Theme);
        Assert.Equal("en", config.Language);
    }

    [Fact]
    public void MissingFileGivesDefaultsAndAWarning()
    {
        using var input = new TempInput();
        (SiteConfig config, IReadOnlyList<Diagnostic> diagnostics) = SiteConfigLoader.Load(input.Dir);
        Assert.Equal(SiteConfigLoader.Defaults, config);
        Assert.Equal(Severity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Theory]
    // An unknown zone is an error at the value, and UTC is kept.
    [InlineData("title: T\ntime_zone: Europe/Atlantis\n", Severity.Error, 2, 12, "time_zone: 'Europe/Atlantis' is not an IANA time zone")]
    // A base URL that is neither a path nor an http(s) URL.
    [InlineData("title: T\nbase_url: ftp://example.org\n", Severity.Warning, 2, 11, "base_url")]
    // Keys this version does not read are noted, not fatal.
    [InlineData("title: T\ncolour: blue\n", Severity.Info, 2, 1, "colour: not a site setting")]
    // Broken YAML.
    [InlineData("title: \"unterminated\n", Severity.Error, 1, 8, "invalid YAML")]
    public void ReportsBadValues(string yaml, Severity severity, int line, int column, string message)
    {
        (SiteConfig config, IReadOnlyList<Diagnostic> diagnostics) = SiteConfigLoader.Parse(yaml);
        Diagnostic d = Assert.Single(diagnostics, x => x.Severity == severity);
        Assert.Equal("site.yml", d.File);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.Equal("UTC", config.TimeZone.Id);
    }

    [Fact]
    public void BaseUrlAlwaysEndsWithASlash()
    {
        (SiteConfig config, _) = SiteConfigLoader.Parse("title: T\nbase_url: /timeline\n");
        Assert.Equal("/timeline/", config.BaseUrl);
    }
}
