using System.Text;
using NodaTime;
using Timeline.Core.Diagnostics;
using Timeline.Core.Text;
using Timeline.Site.Loading;

namespace Timeline.Site.Tests.Loading;

/// <summary>Loading the hostile folder (Loading/Fixtures/hostile) plus files generated here that git would mangle.</summary>
public sealed class ArticleLoaderTest : IDisposable
{
    private readonly TempInput _input = new("hostile");
    private readonly SiteConfig _config;

    public ArticleLoaderTest()
    {
        // Bytes git would mangle or that are too big to commit are generated here.
        _input.Write("articles/20-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);
        _input.Write("articles/21-latin1.txt", Encoding.Latin1.GetBytes(
            "---\ntitle: Caf\u00e9 talks in Damascus\nsource: Le Monde\npublished: 2026-01-28\n---\nLes ministres se sont r\u00e9unis au caf\u00e9 \u00e0 Damas.\n")
            .Concat(new byte[] { 0x93, (byte)'Q', 0x94, (byte)'\n' }).ToArray());
        _input.Write("articles/22-crlf-bom.txt", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(
            "---\r\ntitle: Windows line endings\r\nsource: Test\r\npublished: 2026-01-28\r\n---\r\nFirst line.\r\nSecond line with a date: published: 2024-13-45 is just text.\r\n")).ToArray());
        _input.Write("articles/23-utf16.txt", new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(
            "---\ntitle: UTF-16 file\nsource: Test\npublished: 2026-01-28\n---\nSaved by an old editor.\n")).ToArray());
        var huge = new StringBuilder("---\ntitle: Huge\nsource: Test\npublished: 2026-01-28\n---\n");
        while (huge.Length <= ArticleLoader.MaxFileBytes + 1000)
        {
            huge.Append("Putin met al-Sharaa in Moscow on Wednesday — “talks” continued. ");
        }

        _input.Write("articles/24-huge.txt", huge.ToString());
        (_config, _) = SiteConfigLoader.Load(_input.Dir);
    }

    public void Dispose() => _input.Dispose();

    private LoadResult Load() => ArticleLoader.LoadDirectory(_input.Dir, _config);

    private static IEnumerable<Diagnostic> For(LoadResult result, string file) => result.Diagnostics.Where(d => d.File == "articles/" + file);

    [Fact]
    public void LoadsEveryGoodFileInOrdinalPathOrder()
    {
        LoadResult result = Load();
        Assert.Equal(
            [
                "articles/01-good.md", "articles/02-date-in-text.txt", "articles/21-latin1.txt", "articles/22-crlf-bom.txt",
                "articles/23-utf16.txt", "articles/24-huge.txt", "articles/nested/11-local-time.txt",
            ],
            result.Articles.Select(a => a.Path));
    }

    [Fact]
    public void AnArticleWhoseStagesFailIsItsOwnErrorAndTheOthersAreProcessed()
    {
        // One article's fault (a bug, a regex timeout) must not stop the build: that file gets an error, nothing else is lost.
        var (items, diagnostics) = ArticleLoader.LoadDirectory(_input.Dir, _config, article =>
            article.Path == "articles/22-crlf-bom.txt" ? throw new InvalidOperationException("boom") : article.Path);
        Assert.DoesNotContain("articles/22-crlf-bom.txt", items);
        Assert.Contains("articles/01-good.md", items);
        Assert.Equal(6, items.Count);
        Diagnostic error = Assert.Single(diagnostics, d => d.Severity == Severity.Error && d.File == "articles/22-crlf-bom.txt");
        Assert.Contains("boom", error.Message);
    }

    [Fact]
    public void IsDeterministic()
    {
        LoadResult a = Load();
        LoadResult b = Load();
        Assert.Equal(a.Diagnostics, b.Diagnostics);
        Assert.Equal(a.Articles.Select(x => (x.Path, x.Body, x.ContentHash)), b.Articles.Select(x => (x.Path, x.Body, x.ContentHash)));
    }

    [Fact]
    public void ReadsFrontMatter()
    {
        Article good = Load().Articles.Single(a => a.Path == "articles/01-good.md");
        Assert.Equal("Syria's interim president visits Moscow", good.Title);
        Assert.Equal("Associated Press", good.Source);
        Assert.Equal(new LocalDate(2026, 1, 28), good.Published.Date);
        Assert.False(good.Published.HasTimeOfDay);
        Assert.Equal("Europe/Moscow", good.Published.Published.Zone.Id); // site.yml's zone
        Assert.Equal("https://apnews.example/article/syria-russia-putin", good.Url);
        Assert.Equal(["Syria", "Russia"], good.Tags);
        Assert.Equal("world", good.Metadata["desk"]);
        Assert.Equal(ArticleFormat.Markdown, good.Format);
        Assert.Equal(9, good.BodyLine); // after six keys and two "---" lines
        Assert.Equal(64, good.ContentHash.Length);
    }

    [Fact]
    public void ReadsALocalTimeInTheFrontMattersZone()
    {
        Article local = Load().Articles.Single(a => a.Path == "articles/nested/11-local-time.txt");
        Assert.True(local.Published.HasTimeOfDay);
        Assert.Equal("2026-01-28T21:30:00 Europe/London (+00)", local.Published.Published.ToString());
        Assert.Equal("Jane Roe", local.Author);
        Assert.Equal(["Syria", "Russia"], local.Tags);
    }

    [Fact]
    public void InfersAMissingDateFromTheTextAndWarns()
    {
        LoadResult result = Load();
        Article inferred = result.Articles.Single(a => a.Path == "articles/02-date-in-text.txt");
        Assert.Equal("2026-01-29T00:30:00 Asia/Manila (+08)", inferred.Published.Published.ToString());
        Diagnostic warning = Assert.Single(For(result, "02-date-in-text.txt"));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal((10, 11), (warning.Line, warning.Column)); // "Jan 29, 2026" on file line 10
        Assert.Contains("Published Jan 29, 2026 12:30 am", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesOutAnArticleWithNoDateAtAll()
    {
        LoadResult result = Load();
        Diagnostic error = Assert.Single(For(result, "03-no-date.txt"));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("published: missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // The value's position, and a hint naming what it should look like.
    [InlineData("04-bad-published.txt", 4, 12, "published: 2024-13-45 is not a date")]
    // YamlDotNet cannot say where an unclosed flow sequence went wrong: the front matter's first line.
    [InlineData("05-bad-yaml.txt", 2, 1, "invalid YAML")]
    [InlineData("06-unclosed.txt", 1, 1, "never closed")]
    [InlineData("nested/10-bad-zone.txt", 5, 12, "time_zone: 'Mars/Olympus_Mons' is not an IANA time zone")]
    public void ReportsBadFrontMatterWithPositions(string file, int line, int column, string message)
    {
        Diagnostic error = Assert.Single(For(Load(), file), d => d.Severity == Severity.Error);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatsDiagnosticsMsBuildStyle()
    {
        Diagnostic error = Assert.Single(For(Load(), "04-bad-published.txt"));
        Assert.StartsWith("articles/04-bad-published.txt(4,12): error: published: 2024-13-45 is not a date (expected", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("07-empty.txt", Severity.Warning, "empty file")]
    [InlineData("20-binary.txt", Severity.Error, "binary file")]
    [InlineData("21-latin1.txt", Severity.Warning, "Windows-1252")]
    [InlineData("23-utf16.txt", Severity.Warning, "UTF-16")]
    [InlineData("24-huge.txt", Severity.Warning, "larger than 5 MB")]
    [InlineData("notes.pdf", Severity.Info, "not an article format")]
    [InlineData("08-duplicate-of-01.md", Severity.Info, "same content as articles/01-good.md")]
    [InlineData("09-same-url-and-title.md", Severity.Warning, "same url and title as articles/01-good.md")]
    public void ReportsHostileFiles(string file, Severity severity, string message)
    {
        Diagnostic diagnostic = Assert.Single(For(Load(), file));
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodesLegacyEncodings()
    {
        LoadResult result = Load();
        Article latin = result.Articles.Single(a => a.Path == "articles/21-latin1.txt");
        Assert.Equal("Café talks in Damascus", latin.Title);
        Assert.Contains("réunis au café à Damas.\n“Q”", latin.Body, StringComparison.Ordinal); // 0x93/0x94 are Windows-1252 quotes
        Article utf16 = result.Articles.Single(a => a.Path == "articles/23-utf16.txt");
        Assert.Equal("Saved by an old editor.\n", utf16.Body);
    }

    [Fact]
    public void NormalisesLineEndingsAndTheByteOrderMark()
    {
        Article crlf = Load().Articles.Single(a => a.Path == "articles/22-crlf-bom.txt");
        Assert.Equal("Windows line endings", crlf.Title);
        Assert.DoesNotContain('\r', crlf.Body);
        Assert.Equal(6, crlf.BodyLine);
        Assert.Equal((7, 1), crlf.Locate(crlf.Body.IndexOf("Second", StringComparison.Ordinal)));
    }

    [Fact]
    public void CapsHugeFiles()
    {
        Article huge = Load().Articles.Single(a => a.Path == "articles/24-huge.txt");
        Assert.True(huge.Body.Length <= ArticleLoader.MaxFileBytes);
        Assert.True(huge.Body.Length > ArticleLoader.MaxFileBytes / 2);
    }

    [Theory]
    // A file read whole and hashed in memory, one with a BOM and CRLF (hashed as stored, not as decoded), and one over
    // the cap: read in part, yet hashed over every byte, so an edit past the cap still changes the cache key.
    [InlineData("21-latin1.txt")]
    [InlineData("22-crlf-bom.txt")]
    [InlineData("24-huge.txt")]
    public void ContentHashIsTheSha256OfEveryByteOfTheFile(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(_input.Dir, "articles", file));
        Article article = Load().Articles.Single(a => a.Path == "articles/" + file);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), article.ContentHash);
    }

    [Fact]
    public void MissingArticlesFolderIsAnError()
    {
        using var empty = new TempInput();
        Directory.Delete(Path.Combine(empty.Dir, "articles"));
        LoadResult result = ArticleLoader.LoadDirectory(empty.Dir, SiteConfigLoader.Defaults);
        Assert.Empty(result.Articles);
        Assert.Equal(Severity.Error, Assert.Single(result.Diagnostics).Severity);
    }

    [Fact]
    public void MarkdownBodyIsPlainTextThatMapsToFileLines()
    {
        Article good = Load().Articles.Single(a => a.Path == "articles/01-good.md");
        Assert.DoesNotContain("*", good.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("](", good.Body, StringComparison.Ordinal);
        Assert.Contains("Al-Sharaa, who first visited Russia in October, thanked Putin", good.Body, StringComparison.Ordinal);

        // "in less than four months" starts the second line of the Markdown paragraph: file line 12.
        Assert.Equal((12, 1), good.Locate(good.Body.IndexOf("in less than four months", StringComparison.Ordinal)));
        (int line, _) = good.Locate(good.Body.IndexOf("thanked Putin", StringComparison.Ordinal));
        Assert.Equal(14, line);
    }

    [Theory]
    // An unquoted ': ' in a title (invalid YAML) is read as text, with a warning at the value: the article is not lost.
    [InlineData("title: SVB collapse: start-ups count their exposure\n", "SVB collapse: start-ups count their exposure", 2, 8)]
    // A quote inside such a value survives the quoting.
    [InlineData("title: Q&A: what's next for the bank\n", "Q&A: what's next for the bank", 2, 8)]
    // The mistake on a later line: the earlier lines keep their values.
    [InlineData("source: Wire\ntitle: Live: rescue under way\n", "Live: rescue under way", 3, 8)]
    public void ReadsAnUnquotedColonInAValueAsTextWithAWarning(string frontMatter, string title, int line, int column)
    {
        using var input = new TempInput();
        input.Write("articles/a.txt", $"---\n{frontMatter}published: 2023-03-11T00:40:00+05:30\n---\nRegulators shut the bank on Friday.\n");
        LoadResult result = ArticleLoader.LoadDirectory(input.Dir, SiteConfigLoader.Defaults);
        Article article = Assert.Single(result.Articles);
        Assert.Equal(title, article.Title);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Diagnostic warning = Assert.Single(result.Diagnostics, d => d.Message.Contains("contains ': ' and is not quoted", StringComparison.Ordinal));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal((line, column), (warning.Line, warning.Column));
    }

    [Theory]
    // A value that opens a quote it never closes is not that mistake: still an error, and the article is left out.
    [InlineData("title: \"SVB: unterminated\n")]
    // A nested mapping under a key is a different structure, not a stray colon: reported, not rewritten.
    [InlineData("title:\n  main: A: B\n")]
    public void OtherYamlErrorsAreNotRewritten(string frontMatter)
    {
        using var input = new TempInput();
        input.Write("articles/a.txt", $"---\n{frontMatter}published: 2023-03-11T00:40:00+05:30\n---\nBody.\n");
        LoadResult result = ArticleLoader.LoadDirectory(input.Dir, SiteConfigLoader.Defaults);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error || d.Message.Contains("nested", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("is not quoted", StringComparison.Ordinal));
    }
}
