using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Timeline.Core.Events;
using Timeline.Core.Temporal;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Events;

/// <summary>
/// The merge keeps work with the strings and lists of the stories it is given (term lists, tentative flags, topic
/// overlaps, story term counts) and shares its stages between cores. A rebuild after one more article, reusing the
/// extraction of the others (as <c>timeline preview</c> does with its cache in memory), must give exactly what a fresh
/// merge of a fresh extraction gives; and the stages on many cores exactly what they give on one.
/// </summary>
public partial class IncrementalMergeTest
{
    [Fact]
    public void AddingArticlesOneByOneGivesTheFullMergeOfACluster()
    {
        List<(Article Article, string Topic)> articles = LoadCluster("titan");
        var options = new EventOptions(articles[0].Topic);
        var reused = new List<StoryEvents>();
        int previous = EventBuilder.MinParallel;
        try
        {
            for (int k = 0; k < articles.Count; k++)
            {
                // Given the extraction of the first k articles kept from the builds before, and one new article
                EventBuilder.MinParallel = 1; // every stage that can shares its work out, however small the input
                reused.AddRange(Extract(articles[k].Article, options));
                string incremental = Dump(EventPipeline.Build(reused, options));

                // Then a fresh merge of a fresh extraction (no string, list or cache shared), on one thread, is the same
                EventBuilder.MinParallel = int.MaxValue;
                string fresh = Dump(EventPipeline.Build(articles.Take(k + 1).SelectMany(a => Extract(a.Article, options)).ToList(), options));
                Assert.Equal(fresh, incremental);
            }
        }
        finally
        {
            EventBuilder.MinParallel = previous;
        }

        Assert.Contains("E ", Dump(EventPipeline.Build(reused, options)), StringComparison.Ordinal);
    }

    private static List<StoryEvents> Extract(Article article, EventOptions options)
    {
        var source = SourceInfo.From(article);
        return [.. ArticleCleaner.Clean(article).Stories
            .Select(s => EventPipeline.Extract(new TaggedStory(source, s, TemporalTagger.Default.Tag(s.Text, article.Published)), options))];
    }

    /// <summary>Everything a site shows of a chronology, floating-point values to the last bit.</summary>
    private static string Dump(Chronology c)
    {
        var w = new StringBuilder();
        foreach (TimelineEvent e in c.Events)
        {
            w.Append(CultureInfo.InvariantCulture, $"E {e.Id} {e.Date} {e.Modifier} {e.Range} key={e.Key} bg={e.Background} sal={e.Salience:R} slug={e.Slug} outlets={e.Outlets} | {e.Headline} | {string.Join(";", e.Participants)}\n");
            foreach (DateConflict x in e.Conflicts)
            {
                w.Append(CultureInfo.InvariantCulture, $"  C {x.Value} {string.Join(",", x.ArticlePaths)} {x.Note}\n");
            }

            foreach (Happening h in e.Happenings)
            {
                w.Append(CultureInfo.InvariantCulture, $"  H {h.Id} {h.Date} {h.Key} {h.Salience:R} {h.Headline} {h.Sources.Count}\n");
            }

            foreach (EventMention m in e.Sources)
            {
                w.Append(CultureInfo.InvariantCulture, $"  S {m.Source.ArticlePath}#{m.QuoteStart} {m.StoryId} {m.Time.Value} {m.Time.Start} cap={m.IsCaption} rel={m.TopicRelevance:R}\n");
            }
        }

        foreach (ExcludedMention x in c.Excluded)
        {
            w.Append(CultureInfo.InvariantCulture, $"X {x.Mention.Source.ArticlePath}#{x.Mention.QuoteStart} {x.Mention.Time.Value} {x.Reason}\n");
        }

        return w.ToString();
    }

    /// <summary>The plain-text articles of a cluster of the end-to-end tests (front matter: title, source, published, time_zone), in file order.</summary>
    private static List<(Article Article, string Topic)> LoadCluster(string name)
    {
        string dir = FindCluster(name);
        string topic = File.ReadAllLines(Path.Combine(dir, "site.yml")).First(l => l.StartsWith("topic:", StringComparison.Ordinal))["topic:".Length..].Trim();
        var result = new List<(Article, string)>();
        foreach (string path in Directory.GetFiles(Path.Combine(dir, "articles"), "*.txt").Order(StringComparer.Ordinal))
        {
            string raw = File.ReadAllText(path).ReplaceLineEndings("\n");
            Match fm = FrontMatter().Match(raw);
            string head = fm.Groups["fm"].Value;
            DateTimeZone zone = DateTimeZoneProviders.Tzdb[Field(head, "time_zone")];
            Instant published = OffsetDateTimePattern.GeneralIso.Parse(Field(head, "published")).Value.ToInstant();
            string body = raw[fm.Length..];
            var article = new Article(
                "articles/" + Path.GetFileName(path),
                Field(head, "title"),
                Field(head, "source"),
                new DocumentTime(published.InZone(zone), true),
                ArticleFormat.Text,
                body,
                raw[..fm.Length].Count(c => c == '\n') + 1);
            result.Add((article, topic));
        }

        return result;
    }

    private static string Field(string frontMatter, string name) =>
        frontMatter.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..].Trim();

    private static string FindCluster(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "tests", "Timeline.EndToEnd.Tests", "Clusters", name, "input");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"cluster {name} not found above the test binaries");
    }

    [GeneratedRegex(@"\A---\n(?<fm>.*?)\n---\n", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex FrontMatter();
}
