using NodaTime;
using Timeline.Core.Diagnostics;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Text;

/// <summary>Cleaning on fragments copied from the five sample articles (Text/Fixtures).</summary>
public class ArticleCleanerTest
{
    private static readonly LocalDate Jan28 = new(2026, 1, 28);
    private static readonly LocalDate Jan29 = new(2026, 1, 29);

    public static TheoryData<string, string, LocalDate> Fixtures => new()
    {
        { "ap-two-stories.txt", "Syria's interim president visits Moscow for the second time in less than four months", Jan28 },
        { "manila-furniture.txt", "Putin hosts Syria's interim leader for talks, with Russian military bases on the agenda", Jan29 },
        { "morning-star-paywall.txt", "Syrian interim President visits Putin in Moscow", Jan29 },
        { "kyiv-photo-credit.txt", "Syrian interim president arrives in Moscow for talks with Putin", Jan28 },
        { "newspress-comments.txt", "Syria's interim leader Ahmad al-Sharaa meets with Putin in Moscow", new LocalDate(2025, 10, 15) },
    };

    /// <summary>Furniture that appears in the fragments and must not survive, whatever rule removes it.</summary>
    private static readonly string[] Furniture =
    [
        "ADVERTISEMENT", "{{", "}}", "padding-bottom", "function initializeAllSwipers", "querySelector", "Skip to", "Jump to comments",
        "Sign up by email", "Subscribe to continue reading", "You have reached the free limit", "Similar stories", "25 February 2025",
        "30 January 2025", "Related Tags", "World news", "Article Topic Follows", "Click to Gallery", "contributed.", "Photo: Kyiv Independent",
        "Author Profile Photo", "BE PART OF THE CONVERSATION", "Community Guidelines", "story idea", "Work with the NEU",
        "The 95th Anniversary Appeal", "Support the Morning Star", "Published Jan 29", "___", "18:15",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void NoFurnitureSurvives(string file, string title, LocalDate published)
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.Article(file, title, published));
        string text = Fixture.AllText(cleaned);
        Assert.NotEmpty(cleaned.Stories);
        foreach (string phrase in Furniture)
        {
            Assert.DoesNotContain(phrase, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EverySentenceMapsBackToTheBody(string file, string title, LocalDate published)
    {
        Article article = Fixture.Article(file, title, published);
        CleanedArticle cleaned = ArticleCleaner.Clean(article);
        foreach (Story story in cleaned.Stories)
        {
            foreach (Sentence sentence in story.Sentences)
            {
                string clean = story.Text[sentence.Start..sentence.End];
                int source = story.Map.ToSource(sentence.Start);
                Assert.True(source + clean.Length <= article.Body.Length);
                Assert.Equal(clean, article.Body.Substring(source, clean.Length).Replace('\u00A0', ' '));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void RemovedBlocksAreInsideTheBodyAndDoNotOverlapKeptText(string file, string title, LocalDate published)
    {
        Article article = Fixture.Article(file, title, published);
        CleanedArticle cleaned = ArticleCleaner.Clean(article);
        var kept = cleaned.Stories.SelectMany(s => s.Sentences.Select(x => (Start: s.Map.ToSource(x.Start), End: s.Map.ToSource(x.Start) + x.Length))).ToList();
        foreach (RemovedBlock removed in cleaned.Removed)
        {
            Assert.InRange(removed.Start, 0, article.Body.Length);
            Assert.InRange(removed.End, removed.Start + 1, article.Body.Length);
            Assert.DoesNotContain(kept, k => k.Start < removed.End && removed.Start < k.End);
        }
    }

    [Fact]
    public void SplitsTwoStoriesAtTheSecondDateline()
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.Article("ap-two-stories.txt", "Syria's interim president visits Moscow", Jan28));

        Assert.Equal(2, cleaned.Stories.Count);
        Assert.Equal("MOSCOW (AP) —", cleaned.Stories[0].Dateline);
        Assert.Equal("BAGHDAD (AP) —", cleaned.Stories[1].Dateline);
        Assert.StartsWith("Syria’s interim President Ahmad al-Sharaa visited Moscow", cleaned.Stories[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Former Iraqi Prime Minister Nouri al-Maliki", cleaned.Stories[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Maliki", cleaned.Stories[0].Text, StringComparison.Ordinal);
        Assert.Equal("articles/ap-two-stories.txt#1", cleaned.Stories[1].Id);
    }

    [Theory]
    // A second story after a rule, opened by its own headline and byline (no dateline): split there, its headline left out.
    [InlineData("---", "By Ben Ortiz, State political reporter", 2)]
    [InlineData("* * *", "By Ben Ortiz, State political reporter", 2)]
    [InlineData("---", "By Ben Ortiz", 2)]
    [InlineData("* * *", "By Ben Ortiz", 2)]
    // Or opened by a dateline after the headline.
    [InlineData("***", "SYDNEY (Reuters) - The state premier and the opposition leader clashed again on Monday.", 2)]
    // A section break inside one feature, a subheading and running text: one story.
    [InlineData("---", "The campaign went on through the weekend, and both leaders toured western suburbs.", 1)]
    public void SplitsASecondStoryAfterASeparatorAtItsHeadline(string separator, string opening, int stories)
    {
        string body = "Regulators closed the bank on Friday, the largest failure since 2008.\n\nDepositors were repaid on Monday.\n\n"
            + $"{separator}\n\nPremier and opposition leader trade blows over power bills as the campaign enters its final fortnight\n\n{opening}\n\n"
            + "Polling day is Saturday, March 25, and both leaders campaigned in marginal seats on Sunday.\n";
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.FromBody(body, "US regulators close the bank", new LocalDate(2023, 3, 13)));

        Assert.Equal(stories, cleaned.Stories.Count);
        Assert.DoesNotContain("Polling day", cleaned.Stories[0].Text[..cleaned.Stories[0].Text.IndexOf("Depositors", StringComparison.Ordinal)], StringComparison.Ordinal);
        if (stories == 2)
        {
            Assert.DoesNotContain("Polling day", cleaned.Stories[0].Text, StringComparison.Ordinal);
            Assert.Contains("Polling day is Saturday, March 25", cleaned.Stories[1].Text, StringComparison.Ordinal);
            Assert.DoesNotContain("trade blows", cleaned.Stories[1].Text, StringComparison.Ordinal);
            Assert.Contains(cleaned.Removed, r => r.Reason == "headline of the next story");
        }
    }

    [Fact]
    public void KeepsEachCaptionOnceAsCaptionInItsStory()
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.Article("ap-two-stories.txt", "Syria's interim president visits Moscow", Jan28));

        string[] moscowCaptions = Fixture.Sentences(cleaned.Stories[0], SentenceKind.Caption).ToArray();
        Assert.Equal(4, moscowCaptions.Length); // three gallery captions, the fourth ("arrives") first seen after the credit line
        Assert.Equal(moscowCaptions.Length, moscowCaptions.Distinct().Count());
        Assert.Contains(moscowCaptions, c => c.Contains("lays flowers", StringComparison.Ordinal));
        Assert.Contains(cleaned.Removed, r => r.Reason == "duplicate caption");

        // The trailing file photo belongs to the Baghdad story.
        string baghdadCaption = Assert.Single(Fixture.Sentences(cleaned.Stories[1], SentenceKind.Caption));
        Assert.StartsWith("FILE - Former Iraqi Prime Minister", baghdadCaption, StringComparison.Ordinal);

        // Captions are never body sentences.
        Assert.DoesNotContain(Fixture.Sentences(cleaned.Stories[0], SentenceKind.Body), s => s.Contains("Pool Photo", StringComparison.Ordinal));
    }

    [Theory]
    // A box of the section's other stories opens another story: its photo's caption is not this story's.
    [InlineData("ALSO ON THE WATERFRONT", false)]
    [InlineData("Also in Business", false)]
    // A contributor line ends the text, but a photo of the story may still follow it (its caption is kept).
    [InlineData("Reporters Ana Ruiz and Li Wei contributed.", true)]
    public void ACaptionAfterTheEndOfTheStoryIsKeptOnlyWhenNoOtherStoryFollows(string end, bool kept)
    {
        string body = "The port reopened on Monday after the storm, officials said, and ferries resumed their crossings.\n\n"
            + "Dock workers said the repairs had taken three days and cost more than expected.\n\n"
            + end + "\n\n"
            + "Photo: Fishing boats moored at the north pier on Sunday morning. (Harbour Times / Ana Ruiz)\n";
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.FromBody(body, "Port reopens", Jan28));
        Assert.Equal(kept, cleaned.Stories.SelectMany(s => Fixture.Sentences(s, SentenceKind.Caption)).Any(c => c.Contains("north pier", StringComparison.Ordinal)));
    }

    [Fact]
    public void HeadlineAndPublicationLineAreNotBody()
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.Article("manila-furniture.txt", "Putin hosts Syria's interim leader for talks, with Russian military bases on the agenda", Jan29));

        Story story = Assert.Single(cleaned.Stories);
        Assert.Equal("Putin hosts Syria's interim leader for talks, with Russian military bases on the agenda", Assert.Single(Fixture.Sentences(story, SentenceKind.Headline)));
        Assert.Equal("MOSCOW (AP) —", story.Dateline);
        Assert.Single(Fixture.Sentences(story, SentenceKind.Caption)); // the repeated caption is kept once
        Assert.Contains(cleaned.Removed, r => r.Reason == "publication or update stamp");
        Assert.All(Fixture.Sentences(story, SentenceKind.Body), s => Assert.DoesNotContain("Published", s, StringComparison.Ordinal));
    }

    [Fact]
    public void WarnsAboutAnUpdateStampInTheWrongYear()
    {
        Article article = Fixture.Article("morning-star-paywall.txt", "Syrian interim President visits Putin in Moscow", Jan29);
        CleanedArticle cleaned = ArticleCleaner.Clean(article);

        Diagnostic warning = Assert.Single(cleaned.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(article.Path, warning.File);
        Assert.Equal(7 + 4, warning.Line); // fixture line 5, body starts on file line 7
        Assert.Equal("Update: ".Length + 1, warning.Column);
        Assert.Contains("2025-01-29", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("January 29, 2025", Fixture.AllText(cleaned), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUpdateStampInTheRightYearKeepsItsNote()
    {
        string body = "Update: 18:15 January 29, 2026: Officials confirmed the meeting had ended.\nMOSCOW (AP) — Syria’s interim President Ahmad al-Sharaa visited Moscow on Wednesday.";
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.FromBody(body, "Visit", Jan29));

        Assert.Empty(cleaned.Diagnostics);
        Assert.StartsWith("Officials confirmed the meeting had ended.", cleaned.Stories[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheStoryOfThePaywalledPage()
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.Article("morning-star-paywall.txt", "Syrian interim President visits Putin in Moscow", Jan29));

        Story story = Assert.Single(cleaned.Stories);
        string[] body = Fixture.Sentences(story, SentenceKind.Body).ToArray();
        Assert.Equal(7, body.Length); // the seven paragraphs before the paywall, one sentence each
        Assert.StartsWith("SYRIA’S interim President", body[0], StringComparison.Ordinal);
        Assert.EndsWith("as a “very important step.”", body[^1], StringComparison.Ordinal); // a no-break space on the page, a plain one here
        Assert.Null(story.Dateline);
    }

    [Fact]
    public void EndsTheStoryAtTheContributorLine()
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.Article("newspress-comments.txt", "Syria's interim leader Ahmad al-Sharaa meets with Putin in Moscow", new LocalDate(2025, 10, 15)));

        Story story = Assert.Single(cleaned.Stories);
        Assert.EndsWith("as well as some old strategic interests.”", story.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("News-Press Now", story.Text, StringComparison.Ordinal);
        Assert.Empty(Fixture.Sentences(story, SentenceKind.Caption)); // "Russian President Vladimir Putin" / "AP" are labels, not captions
    }

    [Fact]
    public void RemovesTemplateExpressionsInsideALine()
    {
        string body = "Putin said the talks went well. {{ articles_filter_1561_widget.title }} He thanked al-Sharaa.";
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.FromBody(body, "Talks", Jan28));

        Story story = Assert.Single(cleaned.Stories);
        Assert.Equal("Putin said the talks went well. He thanked al-Sharaa.", story.Text);
        Assert.Equal(body.IndexOf("He thanked", StringComparison.Ordinal), story.Map.ToSource(story.Text.IndexOf("He thanked", StringComparison.Ordinal)));
        Assert.Contains(cleaned.Removed, r => r.Reason == "template expression");
    }

    [Fact]
    public void ReportsAnArticleWithNothingLeft()
    {
        CleanedArticle cleaned = ArticleCleaner.Clean(Fixture.FromBody("ADVERTISEMENT\nSkip to main content\n{{ widget.title }}\n", "Empty", Jan28));

        Assert.Empty(cleaned.Stories);
        Assert.Equal(Severity.Warning, Assert.Single(cleaned.Diagnostics).Severity);
    }

    [Fact]
    public void IsDeterministic()
    {
        Article article = Fixture.Article("ap-two-stories.txt", "Syria's interim president visits Moscow", Jan28);
        CleanedArticle a = ArticleCleaner.Clean(article);
        CleanedArticle b = ArticleCleaner.Clean(article);
        Assert.Equal(a.Stories.Select(s => s.Text), b.Stories.Select(s => s.Text));
        Assert.Equal(a.Removed, b.Removed);
    }
}

/// <summary>Where a related-content line ends the story and where it is removed alone.</summary>
public class ArticleCleanerRelatedContentTest
{
    private const string Lede = "The search began on Monday, officials said.\n\n";
    private const string After = "Questions remain about the craft, which was never certified by any agency.";

    // (why, body, text that must be kept, text that must be removed)
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // A teaser in the middle: only the teaser goes; the paragraph after it is article text.
        { "inline teaser with colon", Lede + "RELATED: The billionaire explorers drawn to the deep\n\n" + After, After, "billionaire explorers" },
        { "inline teaser with bar", Lede + "Read next | Rescue crews race the clock\n\n" + After, After, "Rescue crews" },
        { "teaser headline ending in a question mark", Lede + "See also: Why did the craft lose contact?\n\n" + After, After, "Why did the craft" },
        // Must not change: a trailing box under its own label ends the story, so what follows the links is dropped too.
        { "trailing related-stories box", Lede + "Related stories\nPorts brace for slower growth — February 17, 2021\n\n" + After, "The search began", After },
        { "label with colon and nothing after it", Lede + "Related:\nPorts brace for slower growth\n\n" + After, "The search began", After },
        { "tag list after its label", Lede + "Article Topic Follows: AP World News\n\n" + After, "The search began", After },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void KeepsOrDropsTheTextAfterIt(string why, string body, string kept, string removed)
    {
        string text = Fixture.AllText(ArticleCleaner.Clean(Fixture.FromBody(body, why, new NodaTime.LocalDate(2023, 6, 26))));

        Assert.Contains(kept, text, StringComparison.Ordinal);
        Assert.DoesNotContain(removed, text, StringComparison.Ordinal);
    }
}

/// <summary>Bodies no news page should have: cleaning must neither throw nor lose the mapping.</summary>
public class ArticleCleanerHostileTest
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "empty", "" },
        { "only newlines", "\n\n\r\n\n" },
        { "one huge line of prose", string.Concat(Enumerable.Repeat("Putin met al-Sharaa in Moscow on Wednesday, Jan. 28, 2026. ", 20_000)) },
        { "one huge word", new string('x', 300_000) },
        { "many short lines", string.Concat(Enumerable.Repeat("Click to Gallery\nU.S.\n(AP)\n", 20_000)) },
        { "nested braces", new string('{', 50_000) + new string('}', 50_000) },
        { "periods only", new string('.', 100_000) },
        { "control and bidi characters", "MOSCOW (AP) — Talks\u202E began\u0007 on Wednesday.\u200B\nFILE - \u0000 (AP Photo/X)" },
        { "unclosed template", "{{ articles_filter_1561_widget.title \nBody text continues here, as a sentence." },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void NeverThrowsAndMapsEverySentence(string name, string body)
    {
        Article article = Fixture.FromBody(body, name, new NodaTime.LocalDate(2026, 1, 28));
        CleanedArticle cleaned = ArticleCleaner.Clean(article);
        foreach (Story story in cleaned.Stories)
        {
            foreach (Sentence sentence in story.Sentences)
            {
                Assert.InRange(sentence.Start, 0, sentence.End - 1);
                int source = story.Map.ToSource(sentence.Start);
                Assert.Equal(story.Text[sentence.Start], body[source] is '\u00A0' ? ' ' : body[source]);
            }
        }
    }
}
