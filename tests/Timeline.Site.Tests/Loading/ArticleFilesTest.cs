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
