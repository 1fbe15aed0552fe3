using Timeline.Core.Text;
using Timeline.Site.Loading;

namespace Timeline.Site.Tests.Loading;

public class ArticleFilesTest
{
    [Theory]
    // Typographic apostrophe dropped, not turned into a hyphen.
    [InlineData("Syria’s interim leader meets Putin", "syrias-interim-leader-meets-putin")]
    // Diacritics folded to ASCII.
    [InlineData("Nicolás Maduro captured — what next?", "nicolas-maduro-captured-what-next")]
    // Nothing usable left.
    [InlineData("???", "article")]
    public void Slugs(string title, string slug)
    {
        Assert.Equal(slug, ArticleFiles.Slug(title));
    }

    [Theory]
    // Plain when YAML reads it back unchanged.
    [InlineData("Levant Daily", "Levant Daily")]
    [InlineData("https://levant-daily.example/a?b=c", "https://levant-daily.example/a?b=c")]
    [InlineData("2026-01-28T19:05:00+03:00", "2026-01-28T19:05:00+03:00")]
    // Quoted when a plain scalar would change meaning: key-like ": ", a comment, a flow collection, a boolean, a template.
    [InlineData("Putin: talks", "\"Putin: talks\"")]
    [InlineData("Issue#1", "Issue#1")]
    [InlineData("note #comment", "\"note #comment\"")]
    [InlineData("[draft]", "\"[draft]\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("{{ articles_filter_1561_widget.title }}", "\"{{ articles_filter_1561_widget.title }}\"")]
    public void WritesYamlScalars(string value, string yaml)
    {
        Assert.Equal(yaml, ArticleFiles.Scalar(value));
    }

    [Theory]
    [InlineData("Putin: “talks” went well, #1")]
    [InlineData("note #comment")]
    [InlineData("- a list?")]
    [InlineData("'single' and \"double\" quotes")]
    [InlineData("tab\there and a backslash \\")]
    [InlineData("null")]
    [InlineData("Nicolás Maduro – 100% *captured*")]
    [InlineData("ends with a colon:")]
    public void ScalarsReadBackUnchanged(string value)
    {
        (var entries, var diagnostics) = YamlMap.Parse("key: " + ArticleFiles.Scalar(value) + "\n", "x.md", 2);
        Assert.Empty(diagnostics);
        Assert.Equal(value, Assert.Single(entries).Value.Scalar);
    }

    [Fact]
    public void NewScaffoldLoads()
    {
        using var input = new TempInput();
        (ArticleFile? file, string? error) = ArticleFiles.New("Putin: “talks” went well, #1", "Agence: X", "2026-01-28T21:30:00+03:00", "Europe/Moscow");
        Assert.Null(error);
        Assert.Equal("putin-talks-went-well-1.md", file!.FileName);
        ArticleFiles.Write(file, Path.Combine(input.Dir, "articles"));

        // An empty article is reported by the cleaner, but it loads with its front matter intact.
        Article article = Assert.Single(ArticleLoader.LoadDirectory(input.Dir, SiteConfigLoader.Defaults).Articles);
        Assert.Equal("Putin: “talks” went well, #1", article.Title);
        Assert.Equal("Agence: X", article.Source);
        Assert.Equal("2026-01-28T21:30:00 Europe/Moscow (+03)", article.Published.Published.ToString());
        Assert.Empty(ArticleCleaner.Clean(article).Stories);
    }

    [Theory]
    [InlineData("2024-13-45", null, "is not a date")]
    [InlineData("2026-01-28", "Mars/Base", "not an IANA time zone")]
    public void NewRejectsBadValues(string published, string? zone, string message)
    {
        (ArticleFile? file, string? error) = ArticleFiles.New("Title", "Source", published, zone);
        Assert.Null(file);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
