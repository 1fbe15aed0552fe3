using NodaTime;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;
using Timeline.Site.Loading;
using Timeline.Site.Rendering;

namespace Timeline.Site.Tests.Rendering;

/// <summary>
/// A small hand-built site model covering every precision the site must show (day, week, month, month with START,
/// year, decade), a conflict, participants, boilerplate removed, a caption, and an article whose title, outlet and
/// text carry a template-injection payload.
/// </summary>
internal static class TestSite
{
    /// <summary>The regression payload: Scriban syntax that must never run, and a script tag that must never reach the page.</summary>
    public const string Payload = "{{ articles_filter_1561_widget.title }}<script>alert(1)</script>";

    public static string RepoRoot { get; } = Timeline.TestSupport.RepoRoot.Path;

    public static string ThemeDir => Path.Combine(RepoRoot, "themes", "default");

    public static string SampleInput => Path.Combine(RepoRoot, "input");

    public static string ThemesDir => Path.Combine(RepoRoot, "themes");

    public static SiteModel Model(string baseUrl = "/")
    {
        DateTimeZone moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
        DateTimeZone manila = DateTimeZoneProviders.Tzdb["Asia/Manila"];

        // Article A: a clean AP-style story published Wed 28 Jan 2026 (date only).
        const string textA = "MOSCOW (AP) — The four-day truce expired Saturday, officials said.\n\n" +
            "Al-Sharaa first visited Russia in October 2025 and met Putin.\n\n" +
            "Fighting broke out early this month after talks collapsed.\n\n" +
            "The civil war began in 2011.\n\n" +
            "Talks were held the week of Jan. 19, 2026.\n\n" +
            "Its roots lie in the 2010s.";
        var articleA = new Article("articles/a.txt", "Syria's leader visits Moscow", "Associated Press",
            DocumentTime.FromDate(new LocalDate(2026, 1, 28), moscow), ArticleFormat.Text, textA, 7)
        { Url = "https://example.org/ap-story" };
        var sourceA = SourceInfo.From(articleA);
        Story storyA = StoryOf(articleA.Path, 0, textA);
        var saturday = Mention(textA, "Saturday", TimexType.Date, "2026-01-24", TimexMod.None, Day(2026, 1, 24));
        var october = Mention(textA, "October 2025", TimexType.Date, "2025-10", TimexMod.None, Month(2025, 10));
        var early = Mention(textA, "early this month", TimexType.Date, "2026-01", TimexMod.Start, Month(2026, 1));
        var y2011 = Mention(textA, "2011", TimexType.Date, "2011", TimexMod.None, new DateRange(new LocalDate(2011, 1, 1), new LocalDate(2011, 12, 31), Granularity.Year));
        var week = Mention(textA, "the week of Jan. 19, 2026", TimexType.Date, "2026-W04", TimexMod.None, new DateRange(new LocalDate(2026, 1, 19), new LocalDate(2026, 1, 25), Granularity.Week));
        var decade = Mention(textA, "the 2010s", TimexType.Date, "201", TimexMod.None, new DateRange(new LocalDate(2010, 1, 1), new LocalDate(2019, 12, 31), Granularity.Decade));
        var mentionsA = new[] { saturday, october, early, y2011, week, decade };

        // Article B: a title, outlet and sentence carrying the payload, published Thu 29 Jan 2026 00:30 Manila time.
        string textB = $"MANILA — {Payload} happened on Wednesday, the agency said.\n\nPutin met al-Sharaa on Wednesday in Moscow.";
        var publishedB = new LocalDateTime(2026, 1, 29, 0, 30).InZoneStrictly(manila);
        var articleB = new Article("articles/b.txt", Payload, "Outlet " + Payload, new DocumentTime(publishedB, true), ArticleFormat.Text, textB, 6)
        { Url = "javascript:alert(1)" };
        var sourceB = SourceInfo.From(articleB);
        Story storyB = StoryOf(articleB.Path, 0, textB);
        var wednesday = Mention(textB, "on Wednesday", TimexType.Date, "2026-01-28", TimexMod.None, Day(2026, 1, 28));
        int secondWed = textB.IndexOf("on Wednesday", textB.IndexOf("Putin", StringComparison.Ordinal), StringComparison.Ordinal);
        var wednesday2 = wednesday with { Start = secondWed, End = secondWed + "on Wednesday".Length };

        EventMention Cite(SourceInfo source, Story story, TemporalMention t, params string[] participants)
        {
            Sentence s = story.Sentences.First(x => x.Start <= t.Start && t.End <= x.End);
            return new EventMention(source, story.Id, story.Sentences.ToList().IndexOf(s), story.Text[s.Start..s.End], s.Start, t) { Participants = participants };
        }

        var events = new List<TimelineEvent>
        {
            Event("201-roots", "201", TimexMod.None, decade.Range!.Value, "Roots of the conflict", false, Cite(sourceA, storyA, decade)),
            Event("2011-civil-war-begins", "2011", TimexMod.None, y2011.Range!.Value, "Syria's civil war begins", false, Cite(sourceA, storyA, y2011)),
            Event("2025-10-al-sharaa-first-visits-russia", "2025-10", TimexMod.None, october.Range!.Value, "Al-Sharaa first visits Russia", false, Cite(sourceA, storyA, october, "Ahmad al-Sharaa", "Vladimir Putin")),
            Event("2026-01-fighting-breaks-out", "2026-01", TimexMod.Start, early.Range!.Value, "Fighting breaks out", true, Cite(sourceA, storyA, early, "SDF")) with
            {
                Conflicts = [new DateConflict("2026-01-05", ["articles/a.txt", "articles/b.txt"], "one source says 5 January")],
            },
            Event("2026-w04-talks", "2026-W04", TimexMod.None, week.Range!.Value, "Talks are held", false, Cite(sourceA, storyA, week)),
            Event("2026-01-24-truce-expires", "2026-01-24", TimexMod.None, saturday.Range!.Value, "The four-day truce expires", true, Cite(sourceA, storyA, saturday, "SDF")),
            Event("2026-01-28-payload", "2026-01-28", TimexMod.None, wednesday.Range!.Value, Payload, true,
                Cite(sourceB, storyB, wednesday, Payload, "Vladimir Putin"), Cite(sourceB, storyB, wednesday2, "Vladimir Putin", "Ahmad al-Sharaa")),
        };

        var cleanedA = new CleanedArticle(articleA, [storyA])
        {
            Removed = [new RemovedBlock(0, 40, "navigation"), new RemovedBlock(50, 70, "navigation"), new RemovedBlock(80, 200, "script or style")],
        };
        var cleanedB = new CleanedArticle(articleB, [storyB]);
        var excluded = new ExcludedMention(Cite(sourceA, storyA, october) with { IsCaption = true }, "caption");
        var reports = new List<ArticleReport>
        {
            new(articleA, cleanedA, [new TaggedStory(sourceA, storyA, mentionsA)], [new StoryEvents(storyA.Id, [], [excluded])]),
            new(articleB, cleanedB, [new TaggedStory(sourceB, storyB, [wednesday, wednesday2])], [new StoryEvents(storyB.Id, [], [])]),
        };

        var config = new SiteConfig("Test timeline", "Syria and Russia")
        {
            Description = "A test site. " + Payload,
            BaseUrl = baseUrl,
        };
        return new SiteModel(config, new Chronology(events, [excluded]), reports, []);
    }

    /// <summary>Renders <see cref="Model"/> with the default theme into a dictionary of path → text.</summary>
    public static IReadOnlyDictionary<string, string> Render(string baseUrl = "/") =>
        new SiteRenderer(ThemeDir).Render(Model(baseUrl))
            .ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content), StringComparer.Ordinal);

    public static DateRange Day(int y, int m, int d) => new(new LocalDate(y, m, d), new LocalDate(y, m, d), Granularity.Day);

    public static DateRange Month(int y, int m)
    {
        var start = new LocalDate(y, m, 1);
        return new DateRange(start, start.PlusMonths(1).PlusDays(-1), Granularity.Month);
    }

    private static TimelineEvent Event(string slug, string date, TimexMod mod, DateRange range, string headline, bool key, params EventMention[] sources) =>
        new(slug, date, mod, range, headline, sources) { Slug = slug, Key = key };

    private static TemporalMention Mention(string text, string expression, TimexType type, string value, TimexMod mod, DateRange range)
    {
        int start = text.IndexOf(expression, StringComparison.Ordinal);
        return new TemporalMention(start, start + expression.Length, expression, type, value, mod, "test") { Range = range };
    }

    /// <summary>A story whose sentences are its paragraphs (enough for rendering).</summary>
    private static Story StoryOf(string path, int index, string text)
    {
        var sentences = Highlighter.ParagraphSpans(text).Select(p => new Sentence(p.Start, p.End, SentenceKind.Body)).ToList();
        return new Story(path, index, text, sentences, SourceMap.Identity()) { Dateline = text[..text.IndexOf('—')].Trim() };
    }
}
