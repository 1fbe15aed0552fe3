using Timeline.Core.Diagnostics;
using Timeline.Core.Text;
using Timeline.Site.Loading;

namespace Timeline.Site.Tests.Loading;

/// <summary>A realistic saved news page (Loading/Fixtures/pages/news-page.html): extraction, import, and the round trip.</summary>
public class HtmlImportTest
{
    private static readonly string Page = File.ReadAllText(TempInput.FixturePath(Path.Combine("pages", "news-page.html")));

    private static readonly string[] Furniture =
    [
        "Skip to main content", "ADVERTISEMENT", "dataLayer", "font-size", "Share on", "Related stories", "Russian wheat", "25 February 2025",
        "newsletter", "Most read", "Oil prices", "All rights reserved", "cookies", "Politics", "loadAd",
    ];

    [Fact]
    public void ReadsThePagesMetadata()
    {
        HtmlPage page = HtmlExtractor.Extract(Page);
        Assert.Equal("Syria’s interim leader meets Putin in Moscow as Russia eyes its bases", page.Title);
        Assert.Equal("Levant Daily", page.SiteName);
        Assert.Equal(new PageValue("2026-01-28T19:05:00+03:00", "<meta article:published_time>"), page.Published);
        Assert.Equal("https://levant-daily.example/world/2026/01/28/syria-putin-moscow", page.Url);
        Assert.Equal("Lina Haddad", page.Author);
        Assert.Equal(["Syria", "Russia"], page.Tags);
    }

    [Fact]
    public void FallsBackToJsonLdAndTimeElements()
    {
        // Without the Open Graph / article:* tags, JSON-LD (inside @graph) supplies the same facts.
        string stripped = string.Join('\n', Page.Split('\n').Where(l => !l.Contains("<meta property=", StringComparison.Ordinal) && !l.Contains("name=\"author\"", StringComparison.Ordinal)));
        HtmlPage page = HtmlExtractor.Extract(stripped);
        Assert.Equal(new PageValue("2026-01-28T16:05:00Z", "JSON-LD datePublished"), page.Published);
        Assert.Equal("Levant Daily", page.SiteName);
        Assert.Equal("Lina Haddad", page.Author);
        Assert.Equal(["Syria", "Russia", "Kremlin"], page.Tags);

        string noJson = stripped.Replace("application/ld+json", "text/plain", StringComparison.Ordinal);
        Assert.Equal(new PageValue("2026-01-28T19:05:00+03:00", "<time datetime>"), HtmlExtractor.Extract(noJson).Published);
    }

    [Fact]
    public void ExtractsTheMainTextOnly()
    {
        HtmlPage page = HtmlExtractor.Extract(Page);
        Assert.Contains("MOSCOW — Syria’s interim President Ahmad al-Sharaa held talks", page.Text, StringComparison.Ordinal);
        Assert.Contains("Kremlin spokesman Dmitry Peskov said", page.Text, StringComparison.Ordinal);
        Assert.Contains("pose for a photo at the Kremlin", page.Text, StringComparison.Ordinal);
        foreach (string phrase in Furniture)
        {
            Assert.DoesNotContain(phrase, page.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void TextMapsBackToTheHtmlElement()
    {
        HtmlPage page = HtmlExtractor.Extract(Page);
        int clean = page.Text.IndexOf("Kremlin spokesman", StringComparison.Ordinal);
        int raw = page.Map.ToSource(clean);
        Assert.StartsWith("<p>Kremlin spokesman", Page[raw..], StringComparison.Ordinal);
    }

    [Fact]
    public void ImportRoundTripLoadsAndCleans()
    {
        using var input = new TempInput();
        ArticleFile file = ArticleFiles.Import(Page, "news-page.html");
        Assert.Empty(file.Notes);
        Assert.Equal("syrias-interim-leader-meets-putin-in-moscow-as-russia-eyes-its-bases.txt", file.FileName);

        string folder = Path.Combine(input.Dir, "articles");
        (string? written, string? error) = ArticleFiles.Write(file, folder);
        Assert.Null(error);
        Assert.NotNull(written);

        LoadResult result = ArticleLoader.LoadDirectory(input.Dir, SiteConfigLoader.Defaults);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
        Article article = Assert.Single(result.Articles);
        Assert.Equal("Syria’s interim leader meets Putin in Moscow as Russia eyes its bases", article.Title);
        Assert.Equal("Levant Daily", article.Source);
        Assert.Equal("2026-01-28T19:05:00+03", article.Published.Published.ToOffsetDateTime().ToString("uuuu'-'MM'-'dd'T'HH':'mm':'sso<g>", null));
        Assert.Equal("https://levant-daily.example/world/2026/01/28/syria-putin-moscow", article.Url);
        Assert.Equal("Lina Haddad", article.Author);
        Assert.Equal(["Syria", "Russia"], article.Tags);

        CleanedArticle cleaned = ArticleCleaner.Clean(article);
        Story story = Assert.Single(cleaned.Stories);
        Assert.Equal("MOSCOW —", story.Dateline);
        Assert.Single(story.Sentences, s => s.Kind == SentenceKind.Headline);
        Assert.Single(story.Sentences, s => s.Kind == SentenceKind.Caption);
        Assert.Equal(5, story.Sentences.Count(s => s.Kind == SentenceKind.Body)); // four paragraphs, the third has two sentences
        Assert.DoesNotContain("Lina Haddad", story.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportNeverOverwrites()
    {
        using var input = new TempInput();
        ArticleFile file = ArticleFiles.Import(Page, "news-page.html");
        string folder = Path.Combine(input.Dir, "articles");
        Assert.NotNull(ArticleFiles.Write(file, folder).Path);
        (string? again, string? error) = ArticleFiles.Write(file with { Content = "changed" }, folder);
        Assert.Null(again);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.NotEqual("changed", File.ReadAllText(Path.Combine(folder, file.FileName)));
    }

    [Fact]
    public void ASavedPageWithATextExtensionIsReadAsHtml()
    {
        using var input = new TempInput();
        input.Write("articles/page.txt", Page);
        LoadResult result = ArticleLoader.LoadDirectory(input.Dir, SiteConfigLoader.Defaults);
        Article article = Assert.Single(result.Articles);
        Assert.Equal(ArticleFormat.Html, article.Format);
        Assert.DoesNotContain("<p>", article.Body, StringComparison.Ordinal);
        Assert.Contains("rename the file to .html", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlArticlesLoadDirectly()
    {
        using var input = new TempInput();
        input.Write("articles/page.html", Page);
        Article article = Assert.Single(ArticleLoader.LoadDirectory(input.Dir, SiteConfigLoader.Defaults).Articles);
        Assert.Equal(ArticleFormat.Html, article.Format);
        Assert.Equal("Levant Daily", article.Source);

        // Positions point into the HTML file: the Peskov paragraph's <p> line.
        int line = Page[..Page.IndexOf("<p>Kremlin spokesman", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(line, article.Locate(article.Body.IndexOf("Kremlin spokesman", StringComparison.Ordinal)).Line);
    }
}
