using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Temporal;

namespace Timeline.Core.Tests.Temporal;

/// <summary>
/// The must-pass cases of issue 3 on the real sample articles (input/articles), tagged with the publication date and
/// time zone of their front matter. Each row names the article, a phrase that locates the expression, the extent the
/// tagger must find inside it, and the TIMEX3 value and mod.
/// </summary>
public partial class SampleArticlesTest
{
    public static TheoryData<string, string, string, string, TimexMod> Cases => new()
    {
        // "a four-day truce Saturday" in a Wednesday article with no tense cue nearby: the Saturday before.
        { "000", "truce Saturday", "Saturday", "2026-01-24", TimexMod.None },
        // "early this month" keeps its modifier and resolves to the month, never to a day.
        { "000", "early this month", "early this month", "2026-01", TimexMod.Start },
        // A month in a past-tense clause is the last such month before publication, in the previous year here.
        { "000", "visited Russia in October", "October", "2025-10", TimexMod.None },
        { "001", "visited Russia in October", "October", "2025-10", TimexMod.None },
        { "002", "visited Russia in October", "October", "2025-10", TimexMod.None },
        // Relative to a 2025-10-15 publication.
        { "004", "offensive last year", "last year", "2024", TimexMod.None },
        { "004", "removal in December", "December", "2024-12", TimexMod.None },
        // TimeML: "a decade ago" is a DATE, the year ten years back, approximate.
        { "004", "a decade ago", "a decade ago", "2015", TimexMod.Approx },
        { "004", "reporters Monday", "Monday", "2025-10-13", TimexMod.None },
        // Published Thursday 00:30 in Manila: "Wednesday" is the day before, in the article's own time zone.
        { "001", "Moscow on Wednesday for", "Wednesday", "2026-01-28", TimexMod.None },
        // "last week" is the previous ISO week of a Wednesday 2026-01-28 publication.
        { "000", "nominated last week", "last week", "2026-W04", TimexMod.None },
        { "000", "by another 15 days", "another 15 days", "P15D", TimexMod.None },
        // A month and day with a weekday in front: the weekday is part of the extent.
        { "003", "January 28", "Wednesday, January 28", "2026-01-28", TimexMod.None },
        // An explicit year is never "corrected" towards the publication date; the clock time joins it into a TIME.
        { "002", "January 29, 2025", "18:15 January 29, 2025", "2025-01-29T18:15", TimexMod.None },
        { "000", "December 2024", "December 2024", "2024-12", TimexMod.None },
        { "000", "Jan. 28, 2026", "Wednesday, Jan. 28, 2026", "2026-01-28", TimexMod.None },
        { "004", "this month", "this month", "2025-10", TimexMod.None },
        // Two months joined by "and", both in the past-tense clause of a 2025-10-15 article.
        { "004", "in January and", "January", "2025-01", TimexMod.None },
        { "004", "and September", "September", "2025-09", TimexMod.None },
        { "004", "in July", "July", "2025-07", TimexMod.None },
        // "began in\u00A02011": the article has a non-breaking space before the year.
        { "002", "began in\u00A02011", "2011", "2011", TimexMod.None },
        { "004", "this week", "this week", "2025-W42", TimexMod.None },
        // "a social media post Tuesday wrote": past tense, the day before the Wednesday publication.
        { "000", "post Tuesday wrote", "Tuesday", "2026-01-27", TimexMod.None },
        // "was set to take place Tuesday": "was" makes it the past Tuesday.
        { "000", "take place Tuesday", "Tuesday", "2026-01-27", TimexMod.None },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResolvesMustPassCase(string article, string phrase, string extent, string value, TimexMod mod)
    {
        var (text, time) = Load(article);
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.True(at >= 0, $"phrase '{phrase}' not in article {article}");
        var mentions = TemporalTagger.Default.Tag(text, time);
        var m = Assert.Single(mentions, m => m.Start < at + phrase.Length && at < m.End);
        Assert.Equal(extent, m.Text);
        Assert.Equal(value, m.Value);
        Assert.Equal(mod, m.Mod);
    }

    [Fact]
    public void EveryResolvedValueHasAConsistentRange()
    {
        foreach (var id in new[] { "000", "001", "002", "003", "004" })
        {
            var (text, time) = Load(id);
            foreach (var m in TemporalTagger.Default.Tag(text, time))
            {
                Assert.Equal(text[m.Start..m.End], m.Text);
                if (m.Type == TimexType.Duration || m.Type == TimexType.Set || m.Value.EndsWith("_REF", StringComparison.Ordinal))
                {
                    Assert.Null(m.Range);
                }
                else
                {
                    Assert.NotNull(m.Range);
                }
            }
        }
    }

    private static (string Text, DocumentTime Time) Load(string id)
    {
        var dir = FindArticles();
        var path = Directory.GetFiles(dir, id + "_*.txt").Single();
        var raw = File.ReadAllText(path);
        var fm = FrontMatter().Match(raw);
        string published = Field(fm.Groups["fm"].Value, "published");
        var zone = DateTimeZoneProviders.Tzdb[Field(fm.Groups["fm"].Value, "time_zone")];
        var text = raw[fm.Length..];
        if (published.Length > 10)
        {
            var instant = OffsetDateTimePattern.GeneralIso.Parse(published).Value.ToInstant();
            return (text, new DocumentTime(instant.InZone(zone), true));
        }

        return (text, DocumentTime.FromDate(LocalDatePattern.Iso.Parse(published).Value, zone));
    }

    private static string Field(string frontMatter, string name) =>
        frontMatter.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    private static string FindArticles()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "input", "articles");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("input/articles not found above the test binaries");
    }

    [GeneratedRegex(@"\A---\r?\n(?<fm>.*?)\r?\n---\r?\n", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex FrontMatter();
}
